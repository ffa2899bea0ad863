import { Alert, Anchor, Button, Loader, Group, Stack, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { PasswordField } from '@/components/password-field';
import { FormError } from '@/components/form-error';
import { errorMessage } from '@/lib/api-client';
import { useServerErrors } from '@/lib/use-server-errors';
import { ACCEPT_INVITATION_FIELDS, useAcceptInvitation } from '../api/accept-invitation';
import { useInvitation, type Invitation } from '../api/get-invitation';
import type { Session } from '../api/session-schema';
import { PASSWORD_RULE } from './password-rules';

const ROLE_NAMES: Record<string, string> = {
  coordinator: 'coordinator',
  reviewer: 'reviewer',
  preceptor: 'preceptor',
};

type Props = {
  token: string;
  onAccepted: (session: Session, invitation: Invitation) => void;
};

/** Shows what an invitation is for, then lets the invitee join (new account or existing one). */
export function AcceptInvitation({ token, onAccepted }: Props) {
  const invitation = useInvitation(token);

  if (!token) {
    return (
      <Alert color="red" variant="light" title="This link is incomplete" role="alert">
        The address has no invitation token. Open the link from the e-mail again.
      </Alert>
    );
  }
  if (invitation.isPending) {
    return (
      <Group gap="sm" role="status">
        <Loader size="sm" aria-hidden="true" />
        <Text>Loading the invitation…</Text>
      </Group>
    );
  }
  if (invitation.isError) {
    return (
      <Alert color="red" variant="light" title="This invitation cannot be used" role="alert">
        {errorMessage(invitation.error)} Invitations work once and expire after 7 days; ask the
        coordinator who invited you to send a new one.
      </Alert>
    );
  }
  return <AcceptForm token={token} invitation={invitation.data} onAccepted={onAccepted} />;
}

function AcceptForm({ token, invitation, onAccepted }: { token: string; invitation: Invitation; onAccepted: Props['onAccepted'] }) {
  const [displayName, setDisplayName] = useState('');
  const [password, setPassword] = useState('');
  const mutation = useAcceptInvitation();
  const { field, focusError } = useServerErrors(ACCEPT_INVITATION_FIELDS, mutation.error);
  const role = ROLE_NAMES[invitation.role] ?? invitation.role;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(
      { token, password, display_name: invitation.has_account ? '' : displayName },
      { onSuccess: (session) => onAccepted(session, invitation), onError: focusError },
    );
  };

  return (
    <Stack gap="lg">
      <Alert color="indigo" variant="light" title={`Join ${invitation.institution_name}`}>
        You have been invited to <strong>{invitation.institution_name}</strong> as a{' '}
        <strong>{role}</strong>. The invitation is for <strong>{invitation.email}</strong>.
      </Alert>
      <form onSubmit={onSubmit} noValidate aria-labelledby="accept-heading">
        <Stack gap="md">
          <FormError error={mutation.error} title="The invitation was not accepted" />
          <TextInput label="E-mail" value={invitation.email} readOnly autoComplete="username" />
          {invitation.has_account ? (
            <>
              <Text>You already have a Clerkship account. Enter its password to add this role to it.</Text>
              <PasswordField
                label="Password"
                autoComplete="current-password"
                required
                      {...field('password')}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
              <Text size="sm">
                <Anchor component={Link} to="/forgot-password">
                  Forgot your password?
                </Anchor>
              </Text>
            </>
          ) : (
            <>
              <TextInput
                label="Your name"
                description="As colleagues and applicants will see it"
                autoComplete="name"
                required
                {...field('display_name')}
                value={displayName}
                onChange={(event) => setDisplayName(event.currentTarget.value)}
              />
              <PasswordField
                label="Choose a password"
                description={PASSWORD_RULE}
                autoComplete="new-password"
                required
                      {...field('password')}
                value={password}
                onChange={(event) => setPassword(event.currentTarget.value)}
              />
            </>
          )}
          <div>
            <Button type="submit" loading={mutation.isPending}>
              Accept invitation
            </Button>
          </div>
        </Stack>
      </form>
    </Stack>
  );
}
