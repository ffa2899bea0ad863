import { Anchor, List, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay, formatDayRange } from '@/lib/format';
import type { Application } from '../api/application-schema';
import { ApplicationStatusBadge } from './application-status';

type Props = { applications: Application[]; labelledBy: string };

/** "My applications": offering, institution, status and chosen blocks, newest first. */
export function ApplicationsTable({ applications, labelledBy }: Props) {
  if (applications.length === 0) {
    return <Text>No applications yet. Find a rotation and choose “Apply”.</Text>;
  }
  const sorted = [...applications].sort((a, b) => b.created_at.localeCompare(a.created_at));
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table aria-labelledby={labelledBy} verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Offering</Table.Th>
            <Table.Th scope="col">Institution</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Blocks (in order of preference)</Table.Th>
            <Table.Th scope="col">Next step</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((application) => (
            <Table.Tr key={application.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor component={Link} to={`/applications/${application.id}`} fw={600}>
                  {application.offering_title}
                </Anchor>
              </Table.Th>
              <Table.Td>{application.institution_name}</Table.Td>
              <Table.Td>
                <ApplicationStatusBadge status={application.status} />
                {application.unread ? (
                  <Text size="sm" fw={600}>
                    {application.unread} new {application.unread === 1 ? 'message' : 'messages'}
                  </Text>
                ) : null}
              </Table.Td>
              <Table.Td>
                <List size="sm" spacing={2} listStyleType="none">
                  {application.blocks.map((block) => (
                    <List.Item key={block.id}>{formatDayRange(block.start_date, block.end_date)}</List.Item>
                  ))}
                </List>
              </Table.Td>
              <Table.Td>
                {application.next_step}
                {application.status === 'draft' && application.deadline ? (
                  <Text size="sm" c="dimmed">
                    Deadline {formatDay(application.deadline)}
                  </Text>
                ) : null}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
