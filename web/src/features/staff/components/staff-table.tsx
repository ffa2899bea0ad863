import { Alert, Button, Group, Modal, Table, Text, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { formatDate } from '@/lib/format';
import type { StaffMember } from '../api/get-staff';
import { useRemoveStaff } from '../api/remove-staff';
import { roleLabel } from './role-names';

type Props = {
  institutionId: string;
  institutionName: string;
  staff: StaffMember[];
  /** Coordinators of the institution and admins may remove people. */
  canRemove: boolean;
  labelledBy: string;
};

export function StaffTable({ institutionId, institutionName, staff, canRemove, labelledBy }: Props) {
  const [removing, setRemoving] = useState<StaffMember | null>(null);
  const [removed, setRemoved] = useState<string | null>(null);
  const mutation = useRemoveStaff(institutionId);

  if (staff.length === 0) {
    return <Text>Nobody works here on Clerkship yet.</Text>;
  }

  const sorted = [...staff].sort(
    (a, b) => a.display_name.localeCompare(b.display_name) || a.role.localeCompare(b.role),
  );

  const close = () => {
    setRemoving(null);
    mutation.reset();
  };

  const confirm = () => {
    if (!removing) return;
    const person = removing;
    mutation.mutate(person.membership_id, {
      onSuccess: () => {
        setRemoved(`${person.display_name} (${roleLabel(person.role).toLowerCase()})`);
        setRemoving(null);
      },
    });
  };

  return (
    <>
      {removed && (
        <Alert color="green" variant="light" title="Removed" role="status" mb="md" withCloseButton onClose={() => setRemoved(null)} closeButtonLabel="Dismiss">
          {removed} no longer has that role at {institutionName}.
        </Alert>
      )}
      <Table.ScrollContainer minWidth={560} type="native">
        <Table aria-labelledby={labelledBy} verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Name</Table.Th>
              <Table.Th scope="col">E-mail</Table.Th>
              <Table.Th scope="col">Role</Table.Th>
              <Table.Th scope="col">Since</Table.Th>
              {canRemove && (
                <Table.Th scope="col">
                  <VisuallyHidden>Actions</VisuallyHidden>
                </Table.Th>
              )}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {sorted.map((person) => (
              <Table.Tr key={person.membership_id}>
                <Table.Th scope="row" fw={600}>
                  {person.display_name}
                </Table.Th>
                <Table.Td>{person.email}</Table.Td>
                <Table.Td>{roleLabel(person.role)}</Table.Td>
                <Table.Td>{formatDate(person.created_at)}</Table.Td>
                {canRemove && (
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="outline"
                      color="red.9"
                      aria-label={`Remove ${person.display_name} (${roleLabel(person.role)})`}
                      onClick={() => {
                        setRemoved(null);
                        setRemoving(person);
                      }}
                    >
                      Remove
                    </Button>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>

      <Modal opened={removing !== null} onClose={close} title="Remove from staff?" centered>
        {removing && (
          <>
            {mutation.isError && (
              <Alert color="red" variant="light" title="Not removed" role="alert" mb="md">
                {errorMessage(mutation.error)}
              </Alert>
            )}
            <Text mb="lg">
              {removing.display_name} ({removing.email}) will no longer be a{' '}
              {roleLabel(removing.role).toLowerCase()} at {institutionName}. Their account stays;
              you can invite them again later.
            </Text>
            <Group justify="flex-end">
              <Button variant="default" onClick={close}>
                Cancel
              </Button>
              <Button color="red" onClick={confirm} loading={mutation.isPending}>
                Remove
              </Button>
            </Group>
          </>
        )}
      </Modal>
    </>
  );
}
