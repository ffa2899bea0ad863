import { Anchor, Badge, Button, Group, Stack, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { PageLoading } from '@/components/access-states';
import { errorMessage } from '@/lib/api-client';
import { formatDay } from '@/lib/format';
import { applicantDocumentFileUrl, type ApplicantDocument } from '../api/compliance-schema';
import { useApplicantDocuments } from '../api/get-applicant-documents';
import { ReviewDialog } from './review-dialog';

const STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: 'Pending verification', color: 'yellow.5' },
  verified: { label: 'Verified', color: 'teal.9' },
  rejected: { label: 'Rejected', color: 'red.9' },
};

type Props = {
  institutionId: string;
  applicant: { id: string; name: string };
  /** Coordinators verify and reject; reviewers only see. */
  canReview: boolean;
  documentLabel: (type: string) => string;
  labelledBy: string;
};

function nameOf(document: ApplicantDocument, documentLabel: (type: string) => string): string {
  const label = documentLabel(document.type);
  return document.title && document.title !== label ? `${label}: ${document.title}` : label;
}

/** An applicant's vault as the institution's staff see it (each listing and download is audited). */
export function ApplicantDocuments({ institutionId, applicant, canReview, documentLabel, labelledBy }: Props) {
  const documents = useApplicantDocuments(institutionId, applicant.id);
  const [reviewing, setReviewing] = useState<{ document: ApplicantDocument; decision: 'verify' | 'reject' } | null>(null);

  if (documents.isPending) return <PageLoading label="Loading the documents…" />;
  if (documents.isError) {
    return (
      <Text role="alert" c="red.9">
        {errorMessage(documents.error)}
      </Text>
    );
  }
  if (documents.data.length === 0) return <Text>{applicant.name} has no documents yet.</Text>;

  return (
    <>
      <Table.ScrollContainer minWidth={760} type="native">
        <Table aria-labelledby={labelledBy} verticalSpacing="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Document</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Issued / expires</Table.Th>
              <Table.Th scope="col">File</Table.Th>
              {canReview && <Table.Th scope="col">Review</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {documents.data.map((document) => {
              const name = nameOf(document, documentLabel);
              const current = document.versions.find((v) => v.version === document.current_version) ?? document.versions[0];
              const status = STATUS[document.status] ?? { label: document.status, color: 'gray.7' };
              return (
                <Table.Tr key={document.id}>
                  <Table.Th scope="row" fw={500}>
                    {name}
                    <Text size="xs" c="dimmed">
                      Version {document.current_version}
                      {current?.pages ? ` · ${current.pages} ${current.pages === 1 ? 'page' : 'pages'}` : ''}
                    </Text>
                  </Table.Th>
                  <Table.Td>
                    <Stack gap={2}>
                      <Badge color={status.color} variant="filled" autoContrast>
                        {status.label}
                      </Badge>
                      {document.status === 'rejected' && document.status_reason && (
                        <Text size="xs">{document.status_reason}</Text>
                      )}
                    </Stack>
                  </Table.Td>
                  <Table.Td>
                    {current?.issued_on ? formatDay(current.issued_on) : '—'} /{' '}
                    {current?.expires_on ? formatDay(current.expires_on) : '—'}
                  </Table.Td>
                  <Table.Td>
                    <Group gap="sm">
                      <Anchor
                        href={applicantDocumentFileUrl(institutionId, applicant.id, document.id)}
                        target="_blank"
                        rel="noopener"
                        aria-label={`View ${name}`}
                      >
                        View
                      </Anchor>
                      <Anchor
                        href={applicantDocumentFileUrl(institutionId, applicant.id, document.id)}
                        download
                        aria-label={`Download ${name}`}
                      >
                        Download
                      </Anchor>
                    </Group>
                  </Table.Td>
                  {canReview && (
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Button
                          size="xs"
                          color="teal.9"
                          disabled={document.status === 'verified'}
                          aria-label={`Verify ${name}`}
                          onClick={() => setReviewing({ document, decision: 'verify' })}
                        >
                          Verify
                        </Button>
                        <Button
                          size="xs"
                          variant="outline"
                          color="red.9"
                          aria-label={`Reject ${name}`}
                          onClick={() => setReviewing({ document, decision: 'reject' })}
                        >
                          Reject
                        </Button>
                      </Group>
                    </Table.Td>
                  )}
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {!canReview && (
        <Text size="sm" c="dimmed" mt="xs">
          Coordinators verify and reject documents.
        </Text>
      )}
      {reviewing && (
        <ReviewDialog
          institutionId={institutionId}
          applicantId={applicant.id}
          document={reviewing.document}
          documentName={nameOf(reviewing.document, documentLabel)}
          decision={reviewing.decision}
          onClose={() => setReviewing(null)}
        />
      )}
    </>
  );
}
