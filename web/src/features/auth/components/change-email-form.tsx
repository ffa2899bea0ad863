import { Alert, Button, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PasswordField } from '@/components/password-field';
import { FormError } from '@/components/form-error';
import { useServerErrors } from '@/lib/use-server-errors';
import { CHANGE_EMAIL_FIELDS, useChangeEmail, type ChangeEmailInput } from '../api/change-email';

const EMPTY: ChangeEmailInput = { password: '', new_email: '' };

export function ChangeEmailForm({ labelledBy }: { labelledBy: string }) {
  const [values, setValues] = useState<ChangeEmailInput>(EMPTY);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const mutation = useChangeEmail();
  const { field, focusError } = useServerErrors(CHANGE_EMAIL_FIELDS, mutation.error);

  const set = (name: keyof ChangeEmailInput) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [name]: value }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSentTo(null);
    mutation.mutate(values, {
      onSuccess: () => {
        setSentTo(values.new_email.trim());
        setValues(EMPTY);
      },
      onError: focusError,
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      <Stack gap="md">
        <FormError error={mutation.error} title="Your e-mail address was not changed" />
        {sentTo && (
          <Alert color="green" variant="light" title="Check your new inbox" role="status">
            We sent a link to <strong>{sentTo}</strong>. Your address changes when you open it;
            until then, keep logging in with your current address.
          </Alert>
        )}
        <TextInput
          label="New e-mail address"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          {...field('new_email')}
          value={values.new_email}
          onChange={set('new_email')}
        />
        <PasswordField
          label="Your password"
          description="To confirm it is you"
          autoComplete="current-password"
          required
          {...field('password')}
          value={values.password}
          onChange={set('password')}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Change e-mail address
          </Button>
        </div>
      </Stack>
    </form>
  );
}
