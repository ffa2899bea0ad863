import { Button, Checkbox, Group, NativeSelect, NumberInput, SegmentedControl, Stack, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { usePublishSlots, type PublishInput } from '../api/interview-slots';

const WEEKDAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/** A staff account of the institution who can be chosen as an interviewer. */
export type InterviewerOption = { user_id: string; name: string; roles: string[] };

type Props = { institutionId: string; offeringId: string; timeZone: string; staff?: InterviewerOption[] };

/**
 * Publishes one slot or a weekly pattern; times are in the institution's zone (`timeZone`).
 * Interviewers are chosen from the institution's staff (`staff`) and/or typed as names for outside interviewers.
 */
export function PublishSlotsForm({ institutionId, offeringId, timeZone, staff = [] }: Props) {
  const publish = usePublishSlots(institutionId, offeringId);
  const [mode, setMode] = useState<'single' | 'pattern'>('single');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [from, setFrom] = useState('');
  const [to, setTo] = useState('');
  const [weekdays, setWeekdays] = useState<number[]>([1, 2, 3, 4, 5]);
  const [windowStart, setWindowStart] = useState('09:00');
  const [windowEnd, setWindowEnd] = useState('12:00');
  const [minutes, setMinutes] = useState<number | string>(30);
  const [format, setFormat] = useState<'video' | 'phone' | 'in_person'>('video');
  const [location, setLocation] = useState('');
  const [interviewers, setInterviewers] = useState('');
  const [interviewerIds, setInterviewerIds] = useState<string[]>([]);
  const [capacity, setCapacity] = useState<number | string>(1);
  const field = publish.error instanceof ApiError ? publish.error.field : undefined;
  const err = (...names: string[]) => (field && names.includes(field) ? publish.error?.message : undefined);

  const submit = () => {
    const details = {
      minutes: Number(minutes) || 0,
      format,
      location,
      interviewers,
      ...(interviewerIds.length > 0 ? { interviewer_ids: interviewerIds } : {}),
      capacity: Number(capacity) || 0,
    };
    const input: PublishInput =
      mode === 'single'
        ? { ...details, date, time }
        : { ...details, pattern: { from, to, weekdays, window_start: windowStart, window_end: windowEnd } };
    publish.mutate(input);
  };

  return (
    <form
      aria-label="Publish interview slots"
      onSubmit={(e) => {
        e.preventDefault();
        submit();
      }}
    >
      <Stack gap="sm">
        <SegmentedControl
          aria-label="How many slots"
          value={mode}
          onChange={(v) => setMode(v as 'single' | 'pattern')}
          data={[
            { value: 'single', label: 'One slot' },
            { value: 'pattern', label: 'Repeating pattern' },
          ]}
        />
        {mode === 'single' ? (
          <Group align="start">
            <TextInput type="date" label="Date" required value={date} onChange={(e) => setDate(e.currentTarget.value)} error={err('date')} />
            <TextInput type="time" label={`Start time (${timeZone})`} required value={time} onChange={(e) => setTime(e.currentTarget.value)} error={err('time')} />
          </Group>
        ) : (
          <Stack gap="xs">
            <Group align="start">
              <TextInput type="date" label="From" required value={from} onChange={(e) => setFrom(e.currentTarget.value)} error={err('pattern.from')} />
              <TextInput type="date" label="To" required value={to} onChange={(e) => setTo(e.currentTarget.value)} error={err('pattern.to', 'pattern.count')} />
              <TextInput type="time" label={`Window start (${timeZone})`} required value={windowStart} onChange={(e) => setWindowStart(e.currentTarget.value)} error={err('pattern.window_start')} />
              <TextInput type="time" label="Window end" required value={windowEnd} onChange={(e) => setWindowEnd(e.currentTarget.value)} error={err('pattern.window_end')} />
            </Group>
            <Checkbox.Group label="Weekdays" value={weekdays.map(String)} onChange={(v) => setWeekdays(v.map(Number).sort())} error={err('pattern.weekdays')}>
              <Group gap="sm" mt="xs">
                {WEEKDAYS.map((d, i) => (
                  <Checkbox key={d} value={String(i)} label={d} />
                ))}
              </Group>
            </Checkbox.Group>
          </Stack>
        )}
        <Group align="start">
          <NumberInput label="Length (minutes)" min={5} max={480} value={minutes} onChange={setMinutes} error={err('minutes')} />
          <NativeSelect
            label="Format"
            value={format}
            onChange={(e) => setFormat(e.currentTarget.value as typeof format)}
            data={[
              { value: 'video', label: 'Video' },
              { value: 'phone', label: 'Phone' },
              { value: 'in_person', label: 'In person' },
            ]}
          />
          <NumberInput label="Applicants per slot" min={1} max={50} value={capacity} onChange={setCapacity} error={err('capacity')} />
        </Group>
        <TextInput
          label={format === 'video' ? 'Video link' : format === 'in_person' ? 'Address' : 'Phone note (optional)'}
          value={location}
          onChange={(e) => setLocation(e.currentTarget.value)}
          error={err('location')}
        />
        {staff.length > 0 && (
          <Checkbox.Group
            label="Staff interviewers"
            description="They see the interview under My interviews, in their calendar feed, and are offered the scorecard first."
            value={interviewerIds}
            onChange={setInterviewerIds}
            error={field?.startsWith('interviewer_ids') ? publish.error?.message : undefined}
          >
            <Group gap="sm" mt="xs">
              {staff.map((m) => (
                <Checkbox key={m.user_id} value={m.user_id} label={`${m.name} (${m.roles.join(', ')})`} />
              ))}
            </Group>
          </Checkbox.Group>
        )}
        <TextInput
          label="Interviewers (names, e.g. from outside)"
          value={interviewers}
          onChange={(e) => setInterviewers(e.currentTarget.value)}
          error={err('interviewers')}
        />
        <FormError error={field ? undefined : publish.error} title="The slots were not published" />
        {publish.data && (
          <div role="status">
            Published {publish.data.count} slot{publish.data.count === 1 ? '' : 's'}.
          </div>
        )}
        <Group>
          <Button type="submit" loading={publish.isPending}>
            Publish
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
