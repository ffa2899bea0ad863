import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PasswordField } from '@/components/password-field';
import { ApiError, errorMessage } from '@/lib/api-client';
import { useServerErrors } from '@/lib/use-server-errors';
import { LOGIN_FIELDS, useLogin, type LoginInput } from '../api/login';
import type { Session } from '../api/session-schema';

/** What to tell the user for each way a login can fail. */
function loginFailure(error: unknown): { title: string; message: string } {
  if (error instanceof ApiError) {
    if (error.status === 401) return { title: 'Could not log in', message: error.message };
    if (error.status === 429) {
      return {
        title: 'Too many attempts',
        message: `${error.message}. For your security, logging in is paused for a while after several wrong passwords.`,
      };
    }
    if (error.status === 403) {
      return {
        title: 'Confirm your e-mail address first',
        message: `${error.message}. Open the link in that e-mail, then log in again.`,
      };
    }
  }
  return { title: 'Could not log in', message: errorMessage(error) };
}

export function LoginForm({ onSuccess }: { onSuccess: (session: Session) => void }) {
  const [values, setValues] = useState<LoginInput>({ email: '', password: '' });
  const mutation = useLogin();
  const { field, focusError } = useServerErrors(LOGIN_FIELDS, mutation.error);
  // A 403 "not verified" names the e-mail field, but the address is right: keep it in the alert only.
  const unverified = mutation.error instanceof ApiError && mutation.error.status === 403;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(values, {
      onSuccess,
      onError: (failure) => {
        if (!(failure instanceof ApiError && failure.status === 403)) focusError(failure);
      },
    });
  };

  const failure = mutation.error ? loginFailure(mutation.error) : null;
  const email = field('email');

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="login-heading">
      <Stack gap="md">
        {failure && (
          <Alert color={unverified ? 'yellow' : 'red'} variant="light" title={failure.title} role="alert">
            {failure.message}
          </Alert>
        )}
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="username"
          spellCheck={false}
          required
          {...email}
          error={unverified ? undefined : email.error}
          value={values.email}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setValues((current) => ({ ...current, email: value }));
          }}
        />
        <PasswordField
          label="Password"
          autoComplete="current-password"
          required
          {...field('password')}
          value={values.password}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setValues((current) => ({ ...current, password: value }));
          }}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Log in
          </Button>
        </div>
        <Text size="sm">
          <Anchor component={Link} to="/forgot-password">
            Forgot your password?
          </Anchor>
          {' · '}
          New to Clerkship?{' '}
          <Anchor component={Link} to="/register">
            Create an account
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
