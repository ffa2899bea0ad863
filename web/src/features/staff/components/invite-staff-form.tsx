import { Alert, Button, NativeSelect, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { useServerErrors } from '@/lib/use-server-errors';
import { INVITABLE_ROLES, INVITE_STAFF_FIELDS, useInviteStaff, type InviteStaffInput } from '../api/invite-staff';
import { roleLabel } from './role-names';

const EMPTY: InviteStaffInput = { email: '', role: 'reviewer' };

const ROLE_HELP =
  'Coordinators manage rotations, staff and decisions; reviewers read and score applications; preceptors evaluate students on rotation.';

export function InviteStaffForm({ institutionId, labelledBy }: { institutionId: string; labelledBy: string }) {
  const [values, setValues] = useState<InviteStaffInput>(EMPTY);
  const [sent, setSent] = useState<{ email: string; role: string } | null>(null);
  const mutation = useInviteStaff(institutionId);
  const { field, focusError } = useServerErrors(INVITE_STAFF_FIELDS, mutation.error);

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setSent(null);
    mutation.mutate(values, {
      onSuccess: (invitation) => {
        setSent({ email: invitation.email, role: invitation.role });
        setValues((current) => ({ ...current, email: '' }));
      },
      onError: focusError,
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      <Stack gap="md">
        <FormError error={mutation.error} title="The invitation was not sent" />
        {sent && (
          <Alert color="green" variant="light" title="Invitation sent" role="status">
            We e-mailed {sent.email} an invitation to join as {roleLabel(sent.role).toLowerCase()}.
            The link works for 7 days.
          </Alert>
        )}
        <TextInput
          label="E-mail"
          type="email"
          autoComplete="off"
          spellCheck={false}
          required
          {...field('email')}
          value={values.email}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setValues((current) => ({ ...current, email: value }));
          }}
        />
        <NativeSelect
          label="Role"
          description={ROLE_HELP}
          data={INVITABLE_ROLES.map((role) => ({ value: role, label: roleLabel(role) }))}
          {...field('role')}
          value={values.role}
          onChange={(event) => {
            const value = event.currentTarget.value;
            setValues((current) => ({ ...current, role: value }));
          }}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Send invitation
          </Button>
        </div>
      </Stack>
    </form>
  );
}
