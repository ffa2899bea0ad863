import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FocusOnMount } from '@/components/focus-on-mount';
import { FormError } from '@/components/form-error';
import { useServerErrors } from '@/lib/use-server-errors';
import { useRequestPasswordReset } from '../api/request-password-reset';

const FIELDS = ['email'] as const;

export function ForgotPasswordForm() {
  const [email, setEmail] = useState('');
  const [sentTo, setSentTo] = useState<string | null>(null);
  const mutation = useRequestPasswordReset();
  const { field, focusError } = useServerErrors(FIELDS, mutation.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate({ email }, { onSuccess: () => setSentTo(email.trim()), onError: focusError });
  };

  if (sentTo) {
    return (
      <FocusOnMount label="Check your e-mail">
        <Alert color="green" variant="light" title="Check your e-mail" role="status">
          If an account exists for <strong>{sentTo}</strong>, we sent a link to reset its password.
          The link works for one hour.
        </Alert>
        <Text mt="md">
          <Anchor component={Link} to="/login">
            Back to log in
          </Anchor>
        </Text>
      </FocusOnMount>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="forgot-heading">
      <Stack gap="md">
        <FormError error={mutation.error} title="No link was sent" />
        <TextInput
          label="E-mail"
          description="The address you log in with"
          type="email"
          autoComplete="username"
          spellCheck={false}
          required
          {...field('email')}
          value={email}
          onChange={(event) => setEmail(event.currentTarget.value)}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Send reset link
          </Button>
        </div>
      </Stack>
    </form>
  );
}
