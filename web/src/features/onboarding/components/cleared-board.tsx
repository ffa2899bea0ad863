import { Badge, List, Table, Text } from '@mantine/core';
import { formatDate, formatDayRange } from '@/lib/format';
import type { PlacementOnboarding } from '../api/onboarding-schema';

/** The "Cleared to start" table: one accepted placement a row, cleared yes/no and exactly what is missing. */
export function ClearedBoard({ rows }: { rows: PlacementOnboarding[] }) {
  if (rows.length === 0) return <Text>No accepted placements match.</Text>;
  return (
    <Table.ScrollContainer minWidth={720}>
      <Table striped aria-label="Cleared to start">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Applicant</Table.Th>
            <Table.Th scope="col">Rotation</Table.Th>
            <Table.Th scope="col">Cleared</Table.Th>
            <Table.Th scope="col">Missing</Table.Th>
            <Table.Th scope="col">Reminders sent</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.placement_id}>
              <Table.Th scope="row" fw={400}>
                <Text fw={600}>{r.applicant_name}</Text>
                <Text size="sm" c="dimmed">
                  {r.applicant_email}
                </Text>
              </Table.Th>
              <Table.Td>
                <Text>{r.offering_title}</Text>
                <Text size="sm" c="dimmed">
                  {formatDayRange(r.start_date, r.end_date)}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={r.cleared ? 'green.9' : 'orange.9'} variant="filled">
                  {r.cleared ? 'Cleared' : 'Not cleared'}
                </Badge>
              </Table.Td>
              <Table.Td>
                {r.missing.length === 0 ? (
                  <Text size="sm">Nothing</Text>
                ) : (
                  <List size="sm" spacing={2}>
                    {r.missing.map((m) => (
                      <List.Item key={m}>{m}</List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
              <Table.Td>
                {(r.reminders ?? []).length === 0 ? (
                  <Text size="sm">None</Text>
                ) : (
                  <List size="sm" spacing={2} listStyleType="none">
                    {(r.reminders ?? []).map((x) => (
                      <List.Item key={x.days}>
                        {x.days}-day reminder, {formatDate(x.sent_at)}
                      </List.Item>
                    ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
