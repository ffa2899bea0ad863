import { useParams } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { useApplicantRound } from '@/features/match-rounds/api/applicant';
import { useAdminRound } from '@/features/match-rounds/api/rounds';
import { AdminRoundView } from '@/features/match-rounds/components/admin-round';
import { ApplicantRoundView } from '@/features/match-rounds/components/applicant-round';
import { RequireUser } from '../require-user';

function Round({ id, user }: { id: string; user: User }) {
  const admin = useAdminRound(id, user.is_admin);
  const applicant = useApplicantRound(id, !user.is_admin);
  const q = user.is_admin ? admin : applicant;
  if (q.isPending) return <PageLoading label="Loading the match round…" />;
  if (q.isError) return <PageErrorState error={q.error} title="Match round" onRetry={() => void q.refetch()} />;
  return (
    <>
      <PageHeader title={q.data.name} />
      {user.is_admin && admin.data ? <AdminRoundView round={admin.data} /> : applicant.data ? <ApplicantRoundView round={applicant.data} /> : null}
    </>
  );
}

export function MatchRoundPage() {
  const { roundId = '' } = useParams();
  return (
    <RequireUser title="Match round" allow={(u) => u.is_admin || u.is_applicant}>
      {(user) => <Round id={roundId} user={user} />}
    </RequireUser>
  );
}
