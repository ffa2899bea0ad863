import { Button, Group, Modal, Stack, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { EVENT_LABELS } from '../api/review-schema';
import { useTransitionApplication } from '../api/transition-application';

type Props = { institutionId: string; applicationId: string; events: string[]; version: number };

/** One button per event the caller may apply now; each asks for a reason (required for a question). */
export function DecisionButtons({ institutionId, applicationId, events, version }: Props) {
  const [event, setEvent] = useState<string | null>(null);
  const [reason, setReason] = useState('');
  const [missing, setMissing] = useState(false);
  const move = useTransitionApplication(institutionId, applicationId);
  const buttons = events.filter((e) => EVENT_LABELS[e]);
  return (
    <>
      <FormError error={move.error} title="The decision was not saved" />
      <Group gap="xs">
        {buttons.length === 0 && 'No decisions are open to you now.'}
        {buttons.map((e) => (
          <Button key={e} variant={e === 'reject' ? 'outline' : 'filled'} color={e === 'reject' ? 'red.9' : undefined} onClick={() => { setEvent(e); setReason(''); move.reset(); }}>
            {EVENT_LABELS[e]}
          </Button>
        ))}
      </Group>
      <Modal opened={event !== null} onClose={() => setEvent(null)} title={event ? EVENT_LABELS[event] : ''} closeButtonProps={{ 'aria-label': 'Close' }}>
        <form
          onSubmit={(ev) => {
            ev.preventDefault();
            if (!event) return;
            if (event === 'request_info' && !reason.trim()) {
              setMissing(true);
              return;
            }
            setMissing(false);
            move.mutate(
              { event, version, ...(reason.trim() ? { reason: reason.trim() } : {}) },
              { onSuccess: () => setEvent(null) },
            );
          }}
        >
          <Stack>
            <FormError error={move.error} title="The decision was not saved" />
            <Textarea
              label={event === 'request_info' ? 'Question for the applicant' : 'Reason (optional, sent to the applicant)'}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={missing ? 'Write the question' : undefined}
              rows={3}
            />
            <Button type="submit" loading={move.isPending}>
              Confirm: {event ? EVENT_LABELS[event] : ''}
            </Button>
          </Stack>
        </form>
      </Modal>
    </>
  );
}
