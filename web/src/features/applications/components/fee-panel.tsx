import { Alert, Button, Group, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { FEE_METHODS, FEE_STATUS_LABELS, methodLabel, type Fee } from '@/lib/fees';
import { formatDateTime, formatMoney } from '@/lib/format';
import { useRecordFeePayment } from '../api/fee';

/** The application fee: amount, status, and the form to record a payment while it is due (or to correct it). */
export function FeePanel({ applicationId, fee, withdrawn }: { applicationId: string; fee: Fee; withdrawn: boolean }) {
  const record = useRecordFeePayment(applicationId);
  const [method, setMethod] = useState(fee.method || 'card');
  const [reference, setReference] = useState(fee.reference);
  const canRecord = !withdrawn && (fee.status === 'due' || fee.status === 'recorded');
  const fieldError = (name: string) =>
    record.error instanceof ApiError && record.error.field === name ? record.error.message : undefined;

  function submit(event: FormEvent) {
    event.preventDefault();
    record.mutate({ method, reference });
  }

  return (
    <Stack gap="sm">
      <Text>
        Application fee: <strong>{formatMoney(fee.amount_cents, fee.currency)}</strong>
        {fee.category ? ` (${fee.category} rate)` : ''} — status: <strong>{FEE_STATUS_LABELS[fee.status]}</strong>
      </Text>
      {fee.status === 'due' && (
        <Alert color="yellow" variant="light" role="status">
          Pay the fee as the program tells you, then record the payment here. You cannot submit while the fee is due.
        </Alert>
      )}
      {fee.status !== 'due' && fee.reference && (
        <Text size="sm">
          Paid by {methodLabel(fee.method)}, reference {fee.reference}
          {fee.recorded_at ? `, recorded ${formatDateTime(fee.recorded_at)}` : ''}.
          {fee.decided_at ? ` ${FEE_STATUS_LABELS[fee.status]} ${formatDateTime(fee.decided_at)}.` : ''}
          {fee.note ? ` Note: ${fee.note}` : ''}
        </Text>
      )}
      {canRecord && (
        <form onSubmit={submit} aria-label="Record the fee payment">
          <Stack gap="sm">
            <FormError error={record.error && !fieldError('method') && !fieldError('reference') ? record.error : null} title="The payment was not recorded" />
            <Group align="end" wrap="wrap">
              <NativeSelect
                label="Payment method"
                data={FEE_METHODS}
                value={method}
                onChange={(e) => setMethod(e.currentTarget.value)}
                error={fieldError('method')}
              />
              <TextInput
                label="Receipt or transaction number"
                value={reference}
                onChange={(e) => setReference(e.currentTarget.value)}
                error={fieldError('reference')}
                maxLength={200}
                required
              />
              <Button type="submit" loading={record.isPending}>
                {fee.status === 'due' ? 'Record payment' : 'Update payment'}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Stack>
  );
}
