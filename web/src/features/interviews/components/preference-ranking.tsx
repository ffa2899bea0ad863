import { Alert, Button, NativeSelect, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { formatInZone, viewerTimeZone } from '@/lib/zoned-time';
import { useSavePreferences } from '../api/interview-release';
import type { ApplicantInterview } from '../api/interview-schema';
import { SlotTime } from './slot-time';

/** Turns rank choices (slot → "1", "2", …) into slot ids best first; null on a tie. */
export function rankedSlotIds(ranks: Record<string, string>): string[] | null {
  const entries = Object.entries(ranks).filter(([, r]) => r !== '');
  const used = new Set(entries.map(([, r]) => r));
  if (used.size !== entries.length) return null;
  return entries.sort((a, b) => Number(a[1]) - Number(b[1])).map(([id]) => id);
}

/** Preferences mode: the applicant ranks the slots they can make until the deadline. */
export function PreferenceRanking({ interview }: { interview: ApplicantInterview }) {
  const release = interview.release;
  const save = useSavePreferences(interview.application_id);
  const [ranks, setRanks] = useState<Record<string, string>>(() => {
    const out: Record<string, string> = {};
    (release?.preferences ?? []).forEach((id, i) => (out[id] = String(i + 1)));
    return out;
  });
  const [tie, setTie] = useState(false);
  if (!release) return null;
  const deadline = release.preference_deadline ? formatInZone(new Date(release.preference_deadline), viewerTimeZone()) : '';
  if (!release.can_rank) {
    return <Alert color="gray">Rankings are closed{deadline ? ` (deadline ${deadline})` : ''}; the program assigns the slots.</Alert>;
  }
  const options = [{ value: '', label: 'Cannot make it' }, ...interview.slots.map((_, i) => ({ value: String(i + 1), label: `Choice ${i + 1}` }))];
  return (
    <form
      aria-label="Rank the times you can make"
      onSubmit={(e) => {
        e.preventDefault();
        const ids = rankedSlotIds(ranks);
        setTie(ids === null);
        if (ids && ids.length > 0) save.mutate(ids);
      }}
    >
      <Stack gap="sm">
        <Text>
          The program assigns interview times from everyone&apos;s ranking in one batch after {deadline}. Rank every time you can make; 1 is your
          favourite.
        </Text>
        <FormError error={save.error} title="Your ranking was not saved" />
        {tie && <Alert color="red" role="alert">Each choice number can be used once.</Alert>}
        {save.isSuccess && <div role="status">Your ranking is saved.</div>}
        {interview.slots.map((s) => (
          <NativeSelect
            key={s.id}
            label={
              <>
                Rank for <SlotTime startsAt={s.starts_at} timeZone={s.time_zone} minutes={s.minutes} />
              </>
            }
            aria-label={`Rank for slot ${s.local_date} ${s.local_time}`}
            data={options}
            value={ranks[s.id] ?? ''}
            onChange={(e) => {
              const value = e.currentTarget.value;
              setRanks((r) => ({ ...r, [s.id]: value }));
            }}
          />
        ))}
        <Button type="submit" loading={save.isPending} style={{ alignSelf: 'flex-start' }}>
          Save my ranking
        </Button>
      </Stack>
    </form>
  );
}
