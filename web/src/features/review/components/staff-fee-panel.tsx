import { Button, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { FEE_STATUS_LABELS, methodLabel, type Fee } from '@/lib/fees';
import { formatDateTime, formatMoney } from '@/lib/format';
import { useDecideFee, type FeeAction } from '../api/decide-fee';

const ACTIONS: { action: FeeAction; label: string; from: Fee['status'][] }[] = [
  { action: 'confirm', label: 'Confirm payment', from: ['recorded'] },
  { action: 'waive', label: 'Waive fee', from: ['due', 'recorded'] },
  { action: 'refund', label: 'Refund fee', from: ['recorded', 'confirmed'] },
];

/** The application fee as programs see it; coordinators confirm, waive or refund it. */
export function StaffFeePanel({
  institutionId,
  applicationId,
  fee,
  coordinator,
}: {
  institutionId: string;
  applicationId: string;
  fee: Fee;
  coordinator: boolean;
}) {
  const decide = useDecideFee(institutionId, applicationId);
  const [note, setNote] = useState('');
  const actions = ACTIONS.filter((a) => a.from.includes(fee.status));
  return (
    <Stack gap="sm">
      <Text>
        {formatMoney(fee.amount_cents, fee.currency)} — <strong>{FEE_STATUS_LABELS[fee.status]}</strong>
      </Text>
      {fee.reference && (
        <Text size="sm">
          Paid by {methodLabel(fee.method)}, reference {fee.reference}
          {fee.recorded_at ? ` (recorded ${formatDateTime(fee.recorded_at)})` : ''}.
        </Text>
      )}
      {fee.note && <Text size="sm">Note: {fee.note}</Text>}
      {coordinator && actions.length > 0 && (
        <>
          <FormError error={decide.error} title="The fee was not changed" />
          <TextInput label="Note for the applicant (optional)" value={note} maxLength={1000} onChange={(e) => setNote(e.currentTarget.value)} />
          <Group>
            {actions.map((a) => (
              <Button
                key={a.action}
                variant={a.action === 'confirm' ? 'filled' : 'default'}
                loading={decide.isPending && decide.variables?.action === a.action}
                onClick={() => decide.mutate({ action: a.action, note })}
              >
                {a.label}
              </Button>
            ))}
          </Group>
        </>
      )}
    </Stack>
  );
}
