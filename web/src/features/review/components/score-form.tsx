import { Button, NativeSelect, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import type { Criterion, Score } from '../api/review-schema';
import { useScoreApplication } from '../api/score-application';

type Props = { institutionId: string; applicationId: string; rubric: Criterion[]; mine: Score | undefined };

/** The caller's score against the rubric (1–5 per criterion) with a private note. */
export function ScoreForm({ institutionId, applicationId, rubric, mine }: Props) {
  const [scores, setScores] = useState<Record<string, number>>(() => ({ ...(mine?.scores ?? {}) }));
  const [note, setNote] = useState(mine?.note ?? '');
  const [missing, setMissing] = useState(false);
  const save = useScoreApplication(institutionId, applicationId);
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        if (rubric.some((c) => !scores[c.key])) {
          setMissing(true);
          return;
        }
        setMissing(false);
        save.mutate({ scores, note, version: mine?.version ?? 0 });
      }}
    >
      <Stack gap="sm">
        <FormError error={save.error} title="The score was not saved" />
        {rubric.map((c) => (
          <NativeSelect
            key={c.key}
            label={`${c.label} (weight ${c.weight})`}
            data={[{ value: '', label: 'Choose 1–5' }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))]}
            value={scores[c.key] ? String(scores[c.key]) : ''}
            error={missing && !scores[c.key] ? 'Score this criterion' : undefined}
            onChange={(e) => {
              const value = Number(e.currentTarget.value);
              setScores((s) => ({ ...s, [c.key]: value }));
            }}
          />
        ))}
        <Textarea label="Private note (staff only)" value={note} onChange={(e) => setNote(e.currentTarget.value)} rows={3} />
        <Button type="submit" loading={save.isPending}>
          Save score
        </Button>
      </Stack>
    </form>
  );
}
