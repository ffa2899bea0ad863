import { Alert, Button, Group, Stack, TextInput, Textarea } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import type { Letterhead, LetterheadInput } from '../api/onboarding-schema';
import { useSaveLetterhead } from '../api/letterhead';

const FIELDS: { key: keyof LetterheadInput; label: string; multiline?: boolean }[] = [
  { key: 'address', label: 'Address', multiline: true },
  { key: 'phone', label: 'Phone' },
  { key: 'signatory_name', label: 'Signatory name' },
  { key: 'signatory_title', label: 'Signatory title' },
];

/** The institution's letterhead for visa invitation letters (coordinators edit, other staff read). */
export function LetterheadForm({
  institutionId,
  letterhead,
  canEdit,
}: {
  institutionId: string;
  letterhead: Letterhead;
  canEdit: boolean;
}) {
  const [values, setValues] = useState<LetterheadInput>({
    address: letterhead.address,
    phone: letterhead.phone,
    signatory_name: letterhead.signatory_name,
    signatory_title: letterhead.signatory_title,
  });
  const [saved, setSaved] = useState(false);
  const save = useSaveLetterhead(institutionId);
  const field = save.error instanceof ApiError ? save.error.field : undefined;
  return (
    <form
      aria-label="Letterhead"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(values, { onSuccess: () => setSaved(true) });
      }}
    >
      <Stack gap="xs" maw={560}>
        <FormError error={save.error} title="Not saved" />
        {saved && (
          <Alert color="green" variant="light" role="status">
            Letterhead saved.
          </Alert>
        )}
        {FIELDS.map((f) => {
          const props = {
            label: f.label,
            required: true,
            readOnly: !canEdit,
            value: values[f.key],
            error: field === f.key && save.error instanceof ApiError ? save.error.message : undefined,
          };
          const onChange = (value: string) => {
            setSaved(false);
            setValues((v) => ({ ...v, [f.key]: value }));
          };
          return f.multiline ? (
            <Textarea key={f.key} {...props} rows={2} onChange={(e) => onChange(e.currentTarget.value)} />
          ) : (
            <TextInput key={f.key} {...props} onChange={(e) => onChange(e.currentTarget.value)} />
          );
        })}
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save letterhead
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
