import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useMyStudents } from '@/features/completion/api/students';
import { MyStudents } from '@/features/completion/components/my-students';
import { RequireUser } from '../require-user';

function Students() {
  const students = useMyStudents();
  if (students.isPending) return <PageLoading label="Loading your students…" />;
  if (students.isError) {
    return <PageErrorState error={students.error} title="My students" onRetry={() => void students.refetch()} />;
  }
  return (
    <>
      <PageHeader title="My students">
        Students you precept: record their attendance and write the end-of-rotation evaluation.
      </PageHeader>
      <MyStudents placements={students.data} />
    </>
  );
}

export function StudentsPage() {
  return (
    <RequireUser title="My students" allow={(user) => user.memberships.some((m) => m.role === 'preceptor')}>
      {() => <Students />}
    </RequireUser>
  );
}
