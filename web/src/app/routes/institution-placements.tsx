import { useParams } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { canSeeStaff } from '@/features/auth/permissions';
import { useInstitutionPlacements } from '@/features/completion/api/institution-placements';
import { InstitutionPlacements } from '@/features/completion/components/institution-placements';
import { RequireUser } from '../require-user';

function Placements({ institutionId, canManage }: { institutionId: string; canManage: boolean }) {
  const placements = useInstitutionPlacements(institutionId);
  if (placements.isPending) return <PageLoading label="Loading placements…" />;
  if (placements.isError) {
    return <PageErrorState error={placements.error} title="Placements" onRetry={() => void placements.refetch()} />;
  }
  return (
    <>
      <PageHeader title="Placements">
        Assign preceptors, move placements from scheduled to in progress to completed, release evaluations to students,
        and export completions.
      </PageHeader>
      <InstitutionPlacements institutionId={institutionId} placements={placements.data} canManage={canManage} />
    </>
  );
}

export function InstitutionPlacementsPage() {
  const { id = '' } = useParams();
  return (
    <RequireUser title="Placements" allow={(user) => canSeeStaff(user, id)}>
      {(user) => (
        <Placements
          institutionId={id}
          canManage={user.is_admin || user.memberships.some((m) => m.institution_id === id && m.role === 'coordinator')}
        />
      )}
    </RequireUser>
  );
}
