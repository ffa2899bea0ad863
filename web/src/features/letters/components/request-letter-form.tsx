import { Button, Checkbox, Group, Stack, Text, TextInput, Textarea } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { useRequestLetter } from '../api/request-letter';
import type { LetterRequest } from '../api/letter-schema';

const empty: LetterRequest = {
  referee_name: '',
  referee_email: '',
  referee_title: '',
  referee_institution: '',
  relationship: '',
  waived: true,
};

type Props = { onDone?: () => void; onCancel?: () => void };

/** Asks a referee for a letter; the waiver choice is explained and fixed once the letter arrives. */
export function RequestLetterForm({ onDone, onCancel }: Props) {
  const [values, setValues] = useState<LetterRequest>(empty);
  const mutation = useRequestLetter();
  const error = mutation.error;
  const fieldError = (name: keyof LetterRequest) =>
    error instanceof ApiError && error.field === name ? error.message : undefined;
  const set = (name: keyof LetterRequest) => (value: string) => setValues((v) => ({ ...v, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    mutation.mutate(values, {
      onSuccess: () => {
        setValues(empty);
        onDone?.();
      },
    });
  }

  return (
    <form onSubmit={submit} noValidate aria-label="Request a letter">
      <Stack gap="sm">
        <FormError error={error} title="The request was not sent" />
        <TextInput label="Referee's name" required value={values.referee_name} error={fieldError('referee_name')}
          onChange={(e) => set('referee_name')(e.currentTarget.value)} />
        <TextInput label="Referee's e-mail" type="email" required value={values.referee_email}
          error={fieldError('referee_email')} onChange={(e) => set('referee_email')(e.currentTarget.value)} />
        <TextInput label="Referee's title" description="For example: Professor of Medicine" value={values.referee_title}
          error={fieldError('referee_title')} onChange={(e) => set('referee_title')(e.currentTarget.value)} />
        <TextInput label="Referee's institution" required value={values.referee_institution}
          error={fieldError('referee_institution')} onChange={(e) => set('referee_institution')(e.currentTarget.value)} />
        <Textarea label="How the referee knows you" required rows={3} value={values.relationship}
          error={fieldError('relationship')} onChange={(e) => set('relationship')(e.currentTarget.value)} />
        <Checkbox
          label="I waive my right to read this letter"
          checked={values.waived}
          onChange={(e) => {
            const waived = e.currentTarget.checked;
            setValues((v) => ({ ...v, waived }));
          }}
          description={
            <Text size="sm" component="span">
              Programs are told whether you waived your right. Many give more weight to a letter the applicant
              has not read, because the referee can write freely. If you waive, you will see that the letter
              arrived but never its content. This choice cannot be changed once the letter arrives.
            </Text>
          }
        />
        <Group justify="flex-end">
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
          <Button type="submit" loading={mutation.isPending}>
            Send request
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
