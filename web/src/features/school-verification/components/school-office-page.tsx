import { Alert, Button, Card, Checkbox, Input, List, NativeSelect, Radio, Stack, Text, TextInput, Textarea, Title, Group } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { PageHeader } from '@/components/page-header';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useAnswerSchoolVerification, useSchoolOffice, useUploadSchoolLetter } from '../api/school-verification';

/** The school office's page (no account): confirm enrollment or graduation and good standing, or decline. */
export function SchoolOfficePage({ token }: { token: string }) {
  const office = useSchoolOffice(token);
  const answer = useAnswerSchoolVerification(token);
  const upload = useUploadSchoolLetter(token);
  const [decision, setDecision] = useState<'verify' | 'decline'>('verify');
  const [claim, setClaim] = useState('graduated');
  const [year, setYear] = useState('');
  const [standing, setStanding] = useState(false);
  const [attest, setAttest] = useState(false);
  const [name, setName] = useState('');
  const [title, setTitle] = useState('');
  const [reason, setReason] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const fileId = useId();
  const fieldError = (field: string) =>
    answer.error instanceof ApiError && answer.error.field === field ? answer.error.message : undefined;

  if (!token) return <Alert color="red" title="This link is incomplete">Open the link from your e-mail again.</Alert>;
  if (office.isPending) return <Text>Loading the request…</Text>;
  if (office.isError) {
    return (
      <Alert color="red" title="This link does not work" role="alert">
        {office.error instanceof ApiError ? office.error.message : 'Try again later.'} Links work once and for 30 days; ask
        the applicant to send a new request if needed.
      </Alert>
    );
  }
  const data = office.data;
  if (data.status !== 'requested') {
    return (
      <Alert color="teal" title="Thank you" role="status">
        Your answer was recorded {formatDateTime(data.responded_at)} ({data.status}). The applicant has been told.
      </Alert>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    const yearNumber = Number.parseInt(year, 10);
    answer.mutate(
      decision === 'verify'
        ? {
            decision,
            claim,
            ...(Number.isFinite(yearNumber) ? { year: yearNumber } : {}),
            good_standing: standing,
            attest,
            attester_name: name,
            attester_title: title,
          }
        : { decision, attester_name: name, attester_title: title, reason },
    );
  }

  return (
    <>
      <PageHeader title="School verification">
        {data.applicant_name} asks {data.school_name} to confirm their enrollment or graduation.
      </PageHeader>
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="request-heading">
          <Title order={2} size="h4" id="request-heading" mb="sm">
            The request
          </Title>
          <List spacing="xs">
            <List.Item>Applicant: {data.applicant_name}</List.Item>
            <List.Item>School named in their profile: {data.school_name}</List.Item>
            {data.graduation_date && (
              <List.Item>
                {data.applicant_status === 'student' ? 'Expected graduation' : 'Graduation'} stated: {data.graduation_date}
              </List.Item>
            )}
            <List.Item>Addressed to: {data.office_name}</List.Item>
          </List>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="letter-heading">
          <Title order={2} size="h4" id="letter-heading" mb="sm">
            Signed letter (optional)
          </Title>
          {data.has_letter && (
            <Alert color="teal" variant="light" role="status" mb="sm">
              A letter is attached ({data.letter_pages} {data.letter_pages === 1 ? 'page' : 'pages'}). You may replace it.
            </Alert>
          )}
          <form
            aria-label="Upload a signed letter"
            onSubmit={(e) => {
              e.preventDefault();
              if (file) upload.mutate(file);
            }}
          >
            <Stack gap="sm">
              <FormError error={upload.error} title="The letter was not uploaded" />
              <Input.Wrapper label="Letter" description="PDF only, at most 10 MiB" id={fileId}>
                <input
                  id={fileId}
                  type="file"
                  accept="application/pdf,.pdf"
                  aria-describedby={`${fileId}-description`}
                  onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
                  style={{ display: 'block', marginTop: 6 }}
                />
              </Input.Wrapper>
              <Group>
                <Button type="submit" variant="default" disabled={!file} loading={upload.isPending}>
                  Upload the letter
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="answer-heading">
          <Title order={2} size="h4" id="answer-heading" mb="sm">
            Your answer
          </Title>
          <form onSubmit={submit} aria-label="Answer the verification request">
            <Stack gap="sm">
              <FormError error={answer.error} title="The answer was not recorded" />
              <Radio.Group label="Decision" value={decision} onChange={(v) => setDecision(v === 'decline' ? 'decline' : 'verify')}>
                <Group mt={4}>
                  <Radio value="verify" label="Verify" />
                  <Radio value="decline" label="Decline" />
                </Group>
              </Radio.Group>
              {decision === 'verify' ? (
                <>
                  <NativeSelect
                    label="The applicant"
                    data={[
                      { value: 'graduated', label: 'graduated from our school' },
                      { value: 'enrolled', label: 'is enrolled at our school' },
                    ]}
                    value={claim}
                    onChange={(e) => setClaim(e.currentTarget.value)}
                    error={fieldError('claim')}
                  />
                  <TextInput
                    label={claim === 'graduated' ? 'Year of graduation' : 'Expected year of graduation'}
                    inputMode="numeric"
                    value={year}
                    onChange={(e) => setYear(e.currentTarget.value)}
                    error={fieldError('year')}
                    required
                  />
                  <Checkbox
                    label="The applicant is in good standing"
                    checked={standing}
                    onChange={(e) => setStanding(e.currentTarget.checked)}
                    error={fieldError('good_standing')}
                  />
                </>
              ) : (
                <Textarea label="Reason" value={reason} onChange={(e) => setReason(e.currentTarget.value)} error={fieldError('reason')} required />
              )}
              <TextInput label="Your name" value={name} onChange={(e) => setName(e.currentTarget.value)} error={fieldError('attester_name')} required />
              <TextInput
                label="Your title"
                placeholder="Associate Dean for Student Affairs"
                value={title}
                onChange={(e) => setTitle(e.currentTarget.value)}
                error={fieldError('attester_title')}
                required
              />
              {decision === 'verify' && (
                <Checkbox
                  label="I attest, on behalf of the school, that this information is correct"
                  checked={attest}
                  onChange={(e) => setAttest(e.currentTarget.checked)}
                  error={fieldError('attest')}
                />
              )}
              <Group>
                <Button type="submit" loading={answer.isPending}>
                  {decision === 'verify' ? 'Verify' : 'Decline'}
                </Button>
              </Group>
            </Stack>
          </form>
        </Card>
      </Stack>
    </>
  );
}
