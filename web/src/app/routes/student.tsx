import { Anchor, Stack, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useStudent } from '@/features/completion/api/students';
import { AttendanceEditor } from '@/features/completion/components/attendance-editor';
import { EvaluationEditor } from '@/features/completion/components/evaluation-editor';
import { RequireUser } from '../require-user';

function Student({ placementId }: { placementId: string }) {
  const student = useStudent(placementId);
  if (student.isPending) return <PageLoading label="Loading the student…" />;
  if (student.isError) {
    return <PageErrorState error={student.error} title="Student" onRetry={() => void student.refetch()} />;
  }
  const p = student.data;
  return (
    <>
      <Anchor component={Link} to="/students" size="sm">
        ← My students
      </Anchor>
      <PageHeader title={p.applicant.name}>
        {p.offering_title}, {p.institution_name} · {p.start_date} to {p.end_date} · {p.hands_on ? 'hands-on' : 'observership'}
      </PageHeader>
      <Stack gap="xl">
        <section aria-labelledby="attendance-heading">
          <Title order={2} id="attendance-heading" mb="sm">
            Attendance
          </Title>
          <AttendanceEditor key={p.version} placement={p} />
        </section>
        <section aria-labelledby="evaluation-heading">
          <Title order={2} id="evaluation-heading" mb="sm">
            End-of-rotation evaluation
          </Title>
          <EvaluationEditor placement={p} />
        </section>
      </Stack>
    </>
  );
}

export function StudentPage() {
  const { placementId = '' } = useParams();
  return (
    <RequireUser title="Student" allow={(user) => user.memberships.some((m) => m.role === 'preceptor')}>
      {() => <Student placementId={placementId} />}
    </RequireUser>
  );
}
