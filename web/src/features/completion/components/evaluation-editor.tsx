import { Alert, Button, Group, Radio, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import type { CompletionPlacement } from '../api/completion-schema';
import { useSaveEvaluation } from '../api/students';
import { EvaluationView } from './evaluation-view';

/** The preceptor's end-of-rotation evaluation: draft, then submit (locked afterwards). */
export function EvaluationEditor({ placement }: { placement: CompletionPlacement }) {
  const form = placement.form;
  const existing = placement.evaluation;
  const [ratings, setRatings] = useState<Record<string, number>>(existing?.ratings ?? {});
  const [comments, setComments] = useState(existing?.comments ?? '');
  const save = useSaveEvaluation(placement.id);
  if (!form) return null;
  if (existing && existing.status !== 'draft') {
    return (
      <Stack>
        <Alert color="gray" title="Submitted and locked">
          {existing.status === 'released'
            ? 'The coordinator released this evaluation to the student.'
            : 'The coordinator will release it to the student.'}
        </Alert>
        <EvaluationView evaluation={existing} form={form} />
      </Stack>
    );
  }
  const open = placement.status === 'in_progress' || placement.status === 'completed' || placement.status === 'incomplete';
  const submit = (final: boolean) => save.mutate({ ratings, comments, submit: final });
  return (
    <form aria-label="End-of-rotation evaluation" onSubmit={(e) => e.preventDefault()}>
      <Stack>
        {!form.hands_on && (
          <Alert color="blue" title="Observership">
            An observer does not treat patients: rate their understanding of the care they observed, not care performed.
          </Alert>
        )}
        {!open && <Alert color="yellow">The evaluation opens once the placement is in progress.</Alert>}
        <FormError error={save.error} title="The evaluation was not saved" />
        {form.competencies.map((c) => (
          <Radio.Group
            key={c.key}
            label={c.label}
            description={c.prompt}
            value={ratings[c.key] ? String(ratings[c.key]) : null}
            onChange={(v) => setRatings((r) => ({ ...r, [c.key]: Number(v) }))}
          >
            <Stack gap={4} mt="xs">
              {form.scale.map((level) => (
                <Radio
                  key={level.value}
                  value={String(level.value)}
                  label={`${level.value} — ${level.label}`}
                  description={level.anchor}
                />
              ))}
            </Stack>
          </Radio.Group>
        ))}
        <Textarea
          label="Narrative comments"
          description="Strengths, areas to develop, and anything a residency program should know."
          rows={5}
          value={comments}
          onChange={(e) => setComments(e.currentTarget.value)}
        />
        <Group>
          <Button variant="default" onClick={() => submit(false)} loading={save.isPending} disabled={!open}>
            Save draft
          </Button>
          <Button onClick={() => submit(true)} loading={save.isPending} disabled={!open}>
            Submit evaluation
          </Button>
        </Group>
        {save.isSuccess && (
          <Text role="status" c="dimmed">
            {save.data.evaluation?.status === 'draft' ? 'Draft saved.' : 'Evaluation submitted.'}
          </Text>
        )}
      </Stack>
    </form>
  );
}

export function EvaluationHeading() {
  return <Title order={2}>End-of-rotation evaluation</Title>;
}
