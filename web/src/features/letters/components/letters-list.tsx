import { Alert, Anchor, Button, Group, Table, Text } from '@mantine/core';
import { FormError } from '@/components/form-error';
import { formatDate } from '@/lib/format';
import { useCancelLetter, useResendLetter } from '../api/letter-actions';
import type { Letter } from '../api/letter-schema';
import { LetterStatusBadge } from './letter-status';

/** The applicant's letter requests: status, waiver, resend and cancel. */
export function LettersList({ letters }: { letters: Letter[] }) {
  const resend = useResendLetter();
  const cancel = useCancelLetter();
  if (letters.length === 0) {
    return <Alert variant="light">No letters requested yet. Ask a referee with “Request a letter”.</Alert>;
  }
  return (
    <>
      <FormError error={resend.error ?? cancel.error} title="That did not work" />
      {resend.isSuccess && (
        <Alert color="teal" variant="light" role="status" mb="sm">
          A fresh link was e-mailed to {resend.data.referee.name}.
        </Alert>
      )}
      <Table striped aria-label="Your letters of recommendation">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Referee</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Waived</Table.Th>
            <Table.Th>Applications</Table.Th>
            <Table.Th>Actions</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {letters.map((letter) => (
            <Table.Tr key={letter.id}>
              <Table.Td>
                <Text fw={600}>{letter.referee.name}</Text>
                <Text size="sm">
                  {[letter.referee.title, letter.referee.institution].filter(Boolean).join(', ')}
                </Text>
                <Text size="sm">{letter.referee.email}</Text>
              </Table.Td>
              <Table.Td>
                <LetterStatusBadge status={letter.status} />
                <Text size="sm">
                  {letter.status === 'received'
                    ? `Arrived ${formatDate(letter.received_at)}`
                    : `Asked ${formatDate(letter.created_at)}`}
                </Text>
              </Table.Td>
              <Table.Td>{letter.waived ? 'Yes — you cannot read it' : 'No'}</Table.Td>
              <Table.Td>{letter.application_ids.length}</Table.Td>
              <Table.Td>
                <Group gap="xs">
                  {letter.can_download && (
                    <Anchor href={`/api/me/letters/${encodeURIComponent(letter.id)}/file`}>
                      Download letter from {letter.referee.name}
                    </Anchor>
                  )}
                  {letter.status !== 'cancelled' && !letter.sent && (
                    <Button size="xs" variant="default" loading={resend.isPending && resend.variables === letter.id}
                      onClick={() => resend.mutate(letter.id)} aria-label={`Resend the link to ${letter.referee.name}`}>
                      Resend link
                    </Button>
                  )}
                  {letter.status !== 'cancelled' && !letter.sent && (
                    <Button size="xs" color="red" variant="light" loading={cancel.isPending && cancel.variables === letter.id}
                      onClick={() => cancel.mutate(letter.id)} aria-label={`Cancel the request to ${letter.referee.name}`}>
                      Cancel request
                    </Button>
                  )}
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
