import { Badge, Stack, Table, Text } from '@mantine/core';
import type { Evaluation, EvaluationForm } from '../api/completion-schema';

type Props = { evaluation: Evaluation; form: EvaluationForm | undefined };

/** A submitted or released evaluation, read only: each competency with its rating's described level. */
export function EvaluationView({ evaluation, form }: Props) {
  const levels = new Map((form?.scale ?? []).map((l) => [l.value, l.label]));
  const rows = form?.competencies ?? Object.keys(evaluation.ratings).map((key) => ({ key, label: key, prompt: '' }));
  return (
    <Stack gap="sm">
      <Table aria-label="Evaluation ratings">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Competency</Table.Th>
            <Table.Th scope="col">Rating</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => {
            const value = evaluation.ratings[c.key];
            return (
              <Table.Tr key={c.key}>
                <Table.Th scope="row">{c.label}</Table.Th>
                <Table.Td>
                  {value === undefined ? (
                    'Not rated'
                  ) : (
                    <>
                      <Badge variant="light" mr="xs">
                        {value} / 5
                      </Badge>
                      {levels.get(value) ?? ''}
                    </>
                  )}
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
      <div>
        <Text fw={600}>Comments</Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{evaluation.comments || '—'}</Text>
      </div>
    </Stack>
  );
}
