import { Alert, Anchor, Button, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PasswordField } from '@/components/password-field';
import { FocusOnMount } from '@/components/focus-on-mount';
import { FormError } from '@/components/form-error';
import { useServerErrors } from '@/lib/use-server-errors';
import { REGISTER_FIELDS, useRegister, type RegisterInput } from '../api/register';
import { PASSWORD_RULE } from './password-rules';

const EMPTY: RegisterInput = { email: '', display_name: '', password: '' };

/** Self-registration for applicants; ends with "check your e-mail" (the same answer for every address). */
export function RegisterForm() {
  const [values, setValues] = useState<RegisterInput>(EMPTY);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const mutation = useRegister();
  const { field, focusError } = useServerErrors(REGISTER_FIELDS, mutation.error);

  const set = (name: keyof RegisterInput) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [name]: value }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(values, {
      onSuccess: () => setSentTo(values.email.trim()),
      onError: focusError,
    });
  };

  if (sentTo) {
    return (
      <FocusOnMount label="Check your e-mail">
        <Alert color="green" variant="light" title="Check your e-mail" role="status">
          <Text size="sm">
            We sent a message to <strong>{sentTo}</strong>. Open the link in it to confirm your
            address, then log in. The link works for 48 hours.
          </Text>
        </Alert>
        <Text mt="md">
          Already confirmed?{' '}
          <Anchor component={Link} to="/login">
            Log in
          </Anchor>
        </Text>
      </FocusOnMount>
    );
  }

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="register-heading">
      <Stack gap="md">
        <FormError error={mutation.error} title="Your account was not created" />
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="email"
          spellCheck={false}
          required
          {...field('email')}
          value={values.email}
          onChange={set('email')}
        />
        <TextInput
          label="Your name"
          description="As you would like hospitals to see it"
          autoComplete="name"
          required
          {...field('display_name')}
          value={values.display_name}
          onChange={set('display_name')}
        />
        <PasswordField
          label="Password"
          description={PASSWORD_RULE}
          autoComplete="new-password"
          required
          {...field('password')}
          value={values.password}
          onChange={set('password')}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Create account
          </Button>
        </div>
        <Text size="sm">
          Already have an account?{' '}
          <Anchor component={Link} to="/login">
            Log in
          </Anchor>
        </Text>
      </Stack>
    </form>
  );
}
