import { Anchor, Card, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useApplicantInterview } from '@/features/interviews/api/applicant-interview';
import { InterviewBooking } from '@/features/interviews/components/interview-booking';
import { RequireUser } from '../require-user';

function InterviewView({ id }: { id: string }) {
  const interview = useApplicantInterview(id);
  if (interview.isPending) return <PageLoading label="Loading your interview…" />;
  if (interview.isError) return <PageErrorState error={interview.error} title="Interview" onRetry={() => void interview.refetch()} />;
  const data = interview.data;
  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/applications/${id}`}>
          ← Application
        </Anchor>
      </Text>
      <PageHeader title={`Interview: ${data.offering_title}`}>{data.institution_name}</PageHeader>
      <Card withBorder padding="lg">
        <InterviewBooking interview={data} />
      </Card>
    </>
  );
}

export function ApplicationInterviewPage() {
  const { applicationId = '' } = useParams();
  return <RequireUser title="Interview">{() => <InterviewView key={applicationId} id={applicationId} />}</RequireUser>;
}
