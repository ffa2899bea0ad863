import { Alert, Button, Card, Input, List, Stack, Text, Title } from '@mantine/core';
import { useId, useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { PageHeader } from '@/components/page-header';
import { ApiError } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { useRefereeLetter, useUploadLetter } from '../api/referee-letter';

/** The referee's page (no account): who asked, the waiver, upload or replace the PDF. */
export function RefereeUpload({ token }: { token: string }) {
  const letter = useRefereeLetter(token);
  const upload = useUploadLetter(token);
  const [file, setFile] = useState<File | null>(null);
  const fileId = useId();

  if (!token) {
    return <Alert color="red" title="This link is incomplete">Open the link from your e-mail again.</Alert>;
  }
  if (letter.isPending) return <Text>Loading the request…</Text>;
  if (letter.isError) {
    return (
      <Alert color="red" title="This link does not work" role="alert">
        {letter.error instanceof ApiError ? letter.error.message : 'Try again later.'} Ask the applicant to send
        you a new link.
      </Alert>
    );
  }
  const data = letter.data;
  const received = data.status === 'received';
  const canUpload = !received || data.can_replace;

  function submit(event: FormEvent) {
    event.preventDefault();
    if (file) upload.mutate(file);
  }

  return (
    <>
      <PageHeader title="Letter of recommendation">
        {data.applicant.name} asks you for a letter of recommendation.
      </PageHeader>
      <Stack gap="lg">
        <Card withBorder padding="lg" component="section" aria-labelledby="request-heading">
          <Title order={2} size="h4" id="request-heading" mb="sm">
            The request
          </Title>
          <List spacing="xs">
            <List.Item>Applicant: {data.applicant.name}{data.applicant.school ? `, ${data.applicant.school}` : ''}</List.Item>
            <List.Item>Addressed to: {[data.referee.name, data.referee.title, data.referee.institution].filter(Boolean).join(', ')}</List.Item>
            <List.Item>How you know the applicant (in their words): {data.relationship}</List.Item>
            <List.Item>
              {data.waived
                ? 'The applicant has waived the right to read your letter: only the programs they apply to will see it.'
                : 'The applicant has not waived the right to read your letter and may read it.'}
            </List.Item>
          </List>
        </Card>
        <Card withBorder padding="lg" component="section" aria-labelledby="upload-heading">
          <Title order={2} size="h4" id="upload-heading" mb="sm">
            Your letter
          </Title>
          {received && (
            <Alert color="teal" variant="light" role="status" mb="sm">
              Your letter was received {formatDateTime(data.received_at)} ({data.pages} {data.pages === 1 ? 'page' : 'pages'}).
              {data.can_replace
                ? ' You can replace it until it is first sent to a program.'
                : ' It has been sent to a program and can no longer be replaced.'}
            </Alert>
          )}
          {canUpload && (
            <form onSubmit={submit} aria-label="Upload the letter">
              <Stack gap="sm">
                <FormError error={upload.error} title="The letter was not uploaded" />
                <Input.Wrapper
                  label={received ? 'Replacement letter' : 'Letter'}
                  description="PDF only, at most 10 MiB"
                  id={fileId}
                >
                  <input
                    id={fileId}
                    type="file"
                    accept="application/pdf,.pdf"
                    aria-describedby={`${fileId}-description`}
                    onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
                    style={{ display: 'block', marginTop: 6 }}
                  />
                </Input.Wrapper>
                <Button type="submit" disabled={!file} loading={upload.isPending}>
                  {received ? 'Replace the letter' : 'Upload the letter'}
                </Button>
              </Stack>
            </form>
          )}
        </Card>
      </Stack>
    </>
  );
}
