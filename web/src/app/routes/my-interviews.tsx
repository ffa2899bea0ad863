import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useMyInterviews } from '@/features/interviews/api/my-interviews';
import { MyInterviewsList } from '@/features/interviews/components/my-interviews-list';
import { RequireUser } from '../require-user';

function MyInterviews() {
  const interviews = useMyInterviews();
  if (interviews.isPending) return <PageLoading label="Loading your interviews…" />;
  if (interviews.isError) {
    return <PageErrorState error={interviews.error} title="My interviews" onRetry={() => void interviews.refetch()} />;
  }
  return (
    <>
      <PageHeader title="My interviews">
        Booked interviews that name you as an interviewer (and ones that ended in the last 14 days until you submit
        your scorecard). Times are shown in your zone and the institution&apos;s.
      </PageHeader>
      <MyInterviewsList items={interviews.data} />
    </>
  );
}

export function MyInterviewsPage() {
  return (
    <RequireUser title="My interviews" allow={(user) => user.memberships.length > 0}>
      {() => <MyInterviews />}
    </RequireUser>
  );
}
