import { Card, Title } from '@mantine/core';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useMyApplications } from '@/features/applications/api/get-my-applications';
import { ApplicationsTable } from '@/features/applications/components/applications-table';
import { SchoolVerificationCard } from '@/features/school-verification/components/school-verification-card';
import { RequireUser } from '../require-user';

function Applications() {
  const applications = useMyApplications();
  if (applications.isPending) return <PageLoading label="Loading your applications…" />;
  if (applications.isError) {
    return <PageErrorState error={applications.error} title="My applications" onRetry={() => void applications.refetch()} />;
  }
  return (
    <>
      <PageHeader title="My applications">Each application, its status and the blocks you chose.</PageHeader>
      <section aria-labelledby="applications-heading">
        <Title order={2} id="applications-heading" mb="md">
          Applications
        </Title>
        <ApplicationsTable applications={applications.data} labelledBy="applications-heading" />
      </section>
      <Card component="section" withBorder padding="lg" mt="lg" aria-labelledby="school-verification-heading">
        <Title order={2} size="h4" id="school-verification-heading" mb="sm">
          School verification
        </Title>
        <SchoolVerificationCard />
      </Card>
    </>
  );
}

export function ApplicationsPage() {
  return (
    <RequireUser title="My applications" allow={(user) => user.is_applicant}>
      {() => <Applications />}
    </RequireUser>
  );
}
