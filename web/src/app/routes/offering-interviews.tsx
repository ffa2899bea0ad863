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
import { PublishSlotsForm } from '@/features/interviews/components/publish-slots-form';
import { RequireUser } from '../require-user';

function Interviews({ user, institutionId, offeringId }: { user: User; institutionId: string; offeringId: string }) {
  const allowed = canSeeCatalog(user, institutionId);
  const coordinator = canEditCatalog(user, institutionId);
  const slots = useInterviewSlots(institutionId, offeringId, { enabled: allowed });
  const offering = useOffering(offeringId);
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
            <PublishSlotsForm institutionId={institutionId} offeringId={offeringId} timeZone={list.time_zone} />
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
