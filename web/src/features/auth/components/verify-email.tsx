import { Alert, Anchor, Button, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FocusOnMount } from '@/components/focus-on-mount';
import { FormError } from '@/components/form-error';
import { useVerifyEmail } from '../api/verify-email';

/**
 * Confirms the address from an e-mailed link. It waits for a click rather than posting on load:
 * the token is single-use, and mail scanners that open links must not spend it.
 */
export function VerifyEmail({ token }: { token: string }) {
  const mutation = useVerifyEmail();

  if (!token) {
    return (
      <Alert color="red" variant="light" title="This link is incomplete" role="alert">
        The address has no token. Open the link from the e-mail again, or copy the whole address
        into your browser.
      </Alert>
    );
  }

  if (mutation.isSuccess) {
    return (
      <FocusOnMount label="E-mail address confirmed">
        <Alert color="green" variant="light" title="E-mail address confirmed" role="status">
          Thank you. You can now log in with this address.
        </Alert>
        <Button component={Link} to="/login" mt="md">
          Log in
        </Button>
      </FocusOnMount>
    );
  }

  return (
    <Stack gap="md" align="flex-start">
      <FormError error={mutation.error} title="Your address was not confirmed">
        <Text size="sm" mt="xs">
          Links work once and expire after 48 hours. Logging in with your password sends a new one.
        </Text>
      </FormError>
      <Text>Confirm that this e-mail address belongs to you.</Text>
      <Button onClick={() => mutation.mutate({ token })} loading={mutation.isPending}>
        Confirm my e-mail address
      </Button>
      {mutation.isError && (
        <Anchor component={Link} to="/login">
          Go to log in
        </Anchor>
      )}
    </Stack>
  );
}
