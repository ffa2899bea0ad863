import { Button, Group, NativeSelect, Stack, Table, Text, TextInput, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import type { CompletionPlacement } from '../api/completion-schema';
import { useSaveAttendance } from '../api/students';

type Day = { date: string; status: 'present' | 'absent'; note: string };

/** The preceptor's attendance record: one row per day within the placement's dates. */
export function AttendanceEditor({ placement }: { placement: CompletionPlacement }) {
  const [days, setDays] = useState<Day[]>(placement.attendance.days ?? []);
  const [date, setDate] = useState(placement.started_on || placement.start_date);
  const save = useSaveAttendance(placement.id);
  const present = days.filter((d) => d.status === 'present').length;
  const add = (status: Day['status']) => {
    if (!date || days.some((d) => d.date === date)) return;
    setDays([...days, { date, status, note: '' }].sort((a, b) => a.date.localeCompare(b.date)));
  };
  return (
    <Stack>
      <Text>
        {present} days present, {days.length - present} absent ({placement.start_date} to {placement.end_date}).
      </Text>
      <FormError error={save.error} title="Attendance was not saved" />
      <Group align="flex-end">
        <TextInput type="date" label="Day" value={date} min={placement.start_date} max={placement.end_date} onChange={(e) => setDate(e.currentTarget.value)} />
        <Button variant="light" onClick={() => add('present')}>
          Add as present
        </Button>
        <Button variant="default" onClick={() => add('absent')}>
          Add as absent
        </Button>
      </Group>
      {days.length > 0 && (
        <Table aria-label="Attendance days">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Day</Table.Th>
              <Table.Th scope="col">Attendance</Table.Th>
              <Table.Th scope="col">Note</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {days.map((d, i) => (
              <Table.Tr key={d.date}>
                <Table.Th scope="row">{d.date}</Table.Th>
                <Table.Td>
                  <NativeSelect
                    aria-label={`Attendance on ${d.date}`}
                    data={[
                      { value: 'present', label: 'Present' },
                      { value: 'absent', label: 'Absent' },
                    ]}
                    value={d.status}
                    onChange={(e) => setDays(days.map((x, j) => (j === i ? { ...x, status: e.currentTarget.value as Day['status'] } : x)))}
                  />
                </Table.Td>
                <Table.Td>
                  <TextInput aria-label={`Note for ${d.date}`} value={d.note} onChange={(e) => { const note = e.currentTarget.value; setDays(days.map((x, j) => (j === i ? { ...x, note } : x))); }} />
                </Table.Td>
                <Table.Td>
                  <Button variant="subtle" color="red" size="xs" aria-label={`Remove ${d.date}`} onClick={() => setDays(days.filter((_, j) => j !== i))}>
                    Remove
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group>
        <Button onClick={() => save.mutate({ days })} loading={save.isPending}>
          Save attendance
        </Button>
        {save.isSuccess && <Text role="status">Attendance saved.</Text>}
      </Group>
    </Stack>
  );
}
