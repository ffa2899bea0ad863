import { Button, Table, Text } from '@mantine/core';
import { FormError } from '@/components/form-error';
import type { SlotList } from '../api/interview-schema';
import { FORMAT_LABELS, interviewerNames } from '../api/interview-schema';
import { useDeleteSlot } from '../api/interview-slots';
import { SlotTime } from './slot-time';

/** The offering's slots: time in both zones, format, booked/capacity and who booked. */
export function InterviewSlotsTable({ list, institutionId, offeringId, coordinator }: {
  list: SlotList;
  institutionId: string;
  offeringId: string;
  coordinator: boolean;
}) {
  const remove = useDeleteSlot(institutionId, offeringId);
  if (list.slots.length === 0) return <Text>No slots yet.</Text>;
  return (
    <>
      <FormError error={remove.error} title="The slot was not deleted" />
      <Table striped aria-label={`Interview slots (${list.slots.length})`}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>When</Table.Th>
            <Table.Th>Format</Table.Th>
            <Table.Th>Interviewers</Table.Th>
            <Table.Th>Booked</Table.Th>
            <Table.Th>Applicants</Table.Th>
            {coordinator && <Table.Th>Actions</Table.Th>}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.slots.map((s) => (
            <Table.Tr key={s.id}>
              <Table.Td>
                <SlotTime startsAt={s.starts_at} timeZone={s.time_zone} minutes={s.minutes} />
              </Table.Td>
              <Table.Td>
                {FORMAT_LABELS[s.format]}
                {s.location ? `: ${s.location}` : ''}
              </Table.Td>
              <Table.Td>{interviewerNames(s)}</Table.Td>
              <Table.Td>
                {s.booked}/{s.capacity}
              </Table.Td>
              <Table.Td>{(s.bookings ?? []).map((b) => b.applicant_name).join(', ')}</Table.Td>
              {coordinator && (
                <Table.Td>
                  {s.booked === 0 && (
                    <Button size="xs" variant="subtle" color="red" onClick={() => remove.mutate(s.id)} aria-label={`Delete slot ${s.local_date} ${s.local_time}`}>
                      Delete
                    </Button>
                  )}
                </Table.Td>
              )}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </>
  );
}
