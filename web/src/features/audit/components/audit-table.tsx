import { Code, Table, Text } from '@mantine/core';
import { formatDateTime } from '@/lib/format';
import type { AuditEntry } from '../api/get-audit';

type Props = {
  entries: AuditEntry[];
  labelledBy: string;
};

/** The audit log, newest first: when, what, which record, who and from where. */
export function AuditTable({ entries, labelledBy }: Props) {
  if (entries.length === 0) {
    return <Text>No recorded changes yet.</Text>;
  }
  return (
    <Table.ScrollContainer minWidth={760} type="native">
      <Table aria-labelledby={labelledBy} verticalSpacing="xs" horizontalSpacing="sm" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">When</Table.Th>
            <Table.Th scope="col">Action</Table.Th>
            <Table.Th scope="col">Record type</Table.Th>
            <Table.Th scope="col">Record</Table.Th>
            <Table.Th scope="col">Actor</Table.Th>
            <Table.Th scope="col">IP address</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {entries.map((entry) => (
            <Table.Tr key={entry.id}>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <time dateTime={entry.at}>{formatDateTime(entry.at)}</time>
              </Table.Td>
              <Table.Td>
                <Code>{entry.action}</Code>
              </Table.Td>
              <Table.Td>{entry.record_type || '—'}</Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {entry.record_id || '—'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {entry.actor_id || 'anonymous'}
                </Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{entry.actor_ip || '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
