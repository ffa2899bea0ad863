import { Text } from '@mantine/core';
import { useParams } from 'react-router';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog, canSeeCatalog } from '@/features/auth/permissions';
import { useReviewSettings } from '@/features/review/api/review-settings';
import { ReviewSettingsForm } from '@/features/review/components/review-settings-form';
import { RequireUser } from '../require-user';

function Settings({ user, institutionId }: { user: User; institutionId: string }) {
  const allowed = canSeeCatalog(user, institutionId);
  const settings = useReviewSettings(institutionId, { enabled: allowed });
  if (!allowed) return <NotAllowed />;
  if (settings.isPending) return <PageLoading label="Loading the review settings…" />;
  if (settings.isError) {
    return <PageErrorState error={settings.error} title="Review settings" onRetry={() => void settings.refetch()} />;
  }
  const canEdit = canEditCatalog(user, institutionId);
  return (
    <>
      <PageHeader title="Review settings">
        The criteria your reviewers score each application on (1 to 5), their weights, and how long an application
        may wait for a first decision.
      </PageHeader>
      {!canEdit && (
        <Text mb="md" c="dimmed">
          Only coordinators can change these settings.
        </Text>
      )}
      <ReviewSettingsForm
        institutionId={institutionId}
        settings={settings.data}
        canEdit={canEdit}
      />
    </>
  );
}

export function ReviewSettingsPage() {
  const { id = '' } = useParams();
  return <RequireUser title="Review settings">{(user) => <Settings key={id} user={user} institutionId={id} />}</RequireUser>;
}
