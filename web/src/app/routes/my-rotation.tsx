import { Anchor } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useMyPlacement } from '@/features/completion/api/my-placements';
import { MyRotation } from '@/features/completion/components/my-rotation';
import { RequireUser } from '../require-user';

function Rotation({ placementId }: { placementId: string }) {
  const placement = useMyPlacement(placementId);
  if (placement.isPending) return <PageLoading label="Loading the rotation…" />;
  if (placement.isError) {
    return <PageErrorState error={placement.error} title="Rotation" onRetry={() => void placement.refetch()} />;
  }
  return (
    <>
      <Anchor component={Link} to="/my-rotations" size="sm">
        ← My rotations
      </Anchor>
      <PageHeader title={placement.data.offering_title} />
      <MyRotation placement={placement.data} />
    </>
  );
}

export function MyRotationPage() {
  const { placementId = '' } = useParams();
  return (
    <RequireUser title="Rotation" allow={(user) => user.is_applicant}>
      {() => <Rotation placementId={placementId} />}
    </RequireUser>
  );
}
