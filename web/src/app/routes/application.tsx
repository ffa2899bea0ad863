import { Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { ResponseTime } from '@/components/response-time';
import { useOffering } from '@/features/catalog/api/get-offering';
import { applicationQueryKey } from '@/features/applications/api/application-schema';
import { Timeline } from '@/components/timeline';
import { useApplication } from '@/features/applications/api/get-application';
import { ApplicationActions } from '@/features/applications/components/application-actions';
import { AnswerInfoForm, ApplicationMessages } from '@/features/applications/components/application-conversation';
import { ApplicationStatusBadge } from '@/features/applications/components/application-status';
import { ApplySimilar } from '@/features/applications/components/apply-similar';
import { FeePanel } from '@/features/applications/components/fee-panel';
import { MaterialsForm } from '@/features/applications/components/materials-form';
import { OverlapWarnings } from '@/features/applications/components/overlap-warnings';
import { SubmitReadiness } from '@/features/applications/components/submit-readiness';
import { documentLabel } from '@/features/catalog/components/labels';
import { Checklist } from '@/features/compliance/components/checklist';
import { ApplicantOffers } from '@/features/offers/components/applicant-offers';
import { AssignLetters } from '@/features/letters/components/assign-letters';
import { formatDayRange } from '@/lib/format';
import { RequireUser } from '../require-user';

function ApplicationView({ id }: { id: string }) {
  const application = useApplication(id);
  const offering = useOffering(application.data?.offering_id ?? '', { enabled: Boolean(application.data) });
  const queryClient = useQueryClient();
  if (application.isPending) return <PageLoading label="Loading the application…" />;
  if (application.isError) {
    return <PageErrorState error={application.error} title="Application" onRetry={() => void application.refetch()} />;
  }
  const data = application.data;
  const checklist = new Map((data.checklist ?? []).map((c) => [c.block_id, c]));
  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to="/applications">
          ← My applications
        </Anchor>
      </Text>
      <PageHeader title={data.offering_title}>
        {data.institution_name} · <Anchor component={Link} to={`/rotations/${data.offering_id}`}>View the rotation</Anchor>
      </PageHeader>
      <Stack gap="lg">
        <Card component="section" withBorder padding="lg" aria-labelledby="status-heading">
          <Group gap="sm" mb="sm">
            <Title order={2} size="h4" id="status-heading">
              Status
            </Title>
            <ApplicationStatusBadge status={data.status} />
          </Group>
          {data.next_step && <Text mb="sm">{data.next_step}</Text>}
          <ResponseTime days={offering.data?.median_response_days} />
          {data.status === 'info_requested' && (
            <AnswerInfoForm applicationId={data.id} question={data.status_reason ?? ''} />
          )}
          {data.status === 'rejected' && data.status_reason && <Text mb="sm">Reason: {data.status_reason}</Text>}
          {data.status === 'interview' && (
            <Text mb="sm">
              <Anchor component={Link} to={`/applications/${data.id}/interview`}>
                Book or manage your interview
              </Anchor>
            </Text>
          )}
          <ApplicationActions application={data} />
        </Card>
        {data.status !== 'draft' && <ApplicantOffers applicationId={data.id} />}

        {data.status === 'draft' && (
          <Card component="section" withBorder padding="lg" aria-labelledby="readiness-heading">
            <Title order={2} size="h4" id="readiness-heading" mb="sm">
              Before you submit
            </Title>
            <OverlapWarnings warnings={data.warnings ?? []} />
            <SubmitReadiness problems={data.problems ?? []} eligibility={data.eligibility ?? []} />
          </Card>
        )}

        {data.fee && (
          <Card component="section" withBorder padding="lg" aria-labelledby="fee-heading">
            <Title order={2} size="h4" id="fee-heading" mb="sm">
              Application fee
            </Title>
            <FeePanel applicationId={data.id} fee={data.fee} withdrawn={data.status === 'withdrawn'} />
          </Card>
        )}

        <Card component="section" withBorder padding="lg" aria-labelledby="materials-heading">
          <Title order={2} size="h4" id="materials-heading" mb="sm">
            Cover letter and CV
          </Title>
          <MaterialsForm application={data} />
        </Card>

        <Card component="section" withBorder padding="lg" aria-labelledby="letters-heading">
          <Title order={2} size="h4" id="letters-heading" mb="sm">
            Letters of recommendation
          </Title>
          <AssignLetters
            applicationId={data.id}
            status={data.status}
            required={Math.max(
              0,
              ...(data.checklist ?? []).flatMap((c) =>
                c.items.filter((i) => i.requirement === 'letter_of_recommendation').map((i) => i.count),
              ),
            )}
            onChanged={() => void queryClient.invalidateQueries({ queryKey: applicationQueryKey(data.id) })}
          />
        </Card>
        {data.status !== 'draft' && (
          <Card component="section" withBorder padding="lg" aria-labelledby="timeline-heading">
            <Title order={2} size="h4" id="timeline-heading" mb="sm">
              Timeline
            </Title>
            <Timeline entries={data.timeline ?? []} label="Timeline" />
          </Card>
        )}
        {data.status !== 'draft' && (
          <Card component="section" withBorder padding="lg" aria-labelledby="messages-heading">
            <Title order={2} size="h4" id="messages-heading" mb="sm">
              Messages{data.unread ? ` (${data.unread} new)` : ''}
            </Title>
            <ApplicationMessages applicationId={data.id} />
          </Card>
        )}

        <Card component="section" withBorder padding="lg" aria-labelledby="similar-heading">
          <Title order={2} size="h4" id="similar-heading" mb="sm">
            Apply to similar rotations
          </Title>
          <ApplySimilar applicationId={data.id} />
        </Card>

        {data.blocks.map((block, i) => {
          const entry = checklist.get(block.id);
          const items = entry?.items ?? [];
          const cleared = entry?.cleared ?? items.every((item) => item.state === 'satisfied' || item.state === 'application');
          const headingId = `block-${block.id}`;
          const range = formatDayRange(block.start_date, block.end_date);
          return (
            <Card key={block.id} component="section" withBorder padding="lg" aria-labelledby={headingId}>
              <Group gap="sm" mb="sm">
                <Title order={2} size="h4" id={headingId}>
                  Choice {i + 1}: {range}
                </Title>
                {cleared ? (
                  <Badge color="teal.9" variant="filled">
                    Ready to start
                  </Badge>
                ) : (
                  <Badge color="red.9" variant="filled">
                    Documents needed
                  </Badge>
                )}
              </Group>
              <Checklist
                items={items}
                requirementLabel={documentLabel}
                fixHref="/documents"
                label={`Checklist for ${range}`}
              />
            </Card>
          );
        })}
      </Stack>
    </>
  );
}

export function ApplicationPage() {
  const { applicationId = '' } = useParams();
  return (
    <RequireUser title="Application" allow={(user) => user.is_applicant}>
      {() => <ApplicationView key={applicationId} id={applicationId} />}
    </RequireUser>
  );
}
