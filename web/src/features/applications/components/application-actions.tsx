import { Alert, Button, Group, Modal, Stack, Text, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { formatDateTime } from '@/lib/format';
import type { Application } from '../api/application-schema';
import { useSubmitApplication } from '../api/submit-application';
import { useWithdrawApplication } from '../api/withdraw-application';

function WithdrawDialog({ application, onClose }: { application: Application; onClose: () => void }) {
  const withdraw = useWithdrawApplication(application.id);
  const [reason, setReason] = useState('');
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    withdraw.mutate(reason, { onSuccess: onClose });
  };
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={onClose} title="Withdraw this application?" centered>
      <form onSubmit={onSubmit} noValidate aria-label="Withdraw the application">
        <Stack gap="md">
          <FormError error={withdraw.error} title="The application was not withdrawn" />
          <Text size="sm">The institution is told; a withdrawn application cannot be submitted again.</Text>
          <Textarea
            label="Reason"
            description="Optional, shown to the institution"
            maxLength={1000}
            rows={3}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value)}
            data-autofocus
          />
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              Keep the application
            </Button>
            <Button type="submit" color="red.9" loading={withdraw.isPending}>
              Withdraw
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Submit (a draft) and withdraw (a draft or a submitted application). */
export function ApplicationActions({ application }: { application: Application }) {
  const submit = useSubmitApplication(application.id);
  const [withdrawing, setWithdrawing] = useState(false);
  const open = application.status === 'draft' || application.status === 'submitted';

  return (
    <Stack gap="sm">
      {submit.isError && (
        <Alert color="red" variant="light" title="Not submitted" role="alert">
          {submit.error instanceof Error ? submit.error.message : 'Something went wrong.'}
        </Alert>
      )}
      {application.status === 'submitted' && application.submitted_at && (
        <Text size="sm" role="status">
          Submitted {formatDateTime(application.submitted_at)}.
        </Text>
      )}
      {application.status === 'withdrawn' && (
        <Text size="sm">
          Withdrawn{application.status_reason ? `: ${application.status_reason}` : '.'}
        </Text>
      )}
      {open && (
        <Group gap="sm">
          {application.status === 'draft' && (
            <Button loading={submit.isPending} onClick={() => submit.mutate()}>
              Submit application
            </Button>
          )}
          <Button variant="outline" color="red.9" onClick={() => setWithdrawing(true)}>
            Withdraw
          </Button>
        </Group>
      )}
      {withdrawing && <WithdrawDialog application={application} onClose={() => setWithdrawing(false)} />}
    </Stack>
  );
}
