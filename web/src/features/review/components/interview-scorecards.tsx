import { Badge, Button, Group, NativeSelect, Stack, Table, Text, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { RECOMMENDATIONS, RECOMMENDATION_LABELS, type Criterion, type InterviewScorecards, type Scorecard } from '../api/review-schema';
import { useSaveScorecard } from '../api/save-scorecard';

const recommendationLabel = (r: string) => RECOMMENDATION_LABELS[r as keyof typeof RECOMMENDATION_LABELS] ?? '—';

/** Each interviewer's submitted scorecard (weighted total, recommendation, notes) and the average. */
export function ScorecardTable({ interview }: { interview: InterviewScorecards }) {
  const submitted = interview.scorecards.filter((c) => c.status === 'submitted');
  return (
    <Stack gap="xs">
      <Text>
        {interview.average === null
          ? 'No scorecard submitted yet'
          : `Interview average ${interview.average.toFixed(1)} · ${interview.submitted_count} interviewer${interview.submitted_count === 1 ? '' : 's'}`}
      </Text>
      {submitted.length > 0 && (
        <Table aria-label="Interview scorecards">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Interviewer</Table.Th>
              <Table.Th>Total</Table.Th>
              <Table.Th>Recommendation</Table.Th>
              <Table.Th>Notes</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {submitted.map((c) => (
              <Table.Tr key={`${c.booking_id}/${c.interviewer_id}`}>
                <Table.Td>
                  {c.interviewer_name}
                  {c.named_interviewer === false && (interview.interviewer_accounts?.length ?? 0) > 0 && (
                    <Text size="xs" c="dimmed">
                      not a named interviewer
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>{c.total.toFixed(1)}</Table.Td>
                <Table.Td>{recommendationLabel(c.recommendation)}</Table.Td>
                <Table.Td>{c.notes}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Stack>
  );
}

type FormProps = { institutionId: string; applicationId: string; rubric: Criterion[]; mine: Scorecard | undefined };

/** The caller's scorecard: 1–5 per rubric criterion, a recommendation and notes; saved as a draft or submitted. */
export function ScorecardForm({ institutionId, applicationId, rubric, mine }: FormProps) {
  const [scores, setScores] = useState<Record<string, number>>(() => ({ ...(mine?.scores ?? {}) }));
  const [recommendation, setRecommendation] = useState(mine?.recommendation ?? '');
  const [notes, setNotes] = useState(mine?.notes ?? '');
  const save = useSaveScorecard(institutionId, applicationId);
  const field = save.error instanceof ApiError ? save.error.field : undefined;
  const err = (name: string) => (field === name ? save.error?.message : undefined);
  const send = (submit: boolean) =>
    save.mutate({
      scores,
      recommendation: recommendation as (typeof RECOMMENDATIONS)[number] | '',
      notes,
      submit,
      version: mine?.version ?? 0,
    });
  return (
    <form
      aria-label="Your interview scorecard"
      onSubmit={(e) => {
        e.preventDefault();
        send(true);
      }}
    >
      <Stack gap="sm">
        {mine && (
          <Group gap="xs">
            <Badge color={mine.status === 'submitted' ? 'green' : 'gray'}>{mine.status === 'submitted' ? 'Submitted' : 'Draft'}</Badge>
            <Text size="sm">Your total {mine.total.toFixed(1)}</Text>
          </Group>
        )}
        <FormError error={field && field.startsWith('scores.') ? undefined : save.error} title="The scorecard was not saved" />
        {rubric.map((c) => (
          <NativeSelect
            key={c.key}
            label={`Interview: ${c.label} (weight ${c.weight})`}
            data={[{ value: '', label: 'Choose 1–5' }, ...[1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) }))]}
            value={scores[c.key] ? String(scores[c.key]) : ''}
            error={err(`scores.${c.key}`)}
            onChange={(e) => {
              const value = Number(e.currentTarget.value);
              setScores((s) => {
                const next = { ...s };
                if (value) next[c.key] = value;
                else delete next[c.key];
                return next;
              });
            }}
          />
        ))}
        <NativeSelect
          label="Recommendation"
          data={[{ value: '', label: 'Choose…' }, ...RECOMMENDATIONS.map((r) => ({ value: r, label: RECOMMENDATION_LABELS[r] }))]}
          value={recommendation}
          error={err('recommendation')}
          onChange={(e) => setRecommendation(e.currentTarget.value)}
        />
        <Textarea label="Interview notes (staff only)" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} rows={3} error={err('notes')} />
        <Group>
          {mine?.status !== 'submitted' && (
            <Button variant="default" loading={save.isPending} onClick={() => send(false)}>
              Save draft
            </Button>
          )}
          <Button type="submit" loading={save.isPending}>
            {mine?.status === 'submitted' ? 'Update scorecard' : 'Submit scorecard'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

type OfferedProps = FormProps & { interview: InterviewScorecards };

/**
 * The scorecard form, offered first to the slot's named interviewers. When the slot names interviewer
 * accounts, other staff see it behind "Score this interview anyway" (any staff member may still score,
 * as before interviewers were accounts). Slots naming no account: the form for every staff member.
 */
export function OfferedScorecardForm({ interview, ...props }: OfferedProps) {
  const named = (interview.interviewer_accounts?.length ?? 0) > 0;
  const [open, setOpen] = useState(false);
  if (!named || interview.you_interview || props.mine || open) {
    return (
      <Stack gap="xs" id="interview-scorecard">
        {interview.you_interview && <Text size="sm">You are an interviewer of this interview.</Text>}
        <ScorecardForm {...props} />
      </Stack>
    );
  }
  return (
    <Stack gap="xs" id="interview-scorecard">
      <Text size="sm">
        The interviewers ({interview.interviewer_accounts?.map((i) => i.name).join(', ')}) fill the scorecard. You are not one of them.
      </Text>
      <Group>
        <Button variant="default" onClick={() => setOpen(true)}>
          Score this interview anyway
        </Button>
      </Group>
    </Stack>
  );
}
