import { Card, Grid, Text, Title } from '@mantine/core';
import { useParams } from 'react-router';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canManageStaff, canSeeStaff } from '@/features/auth/permissions';
import { useInstitution } from '@/features/institutions/api/get-institution';
import { useStaff } from '@/features/staff/api/get-staff';
import { InviteStaffForm } from '@/features/staff/components/invite-staff-form';
import { StaffTable } from '@/features/staff/components/staff-table';
import { RequireUser } from '../require-user';

function Staff({ user, institutionId }: { user: User; institutionId: string }) {
  const allowed = canSeeStaff(user, institutionId);
  const staff = useStaff(institutionId, { enabled: allowed });
  const institution = useInstitution(institutionId);

  if (!allowed) return <NotAllowed />;
  if (staff.isPending) return <PageLoading label="Loading staff…" />;
  if (staff.isError) {
    return <PageErrorState error={staff.error} title="Staff" onRetry={() => void staff.refetch()} />;
  }

  const name =
    institution.data?.name ??
    user.memberships.find((m) => m.institution_id === institutionId)?.institution_name ??
    'Institution';
  const manage = canManageStaff(user, institutionId);

  return (
    <>
      <PageHeader title={`Staff of ${name}`}>
        The people who work at {name} on Clerkship, and their roles.
      </PageHeader>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: manage ? 8 : 12 }}>
          <section aria-labelledby="staff-heading">
            <Title order={2} id="staff-heading" mb="md">
              Staff
            </Title>
            <StaffTable
              institutionId={institutionId}
              institutionName={name}
              staff={staff.data}
              canRemove={manage}
              labelledBy="staff-heading"
            />
          </section>
        </Grid.Col>
        {manage && (
          <Grid.Col span={{ base: 12, md: 4 }}>
            <Card withBorder padding="lg" component="section" aria-labelledby="invite-heading">
              <Title order={2} id="invite-heading" mb="xs">
                Invite someone
              </Title>
              <Text size="sm" mb="md">
                They get an e-mail with a link to join {name}.
              </Text>
              <InviteStaffForm institutionId={institutionId} labelledBy="invite-heading" />
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}

export function StaffPage() {
  const { id = '' } = useParams();
  return (
    <RequireUser title="Staff">{(user) => <Staff key={id} user={user} institutionId={id} />}</RequireUser>
  );
}
