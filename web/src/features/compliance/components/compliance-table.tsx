import { Anchor, Badge, Group, Stack, Table, Text } from '@mantine/core';
import { formatDayRange } from '@/lib/format';
import type { ComplianceRow } from '../api/compliance-schema';
import { ComplianceStateBadge } from './checklist';

type Props = {
  rows: ComplianceRow[];
  requirementLabel: (requirement: string) => string;
  onOpenApplicant: (applicant: ComplianceRow['applicant']) => void;
  labelledBy: string;
};

/** "Cleared to start": one row per applicant, a cleared / not-cleared badge and the items per block. */
export function ComplianceTable({ rows, requirementLabel, onOpenApplicant, labelledBy }: Props) {
  if (rows.length === 0) return <Text>No applications yet.</Text>;
  const sorted = [...rows].sort((a, b) => a.applicant.name.localeCompare(b.applicant.name));
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table aria-labelledby={labelledBy} verticalSpacing="sm" horizontalSpacing="md">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Applicant</Table.Th>
            <Table.Th scope="col">Application</Table.Th>
            <Table.Th scope="col">Blocks and requirements</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((row) => (
            <Table.Tr key={row.application_id}>
              <Table.Th scope="row" fw={400}>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  onClick={() => onOpenApplicant(row.applicant)}
                  aria-label={`Documents of ${row.applicant.name}`}
                >
                  {row.applicant.name}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {row.applicant.email}
                </Text>
              </Table.Th>
              <Table.Td>
                <Text size="sm">{row.status.charAt(0).toUpperCase() + row.status.slice(1)}</Text>
              </Table.Td>
              <Table.Td>
                <Stack gap="sm">
                  {row.blocks.map((block) => (
                    <Stack key={block.block_id} gap={4}>
                      <Group gap="sm">
                        <Text size="sm" fw={600}>
                          {formatDayRange(block.start_date, block.end_date)}
                        </Text>
                        {block.cleared ? (
                          <Badge color="teal.9" variant="filled">
                            Cleared
                          </Badge>
                        ) : (
                          <Badge color="red.9" variant="filled">
                            Not cleared
                          </Badge>
                        )}
                      </Group>
                      <Group gap="xs">
                        {block.items.map((item) => (
                          <Group key={item.requirement} gap={4} wrap="nowrap" title={item.reason}>
                            <Text size="sm">{requirementLabel(item.requirement)}:</Text>
                            <ComplianceStateBadge state={item.state} />
                          </Group>
                        ))}
                      </Group>
                    </Stack>
                  ))}
                </Stack>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
