import { Anchor, Card, Stack, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog, canSeeCatalog } from '@/features/auth/permissions';
import { useOffering } from '@/features/catalog/api/get-offering';
import { useInterviewSlots } from '@/features/interviews/api/interview-slots';
import { FairReleaseForm } from '@/features/interviews/components/fair-release-form';
import { InterviewSlotsTable } from '@/features/interviews/components/interview-slots-table';
import { NotBookedList } from '@/features/interviews/components/not-booked-list';
import { PublishSlotsForm, type InterviewerOption } from '@/features/interviews/components/publish-slots-form';
import type { StaffMember } from '@/features/staff/api/get-staff';
import { useStaff } from '@/features/staff/api/get-staff';
import { RequireUser } from '../require-user';

/** One option per staff account (a person with two roles is listed once). */
function interviewerOptions(staff: StaffMember[]): InterviewerOption[] {
  const byUser = new Map<string, InterviewerOption>();
  for (const m of staff) {
    const o = byUser.get(m.user_id) ?? { user_id: m.user_id, name: m.display_name, roles: [] };
    o.roles.push(m.role);
    byUser.set(m.user_id, o);
  }
  return [...byUser.values()];
}

function Interviews({ user, institutionId, offeringId }: { user: User; institutionId: string; offeringId: string }) {
  const allowed = canSeeCatalog(user, institutionId);
  const coordinator = canEditCatalog(user, institutionId);
  const slots = useInterviewSlots(institutionId, offeringId, { enabled: allowed });
  const offering = useOffering(offeringId);
  const staff = useStaff(institutionId, { enabled: coordinator });
  if (!allowed) return <NotAllowed />;
  if (slots.isPending) return <PageLoading label="Loading interview slots…" />;
  if (slots.isError) return <PageErrorState error={slots.error} title="Interviews" onRetry={() => void slots.refetch()} />;
  const list = slots.data;
  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings/${offeringId}/review`}>
          ← Review
        </Anchor>
      </Text>
      <PageHeader title={`Interviews: ${offering.data?.title ?? 'Offering'}`}>
        Publish interview slots; invited applicants book one themselves. Times are in {list.time_zone}.
      </PageHeader>
      <Stack gap="lg">
        {coordinator && (
          <Card component="section" withBorder padding="lg" aria-labelledby="publish-heading">
            <Title order={2} size="h3" id="publish-heading" mb="sm">
              Publish slots
            </Title>
            <PublishSlotsForm
              institutionId={institutionId}
              offeringId={offeringId}
              timeZone={list.time_zone}
              staff={interviewerOptions(staff.data ?? [])}
            />
          </Card>
        )}
        <Card component="section" withBorder padding="lg" aria-labelledby="release-heading">
          <Title order={2} size="h3" id="release-heading" mb="sm">
            Fair release
          </Title>
          {coordinator ? (
            <FairReleaseForm
              key={list.release?.version ?? 0}
              institutionId={institutionId}
              offeringId={offeringId}
              timeZone={list.time_zone}
              release={list.release}
            />
          ) : (
            <Text>Mode: {list.release?.mode ?? 'first_come'}</Text>
          )}
        </Card>
        <Card component="section" withBorder padding="lg" aria-labelledby="waiting-heading">
          <Title order={2} size="h3" id="waiting-heading" mb="sm">
            Invited, not booked yet ({list.not_booked.length})
          </Title>
          <NotBookedList list={list} institutionId={institutionId} offeringId={offeringId} coordinator={coordinator} />
        </Card>
        <Card component="section" withBorder padding="lg" aria-labelledby="slots-heading">
          <Title order={2} size="h3" id="slots-heading" mb="sm">
            Slots
          </Title>
          <InterviewSlotsTable list={list} institutionId={institutionId} offeringId={offeringId} coordinator={coordinator} />
        </Card>
      </Stack>
    </>
  );
}

export function OfferingInterviewsPage() {
  const { id = '', offeringId = '' } = useParams();
  return (
    <RequireUser title="Interviews">
      {(user) => <Interviews key={`${id}/${offeringId}`} user={user} institutionId={id} offeringId={offeringId} />}
    </RequireUser>
  );
}
