import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useMyOnboarding } from '@/features/onboarding/api/get-my-onboarding';
import { OnboardingChecklist } from '@/features/onboarding/components/onboarding-checklist';
import { RequireUser } from '../require-user';

function Onboarding() {
  const onboarding = useMyOnboarding();
  if (onboarding.isPending) return <PageLoading label="Loading your onboarding…" />;
  if (onboarding.isError) {
    return <PageErrorState error={onboarding.error} title="Onboarding" onRetry={() => void onboarding.refetch()} />;
  }
  return (
    <>
      <PageHeader title="Onboarding">
        What each accepted rotation needs before you start: your documents, and the institution&apos;s orientation,
        information and policies.
      </PageHeader>
      {onboarding.data.items.length === 0 ? (
        <Text>
          Nothing here yet: the checklist appears once you accept an offer. See your{' '}
          <Anchor component={Link} to="/applications">
            applications
          </Anchor>
          .
        </Text>
      ) : (
        onboarding.data.items.map((p) => <OnboardingChecklist key={p.placement_id} placement={p} />)
      )}
    </>
  );
}

export function OnboardingPage() {
  return (
    <RequireUser title="Onboarding" allow={(user) => user.is_applicant}>
      {() => <Onboarding />}
    </RequireUser>
  );
}
