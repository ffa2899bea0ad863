import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PasswordField } from '@/components/password-field';
import { FocusOnMount } from '@/components/focus-on-mount';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { useServerErrors } from '@/lib/use-server-errors';
import { useConfirmPasswordReset } from '../api/confirm-password-reset';
import { PASSWORD_RULE } from './password-rules';

const FIELDS = ['password'] as const;

export function ResetPasswordForm({ token }: { token: string }) {
  const [password, setPassword] = useState('');
  const mutation = useConfirmPasswordReset();
  const { field, focusError } = useServerErrors(FIELDS, mutation.error);
  const badToken = mutation.error instanceof ApiError && mutation.error.field === 'token';

  if (!token) {
    return (
      <Alert color="red" variant="light" title="This link is incomplete" role="alert">
        The address has no token.{' '}
        <Anchor component={Link} to="/forgot-password">
          Ask for a new link
        </Anchor>
        .
      </Alert>
    );
  }

  if (mutation.isSuccess) {
    return (
      <FocusOnMount label="Password changed">
        <Alert color="green" variant="light" title="Password changed" role="status">
          Your password has been changed and you have been logged out everywhere. Log in with
          your new password.
        </Alert>
        <Button component={Link} to="/login" mt="md">
          Log in
        </Button>
      </FocusOnMount>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ token, password }, { onError: focusError });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="reset-heading">
      <Stack gap="md">
        <FormError error={mutation.error} title="Your password was not changed">
          {badToken && (
            <Text size="sm" mt="xs">
              Reset links work once and expire after an hour.{' '}
              <Anchor component={Link} to="/forgot-password">
                Ask for a new link
              </Anchor>
              .
            </Text>
          )}
        </FormError>
        <PasswordField
          label="New password"
          description={PASSWORD_RULE}
          autoComplete="new-password"
          required
          {...field('password')}
          value={password}
          onChange={(event) => setPassword(event.currentTarget.value)}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Set new password
          </Button>
        </div>
      </Stack>
    </form>
  );
}
