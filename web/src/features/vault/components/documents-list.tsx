import { Alert, Anchor, Badge, Button, Card, Group, Modal, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { formatDateTime } from '@/lib/format';
import { currentVersion, myDocumentFileUrl, type VaultDocument } from '../api/document-schema';
import { useDeleteDocument } from '../api/delete-document';
import { EXPIRING_SOON_DAYS, vaccineLabel, vaultType } from '../document-types';
import { daysBetween, formatCalendarDay, formatSize, localToday } from './dates';
import { DocumentStatusBadge } from './document-status';
import { UploadDocumentForm } from './upload-document-form';

type Props = {
  documents: VaultDocument[];
  /** For tests: today's date (YYYY-MM-DD). */
  today?: string;
};

function documentName(document: VaultDocument): string {
  const label = vaultType(document.type).label;
  return document.title && document.title !== label ? `${label}: ${document.title}` : label;
}

function ExpiryNotice({ expiresOn, today }: { expiresOn: string; today: string }) {
  const days = daysBetween(today, expiresOn);
  if (days < 0) {
    return (
      <Badge color="red.9" variant="filled">
        Expired
      </Badge>
    );
  }
  if (days > EXPIRING_SOON_DAYS) return null;
  return (
    <Badge color="orange.9" variant="filled">
      {days === 0 ? 'Expires today' : `Expires in ${days} ${days === 1 ? 'day' : 'days'}`}
    </Badge>
  );
}

function VersionHistory({ document }: { document: VaultDocument }) {
  const id = `versions-${document.id}`;
  return (
    <details>
      <summary style={{ cursor: 'pointer' }}>
        Version history ({document.versions.length} {document.versions.length === 1 ? 'version' : 'versions'})
      </summary>
      <Table.ScrollContainer minWidth={520} type="native">
        <Table aria-label={`Versions of ${documentName(document)}`} id={id} verticalSpacing="xs" mt="xs">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Version</Table.Th>
              <Table.Th scope="col">Uploaded</Table.Th>
              <Table.Th scope="col">File</Table.Th>
              <Table.Th scope="col">Issued / expires</Table.Th>
              <Table.Th scope="col">Download</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {document.versions.map((v) => (
              <Table.Tr key={v.version}>
                <Table.Th scope="row" fw={500}>
                  {v.version}
                  {v.version === document.current_version ? ' (current)' : ''}
                </Table.Th>
                <Table.Td>{formatDateTime(v.uploaded_at)}</Table.Td>
                <Table.Td>
                  {v.filename || '—'} · {formatSize(v.size)}
                  {v.pages ? ` · ${v.pages} ${v.pages === 1 ? 'page' : 'pages'}` : ''}
                </Table.Td>
                <Table.Td>
                  {formatCalendarDay(v.issued_on)} / {formatCalendarDay(v.expires_on)}
                </Table.Td>
                <Table.Td>
                  <Anchor href={myDocumentFileUrl(document.id, v.version)} download>
                    Download version {v.version}
                  </Anchor>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </details>
  );
}

function DeleteDialog({ document, onClose }: { document: VaultDocument; onClose: () => void }) {
  const remove = useDeleteDocument();
  return (
    <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={onClose} title={`Delete ${documentName(document)}?`} centered>
      <Stack gap="md">
        <Text size="sm">
          It disappears from your vault and from applications that are still drafts. Applications
          you have submitted keep it until they are closed.
        </Text>
        {remove.isError && (
          <Alert color="red" variant="light" title="Not deleted" role="alert">
            {errorMessage(remove.error)}
          </Alert>
        )}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            Keep it
          </Button>
          <Button color="red.9" loading={remove.isPending} onClick={() => remove.mutate(document.id, { onSuccess: onClose })}>
            Delete
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function DocumentCard({ document, today, onReplace, onDelete }: {
  document: VaultDocument;
  today: string;
  onReplace: () => void;
  onDelete: () => void;
}) {
  const current = currentVersion(document);
  const headingId = `document-${document.id}`;
  const name = documentName(document);
  const vaccines = current?.vaccines ?? [];
  return (
    <Card component="article" withBorder padding="md" aria-labelledby={headingId}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" gap="sm">
          <Title order={3} size="h4" id={headingId}>
            {name}
          </Title>
          <Group gap="xs">
            {current?.expires_on && <ExpiryNotice expiresOn={current.expires_on} today={today} />}
            <DocumentStatusBadge status={document.status} />
          </Group>
        </Group>
        {document.status === 'rejected' && document.status_reason && (
          <Text size="sm" c="red.9">
            Rejected: {document.status_reason}
          </Text>
        )}
        <Text size="sm">
          Issued {formatCalendarDay(current?.issued_on)} · Expires {current?.expires_on ? formatCalendarDay(current.expires_on) : 'never'} ·{' '}
          {document.versions.length} {document.versions.length === 1 ? 'version' : 'versions'}
        </Text>
        {vaccines.length > 0 && (
          <Text size="sm" c="dimmed">
            {vaccines
              .map((v) => `${vaccineLabel(v.vaccine)} ${v.kind}${v.date ? ` ${formatCalendarDay(v.date)}` : ''}${v.result ? ` (${v.result})` : ''}`)
              .join(' · ')}
          </Text>
        )}
        <Group gap="sm">
          <Button component="a" href={myDocumentFileUrl(document.id)} download variant="light" size="xs" aria-label={`Download ${name}`}>
            Download
          </Button>
          <Button variant="default" size="xs" onClick={onReplace} aria-label={`Replace ${name}`}>
            Replace
          </Button>
          <Button variant="outline" color="red.9" size="xs" onClick={onDelete} aria-label={`Delete ${name}`}>
            Delete
          </Button>
        </Group>
        {document.versions.length > 0 && <VersionHistory document={document} />}
      </Stack>
    </Card>
  );
}

/** The applicant's vault: one card per document with its status, dates, versions and actions. */
export function DocumentsList({ documents, today = localToday() }: Props) {
  const [replacing, setReplacing] = useState<VaultDocument | null>(null);
  const [deleting, setDeleting] = useState<VaultDocument | null>(null);

  if (documents.length === 0) {
    return <Text>No documents yet. Upload each one once; every application reuses it.</Text>;
  }
  const sorted = [...documents].sort(
    (a, b) => vaultType(a.type).label.localeCompare(vaultType(b.type).label) || a.created_at.localeCompare(b.created_at),
  );
  return (
    <>
      <Stack gap="md">
        {sorted.map((document) => (
          <DocumentCard
            key={document.id}
            document={document}
            today={today}
            onReplace={() => setReplacing(document)}
            onDelete={() => setDeleting(document)}
          />
        ))}
      </Stack>
      {replacing && (
        <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={() => setReplacing(null)} title={`Replace ${documentName(replacing)}`} size="lg" centered>
          <UploadDocumentForm
            replacing={replacing}
            label="New version"
            onDone={() => setReplacing(null)}
            onCancel={() => setReplacing(null)}
          />
        </Modal>
      )}
      {deleting && <DeleteDialog document={deleting} onClose={() => setDeleting(null)} />}
    </>
  );
}
