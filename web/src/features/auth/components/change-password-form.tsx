import { Alert, Button, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PasswordField } from '@/components/password-field';
import { FormError } from '@/components/form-error';
import { useServerErrors } from '@/lib/use-server-errors';
import { CHANGE_PASSWORD_FIELDS, useChangePassword, type ChangePasswordInput } from '../api/change-password';
import { PASSWORD_RULE } from './password-rules';

const EMPTY: ChangePasswordInput = { current_password: '', new_password: '' };

export function ChangePasswordForm({ labelledBy }: { labelledBy: string }) {
  const [values, setValues] = useState<ChangePasswordInput>(EMPTY);
  const [changed, setChanged] = useState(false);
  const mutation = useChangePassword();
  const { field, focusError } = useServerErrors(CHANGE_PASSWORD_FIELDS, mutation.error);

  const set = (name: keyof ChangePasswordInput) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [name]: value }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setChanged(false);
    mutation.mutate(values, {
      onSuccess: () => {
        setValues(EMPTY);
        setChanged(true);
      },
      onError: focusError,
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      <Stack gap="md">
        <FormError error={mutation.error} title="Your password was not changed" />
        {changed && (
          <Alert color="green" variant="light" title="Password changed" role="status">
            Your new password is in use. Other devices stay logged in until you log out everywhere.
          </Alert>
        )}
        <PasswordField
          label="Current password"
          autoComplete="current-password"
          required
          {...field('current_password')}
          value={values.current_password}
          onChange={set('current_password')}
        />
        <PasswordField
          label="New password"
          description={PASSWORD_RULE}
          autoComplete="new-password"
          required
          {...field('new_password')}
          value={values.new_password}
          onChange={set('new_password')}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Change password
          </Button>
        </div>
      </Stack>
    </form>
  );
}
