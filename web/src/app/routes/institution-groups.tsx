import { Anchor, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { useInstitutionGroup, useInstitutionGroups } from '@/features/institution-groups/api/groups';
import { GroupForm } from '@/features/institution-groups/components/group-form';
import { GroupRounds } from '@/features/institution-groups/components/group-rounds';
import { RequireUser } from '../require-user';

const coordinates = (u: User) => u.memberships.some((m) => m.role === 'coordinator');

function Groups({ user }: { user: User }) {
  const groups = useInstitutionGroups();
  const navigate = useNavigate();
  if (groups.isPending) return <PageLoading label="Loading institution groups…" />;
  if (groups.isError) return <PageErrorState error={groups.error} title="Institution groups" onRetry={() => void groups.refetch()} />;
  return (
    <>
      <PageHeader title={user.is_admin ? 'Institution groups' : 'My groups'}>
        An institution group runs its own match rounds over the rotations of its member institutions; its managers
        create, run and publish them.
      </PageHeader>
      <Stack gap="xl">
        <section aria-labelledby="groups-heading">
          <Title order={2} id="groups-heading" mb="sm">
            Groups
          </Title>
          {groups.data.items.length === 0 ? (
            <Text>{user.is_admin ? 'No institution groups yet.' : 'You do not manage any institution group.'}</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Group</Table.Th>
                  <Table.Th>Member institutions</Table.Th>
                  <Table.Th>Managers</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {groups.data.items.map((g) => (
                  <Table.Tr key={g.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/institution-groups/${g.id}`}>
                        {g.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>{g.institutions.map((i) => i.name).join(', ')}</Table.Td>
                    <Table.Td>{g.managers.map((m) => m.email).join(', ')}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        {user.is_admin && <GroupForm onSaved={(g) => void navigate(`/institution-groups/${g.id}`)} />}
      </Stack>
    </>
  );
}

/** /institution-groups: admins list and create groups; group managers see the groups they manage ("My groups"). */
export function InstitutionGroupsPage() {
  return (
    <RequireUser title="Institution groups" allow={(u) => u.is_admin || coordinates(u)}>
      {(user) => <Groups user={user} />}
    </RequireUser>
  );
}

function GroupPage({ id, user }: { id: string; user: User }) {
  const group = useInstitutionGroup(id);
  if (group.isPending) return <PageLoading label="Loading the group…" />;
  if (group.isError) return <PageErrorState error={group.error} title="Institution group" onRetry={() => void group.refetch()} />;
  const g = group.data;
  return (
    <>
      <PageHeader title={g.name}>
        Members: {g.institutions.map((i) => i.name).join(', ')}. Managers: {g.managers.map((m) => m.email).join(', ') || 'none yet'}.
      </PageHeader>
      <Stack gap="xl">
        {user.is_admin && <GroupForm key={`${g.id}-${g.name}-${g.institution_ids.join()}-${g.manager_ids.join()}`} group={g} />}
        <GroupRounds group={g} />
      </Stack>
    </>
  );
}

/** /institution-groups/:groupId: admins edit the group; its managers (and admins) create and run its rounds. */
export function InstitutionGroupPage() {
  const { groupId = '' } = useParams();
  return (
    <RequireUser title="Institution group" allow={(u) => u.is_admin || coordinates(u)}>
      {(user) => <GroupPage id={groupId} user={user} />}
    </RequireUser>
  );
}
