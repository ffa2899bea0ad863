import { Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import type { ApplicantDocument } from '../api/compliance-schema';
import { useReviewDocument } from '../api/review-document';

export const REASON_REQUIRED = 'Give a reason for the rejection: the applicant sees it and fixes the document.';

type Props = {
  institutionId: string;
  applicantId: string;
  document: ApplicantDocument;
  documentName: string;
  decision: 'verify' | 'reject';
  onClose: () => void;
};

/** Verify or reject one document; a rejection needs a reason (checked here and by the server). */
export function ReviewDialog({ institutionId, applicantId, document, documentName, decision, onClose }: Props) {
  const review = useReviewDocument(institutionId, applicantId);
  const [reason, setReason] = useState('');
  const [missingReason, setMissingReason] = useState(false);
  const reject = decision === 'reject';

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (reject && reason.trim() === '') {
      setMissingReason(true);
      return;
    }
    setMissingReason(false);
    review.mutate({ documentId: document.id, input: { decision, reason } }, { onSuccess: onClose });
  };

  const title = `${reject ? 'Reject' : 'Verify'} ${documentName}`;
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={onClose} title={title} centered>
      <form onSubmit={onSubmit} noValidate aria-label={title}>
        <Stack gap="md">
          <FormError error={review.error} title={reject ? 'Not rejected' : 'Not verified'} />
          <Text size="sm">
            {reject
              ? 'The applicant is e-mailed with your reason and can upload a new version.'
              : 'The applicant is e-mailed that this document is verified.'}
          </Text>
          <Textarea
            label={reject ? 'Reason' : 'Note'}
            description={reject ? 'Required: what is wrong and what to send instead' : 'Optional'}
            required={reject}
            rows={3}
            maxLength={1000}
            value={reason}
            error={missingReason ? REASON_REQUIRED : review.error instanceof ApiError && review.error.field === 'reason' ? review.error.message : undefined}
            onChange={(event) => {
              setReason(event.currentTarget.value);
              setMissingReason(false);
            }}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Cancel
            </Button>
            <Button type="submit" color={reject ? 'red.9' : 'teal.9'} loading={review.isPending}>
              {reject ? 'Reject' : 'Verify'}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
