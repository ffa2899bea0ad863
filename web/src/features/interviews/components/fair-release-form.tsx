import { Alert, Button, Group, NativeSelect, NumberInput, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { formatInZone } from '@/lib/zoned-time';
import { useRunAssignment, useSaveRelease } from '../api/interview-release';
import type { Release, ReleaseMode } from '../api/interview-schema';

export const MODE_LABELS: Record<ReleaseMode, string> = {
  first_come: 'First come, first served',
  randomized: 'Randomized window',
  preferences: 'Preferences, assigned in one batch',
};

type Props = { institutionId: string; offeringId: string; timeZone: string; release: Release | undefined };

/** The coordinator's fair-release settings, and the batch assignment in preferences mode. */
export function FairReleaseForm({ institutionId, offeringId, timeZone, release }: Props) {
  const save = useSaveRelease(institutionId, offeringId);
  const run = useRunAssignment(institutionId, offeringId);
  const [mode, setMode] = useState<ReleaseMode>(release?.mode ?? 'first_come');
  const [date, setDate] = useState('');
  const [time, setTime] = useState('09:00');
  const [windowMinutes, setWindowMinutes] = useState<number | string>(release?.window_minutes || 10);
  const field = save.error instanceof ApiError ? save.error.field : undefined;
  const err = (...names: string[]) => (field && names.includes(field) ? save.error?.message : undefined);
  const current = release?.mode ?? 'first_come';
  const assigned = Boolean(release?.assigned_at);

  return (
    <Stack gap="md">
      <Text size="sm">
        Now: <strong>{MODE_LABELS[current]}</strong>
        {current === 'randomized' && release?.release_at
          ? ` · opens ${formatInZone(new Date(release.release_at), timeZone)}, a turn every ${release.window_minutes} min`
          : ''}
        {current === 'preferences' && release?.preference_deadline
          ? ` · rankings close ${formatInZone(new Date(release.preference_deadline), timeZone)}`
          : ''}
        {release?.seed ? ` · seed ${release.seed}` : ''}
      </Text>
      <form
        aria-label="Fair release"
        onSubmit={(e) => {
          e.preventDefault();
          const version = release?.version ?? 0;
          if (mode === 'randomized') {
            save.mutate({ mode, release_date: date, release_time: time, window_minutes: Number(windowMinutes) || 0, version });
          } else if (mode === 'preferences') {
            save.mutate({ mode, deadline_date: date, deadline_time: time, version });
          } else {
            save.mutate({ mode, version });
          }
        }}
      >
        <Stack gap="sm">
          <NativeSelect
            label="How invited applicants get a slot"
            value={mode}
            onChange={(e) => setMode(e.currentTarget.value as ReleaseMode)}
            data={(Object.keys(MODE_LABELS) as ReleaseMode[]).map((m) => ({ value: m, label: MODE_LABELS[m] }))}
            error={err('mode')}
          />
          {mode !== 'first_come' && (
            <Group align="start">
              <TextInput
                type="date"
                label={mode === 'randomized' ? 'Release date' : 'Preference deadline date'}
                required
                value={date}
                onChange={(e) => setDate(e.currentTarget.value)}
                error={err('release_date', 'deadline_date')}
              />
              <TextInput
                type="time"
                label={`${mode === 'randomized' ? 'Release time' : 'Deadline time'} (${timeZone})`}
                required
                value={time}
                onChange={(e) => setTime(e.currentTarget.value)}
                error={err('release_time', 'deadline_time')}
              />
              {mode === 'randomized' && (
                <NumberInput label="Minutes per turn" min={1} max={1440} value={windowMinutes} onChange={setWindowMinutes} error={err('window_minutes')} />
              )}
            </Group>
          )}
          <FormError error={field && field !== 'version' && field !== 'mode' ? undefined : save.error} title="The settings were not saved" />
          {save.isSuccess && <div role="status">Fair release saved.</div>}
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save fair release
            </Button>
          </Group>
        </Stack>
      </form>
      {current === 'preferences' && (
        <Stack gap="xs">
          {assigned ? (
            <Alert color="green">Slots were assigned from preferences{release?.assigned_at ? ` on ${formatInZone(new Date(release.assigned_at), timeZone)}` : ''}.</Alert>
          ) : (
            <Text size="sm">Running the assignment closes rankings (even before the deadline) and books everyone at once.</Text>
          )}
          <FormError error={run.error} title="The assignment did not run" />
          {run.data && (
            <div role="status">
              Assigned {run.data.assigned.length}; without a slot {run.data.unassigned.length} (seed {run.data.seed}).
            </div>
          )}
          {!assigned && (
            <Group>
              <Button color="teal" loading={run.isPending} onClick={() => run.mutate()}>
                Run the assignment
              </Button>
            </Group>
          )}
        </Stack>
      )}
    </Stack>
  );
}
