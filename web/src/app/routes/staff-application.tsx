import { Anchor, Card, Group, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { MessageThread } from '@/components/message-thread';
import { EligibilityList } from '@/components/eligibility-list';
import { PageHeader } from '@/components/page-header';
import { Timeline } from '@/components/timeline';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog, canSeeCatalog } from '@/features/auth/permissions';
import { StaffOfferPanel } from '@/features/offers/components/staff-offer-panel';
import { useStaffApplication } from '@/features/review/api/get-staff-application';
import { useSendStaffMessage, useStaffMessages } from '@/features/review/api/staff-messages';
import { DecisionButtons } from '@/features/review/components/decision-buttons';
import { OfferedScorecardForm, ScorecardTable } from '@/features/review/components/interview-scorecards';
import { SchoolVerificationStatus } from '@/features/review/components/school-verification-status';
import { ScoreForm } from '@/features/review/components/score-form';
import { StaffFeePanel } from '@/features/review/components/staff-fee-panel';
import { countryName } from '@/lib/format';
import { RequireUser } from '../require-user';

function Messages({ institutionId, applicationId }: { institutionId: string; applicationId: string }) {
  const thread = useStaffMessages(institutionId, applicationId);
  const send = useSendStaffMessage(institutionId, applicationId);
  if (thread.isPending) return <Text>Loading messages…</Text>;
  if (thread.isError) return <Text c="red.9">The messages could not be loaded.</Text>;
  return (
    <MessageThread
      messages={thread.data}
      side="institution"
      onSend={(body) => send.mutateAsync(body)}
      sending={send.isPending}
      error={send.error}
      label="Messages with the applicant"
    />
  );
}

function Detail({ user, institutionId, applicationId }: { user: User; institutionId: string; applicationId: string }) {
  const allowed = canSeeCatalog(user, institutionId);
  const app = useStaffApplication(institutionId, applicationId, { enabled: allowed });
  if (!allowed) return <NotAllowed />;
  if (app.isPending) return <PageLoading label="Loading the application…" />;
  if (app.isError) return <PageErrorState error={app.error} title="Application" onRetry={() => void app.refetch()} />;
  const a = app.data;
  const name = a.snapshot?.applicant_name || 'Applicant';
  const mine = a.scores.find((s) => s.reviewer_id === user.id);
  const interview = a.interview;
  const myCard = interview?.scorecards.find((c) => c.interviewer_id === user.id && c.booking_id === interview.booking_id);
  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings/${a.offering_id}/review`}>
          ← Review queue
        </Anchor>
      </Text>
      <PageHeader title={name}>
        {a.offering_title} · status: {a.status.replace('_', ' ')}
        {a.waitlist_rank !== null ? ` (waitlist #${a.waitlist_rank})` : ''}
      </PageHeader>
      <SimpleGrid cols={{ base: 1, md: 2 }} spacing="lg">
        <Stack gap="lg">
          <Card component="section" withBorder padding="lg" aria-labelledby="profile-heading">
            <Title order={2} size="h4" id="profile-heading" mb="sm">
              Profile as submitted
            </Title>
            {a.snapshot ? (
              <>
                <Text>
                  School: {a.snapshot.school.name}
                  {a.snapshot.school.country ? ` (${countryName(a.snapshot.school.country)})` : ''}
                </Text>
                <Text>Exams: {a.snapshot.exams || '—'}</Text>
              </>
            ) : (
              <Text c="dimmed">No snapshot.</Text>
            )}
            <Title order={3} size="h5" mt="md">
              School verification
            </Title>
            <SchoolVerificationStatus
              school={a.school_verification}
              letterHref={`/api/institutions/${institutionId}/applications/${a.id}/school-letter.pdf`}
            />
            <Title order={3} size="h5" mt="md">
              Eligibility flags
            </Title>
            <EligibilityList checks={a.eligibility ?? []} label="Eligibility flags" />
            <Title order={3} size="h5" mt="md">
              Cover letter
            </Title>
            {a.materials?.cover_letter_pdf ? (
              <Anchor href={`/api/institutions/${institutionId}/applications/${a.id}/cover-letter.pdf`}>
                Download the cover letter (PDF)
              </Anchor>
            ) : a.materials?.cover_letter_text ? (
              <Text style={{ whiteSpace: 'pre-wrap' }} aria-label="Cover letter">
                {a.materials.cover_letter_text}
              </Text>
            ) : (
              <Text c="dimmed">No cover letter.</Text>
            )}
            <Title order={3} size="h5" mt="md">
              CV
            </Title>
            {a.materials?.cv_sent ? (
              <Anchor href={`/api/institutions/${institutionId}/applications/${a.id}/cv.pdf`}>
                Download the CV sent ({a.materials.cv_kind === 'generated' ? 'generated from the profile' : 'uploaded'})
              </Anchor>
            ) : (
              <Text c="dimmed">No CV sent.</Text>
            )}
            <Title order={3} size="h5" mt="md">
              Documents
            </Title>
            {a.documents.length === 0 ? (
              <Text c="dimmed">No documents.</Text>
            ) : (
              <ul>
                {a.documents.map((d) => (
                  <li key={d.id}>
                    {d.title || d.type} — {d.status}
                  </li>
                ))}
              </ul>
            )}
          </Card>
          {a.fee && (
            <Card component="section" withBorder padding="lg" aria-labelledby="fee-heading">
              <Title order={2} size="h4" id="fee-heading" mb="sm">
                Application fee
              </Title>
              <StaffFeePanel
                institutionId={institutionId}
                applicationId={a.id}
                fee={a.fee}
                coordinator={canEditCatalog(user, institutionId)}
              />
            </Card>
          )}
          <Card component="section" withBorder padding="lg" aria-labelledby="decision-heading">
            <Title order={2} size="h4" id="decision-heading" mb="sm">
              Decision
            </Title>
            <DecisionButtons institutionId={institutionId} applicationId={a.id} events={a.allowed_events} version={a.version} />
          </Card>
          <Card component="section" withBorder padding="lg" aria-labelledby="offer-heading">
            <Title order={2} size="h4" id="offer-heading" mb="sm">
              Offer
            </Title>
            <StaffOfferPanel
              institutionId={institutionId}
              applicationId={a.id}
              offeringId={a.offering_id}
              status={a.status}
              chosenBlockIds={a.block_ids}
              coordinator={canEditCatalog(user, institutionId)}
            />
          </Card>
          <Card component="section" withBorder padding="lg" aria-labelledby="timeline-heading">
            <Title order={2} size="h4" id="timeline-heading" mb="sm">
              Timeline
            </Title>
            <Timeline entries={a.timeline} label="Timeline" />
          </Card>
        </Stack>
        <Stack gap="lg">
          <Card component="section" withBorder padding="lg" aria-labelledby="scores-heading">
            <Group justify="space-between" mb="sm">
              <Title order={2} size="h4" id="scores-heading">
                Scores
              </Title>
              <Text>
                {a.score_average === null
                  ? 'Not scored yet'
                  : `Average ${a.score_average.toFixed(1)} · spread ${(a.score_spread ?? 0).toFixed(1)} · ${a.score_count} reviewers`}
              </Text>
            </Group>
            {a.scores.length > 0 && (
              <Table mb="md" aria-labelledby="scores-heading">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Reviewer</Table.Th>
                    <Table.Th>Total</Table.Th>
                    <Table.Th>Note</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.scores.map((s) => (
                    <Table.Tr key={s.reviewer_id}>
                      <Table.Td>{s.reviewer_name}</Table.Td>
                      <Table.Td>{s.total.toFixed(1)}</Table.Td>
                      <Table.Td>{s.note}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
            <ScoreForm key={`${mine?.version ?? 0}`} institutionId={institutionId} applicationId={a.id} rubric={a.rubric} mine={mine} />
          </Card>
          {interview && (interview.booking_id || interview.scorecards.length > 0) && (
            <Card component="section" withBorder padding="lg" aria-labelledby="interview-heading">
              <Title order={2} size="h4" id="interview-heading" mb="sm">
                Interview
              </Title>
              {interview.starts_at && (
                <Text size="sm" mb="xs">
                  {new Date(interview.starts_at).toLocaleString()}
                  {interview.interviewers ? ` · ${interview.interviewers}` : ''}
                </Text>
              )}
              <ScorecardTable interview={interview} />
              {interview.booking_id && (
                <OfferedScorecardForm
                  key={`${myCard?.version ?? 0}`}
                  interview={interview}
                  institutionId={institutionId}
                  applicationId={a.id}
                  rubric={a.rubric}
                  mine={myCard}
                />
              )}
            </Card>
          )}
          <Card component="section" withBorder padding="lg" aria-labelledby="messages-heading">
            <Title order={2} size="h4" id="messages-heading" mb="sm">
              Messages
            </Title>
            <Messages institutionId={institutionId} applicationId={a.id} />
          </Card>
        </Stack>
      </SimpleGrid>
    </>
  );
}

export function StaffApplicationPage() {
  const { id = '', applicationId = '' } = useParams();
  return (
    <RequireUser title="Application">
      {(user) => <Detail key={`${id}/${applicationId}`} user={user} institutionId={id} applicationId={applicationId} />}
    </RequireUser>
  );
}
