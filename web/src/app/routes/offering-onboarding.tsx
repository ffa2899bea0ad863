import { Anchor, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog, canSeeCatalog } from '@/features/auth/permissions';
import { useOfferingOnboarding } from '@/features/onboarding/api/get-offering-onboarding';
import { OnboardingItemsForm } from '@/features/onboarding/components/onboarding-items-form';
import { RequireUser } from '../require-user';

function OfferingOnboarding({ user, institutionId, offeringId }: { user: User; institutionId: string; offeringId: string }) {
  const allowed = canSeeCatalog(user, institutionId);
  const onboarding = useOfferingOnboarding(institutionId, offeringId, { enabled: allowed });
  if (!allowed) return <NotAllowed />;
  if (onboarding.isPending) return <PageLoading label="Loading the onboarding items…" />;
  if (onboarding.isError) {
    return <PageErrorState error={onboarding.error} title="Onboarding" onRetry={() => void onboarding.refetch()} />;
  }
  const data = onboarding.data;
  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings`}>
          ← Catalog
        </Anchor>{' '}
        ·{' '}
        <Anchor component={Link} to={`/institutions/${institutionId}/onboarding?offering_id=${offeringId}`}>
          Cleared to start
        </Anchor>
      </Text>
      <PageHeader title={`Onboarding: ${data.offering_title}`}>
        What accepted applicants do before they start, besides the required documents: orientation, a badge photo,
        information to acknowledge and policies to sign. Times are in {data.time_zone}.
        {data.visa_letter ? ' This rotation offers visa invitation letters.' : ''}
      </PageHeader>
      <section aria-labelledby="items-heading">
        <Title order={2} id="items-heading" mb="md">
          Items
        </Title>
        {canEditCatalog(user, institutionId) ? (
          <OnboardingItemsForm
            institutionId={institutionId}
            offeringId={offeringId}
            timeZone={data.time_zone}
            items={data.items}
          />
        ) : (
          <ul>
            {data.items.map((i) => (
              <li key={i.id}>{i.title}</li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}

export function OfferingOnboardingPage() {
  const { id = '', offeringId = '' } = useParams();
  return (
    <RequireUser title="Onboarding">
      {(user) => <OfferingOnboarding key={`${id}/${offeringId}`} user={user} institutionId={id} offeringId={offeringId} />}
    </RequireUser>
  );
}
