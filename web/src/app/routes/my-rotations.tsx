import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useMyPlacements } from '@/features/completion/api/my-placements';
import { MyRotations } from '@/features/completion/components/my-rotations';
import { RequireUser } from '../require-user';

function Rotations() {
  const placements = useMyPlacements();
  if (placements.isPending) return <PageLoading label="Loading your rotations…" />;
  if (placements.isError) {
    return <PageErrorState error={placements.error} title="My rotations" onRetry={() => void placements.refetch()} />;
  }
  return (
    <>
      <PageHeader title="My rotations">
        Your placements, their certificates and evaluations, and a record of U.S. clinical experience for residency
        applications.
      </PageHeader>
      <MyRotations placements={placements.data} />
    </>
  );
}

export function MyRotationsPage() {
  return (
    <RequireUser title="My rotations" allow={(user) => user.is_applicant}>
      {() => <Rotations />}
    </RequireUser>
  );
}
