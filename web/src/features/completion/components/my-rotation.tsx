import { Alert, Anchor, Badge, Button, Checkbox, Group, NativeSelect, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { STATUS_LABELS, type CompletionPlacement } from '../api/completion-schema';
import { certificateUrl, useAskPreceptorForLetter, useSubmitFeedback } from '../api/my-placements';
import { EvaluationView } from './evaluation-view';

/** One of the applicant's rotations: facts, certificate, released evaluation, rotation feedback, letter request. */
export function MyRotation({ placement }: { placement: CompletionPlacement }) {
  const p = placement;
  return (
    <Stack gap="xl">
      <Group>
        <Badge size="lg" variant="light">
          {STATUS_LABELS[p.status]}
        </Badge>
        <Text>
          {p.institution_name} · {p.start_date} to {p.end_date} · {p.hands_on ? 'Hands-on' : 'Observership'}
          {p.preceptor.name ? ` · Preceptor: ${p.preceptor.name}` : ''}
        </Text>
      </Group>
      <section aria-labelledby="certificate-heading">
        <Title order={2} id="certificate-heading" mb="sm">
          Certificate
        </Title>
        {p.status !== 'completed' ? (
          <Text>A certificate is issued once the coordinator marks the rotation completed.</Text>
        ) : p.certificate?.revoked ? (
          <Alert color="red" title="Revoked">
            The certificate {p.certificate.code} was revoked by the institution.
          </Alert>
        ) : (
          <Stack gap="xs">
            <Group>
              <Button component="a" href={certificateUrl(p.id)} download>
                Download certificate (PDF)
              </Button>
              {p.certificate && (
                <Anchor component={Link} to={`/verify/${p.certificate.code}`}>
                  Verification page for {p.certificate.code}
                </Anchor>
              )}
            </Group>
            <Text c="dimmed" size="sm">
              Anyone can check the certificate's code on Clerkship's public verification page.
            </Text>
          </Stack>
        )}
      </section>
      <section aria-labelledby="evaluation-heading">
        <Title order={2} id="evaluation-heading" mb="sm">
          Preceptor's evaluation
        </Title>
        {p.evaluation ? (
          <EvaluationView evaluation={p.evaluation} form={p.form} />
        ) : (
          <Text>Your preceptor's evaluation appears here once the coordinator releases it.</Text>
        )}
      </section>
      {(p.status === 'completed' || p.status === 'incomplete') && <FeedbackSection placement={p} />}
      {p.preceptor.id && p.status !== 'cancelled' && p.status !== 'scheduled' && <LetterSection placement={p} />}
    </Stack>
  );
}

function FeedbackSection({ placement }: { placement: CompletionPlacement }) {
  const questions = placement.feedback_questions ?? [];
  const [ratings, setRatings] = useState<Record<string, number>>({});
  const [comment, setComment] = useState('');
  const submit = useSubmitFeedback(placement.id);
  return (
    <section aria-labelledby="feedback-heading">
      <Title order={2} id="feedback-heading" mb="sm">
        Evaluate this rotation
      </Title>
      {placement.feedback_given || submit.isSuccess ? (
        <Text role="status">Thank you: your evaluation of this rotation was recorded.</Text>
      ) : (
        <form
          aria-label="Evaluate this rotation"
          onSubmit={(e) => {
            e.preventDefault();
            submit.mutate({ ratings, comment });
          }}
        >
          <Stack gap="sm" maw={560}>
            <Text c="dimmed">Anonymous to your preceptor; the offering page shows averages once three students have answered.</Text>
            <FormError error={submit.error} title="Your evaluation was not recorded" />
            {questions.map((q) => (
              <NativeSelect
                key={q.key}
                label={q.label}
                required
                data={[{ value: '', label: 'Choose 1 to 5' }, ...[5, 4, 3, 2, 1].map((n) => ({ value: String(n), label: `${n}` }))]}
                value={ratings[q.key] ? String(ratings[q.key]) : ''}
                onChange={(e) => { const v = e.currentTarget.value; setRatings((r) => ({ ...r, [q.key]: Number(v) })); }}
              />
            ))}
            <Textarea label="Comment (optional)" value={comment} onChange={(e) => setComment(e.currentTarget.value)} />
            <Group>
              <Button type="submit" loading={submit.isPending}>
                Send evaluation
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </section>
  );
}

function LetterSection({ placement }: { placement: CompletionPlacement }) {
  const [waived, setWaived] = useState(true);
  const ask = useAskPreceptorForLetter(placement.id);
  return (
    <section aria-labelledby="letter-heading">
      <Title order={2} id="letter-heading" mb="sm">
        Letter of recommendation
      </Title>
      {ask.isSuccess ? (
        <Text role="status">
          Request sent to {placement.preceptor.name}. Follow it on your <Anchor component={Link} to="/letters">letters page</Anchor>.
        </Text>
      ) : (
        <Stack gap="sm" maw={560}>
          <FormError error={ask.error} title="The request was not sent" />
          <Checkbox label="I waive my right to read this letter" checked={waived} onChange={(e) => setWaived(e.currentTarget.checked)} />
          <Group>
            <Button onClick={() => ask.mutate(waived)} loading={ask.isPending}>
              Ask my preceptor for a letter
            </Button>
          </Group>
        </Stack>
      )}
    </section>
  );
}
