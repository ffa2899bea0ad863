import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { STATUS_LABELS, type CompletionPlacement } from '../api/completion-schema';

/** The preceptor's students: one row per placement they precept. */
export function MyStudents({ placements }: { placements: CompletionPlacement[] }) {
  if (placements.length === 0) return <Text>No students yet: a coordinator assigns you to placements.</Text>;
  return (
    <Table aria-label="My students">
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">Student</Table.Th>
          <Table.Th scope="col">Rotation</Table.Th>
          <Table.Th scope="col">Dates</Table.Th>
          <Table.Th scope="col">Status</Table.Th>
          <Table.Th scope="col">Evaluation</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {placements.map((p) => (
          <Table.Tr key={p.id}>
            <Table.Th scope="row">
              <Anchor component={Link} to={`/students/${p.id}`}>
                {p.applicant.name}
              </Anchor>
            </Table.Th>
            <Table.Td>
              {p.offering_title}, {p.institution_name}
            </Table.Td>
            <Table.Td>
              {p.start_date} to {p.end_date}
            </Table.Td>
            <Table.Td>
              <Badge variant="light">{STATUS_LABELS[p.status]}</Badge>
            </Table.Td>
            <Table.Td>{p.evaluation?.status ?? 'not started'}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
