import { Button, Group, Modal, Title } from '@mantine/core';
import { useState } from 'react';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useDocuments } from '@/features/vault/api/get-documents';
import { DocumentsList } from '@/features/vault/components/documents-list';
import { UploadDocumentForm } from '@/features/vault/components/upload-document-form';
import { RequireUser } from '../require-user';

function Documents() {
  const documents = useDocuments();
  const [uploading, setUploading] = useState(false);

  if (documents.isPending) return <PageLoading label="Loading your documents…" />;
  if (documents.isError) {
    return <PageErrorState error={documents.error} title="Your documents" onRetry={() => void documents.refetch()} />;
  }
  return (
    <>
      <PageHeader title="Your documents">
        Upload each document once and every application uses it. Files are encrypted; an
        institution sees them only while you have an application there.
      </PageHeader>
      <section aria-labelledby="documents-heading">
        <Group justify="space-between" mb="md">
          <Title order={2} id="documents-heading">
            Documents
          </Title>
          <Button onClick={() => setUploading(true)}>Upload document</Button>
        </Group>
        <DocumentsList documents={documents.data} />
      </section>
      {uploading && (
        <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={() => setUploading(false)} title="Upload a document" size="lg" centered>
          <UploadDocumentForm label="Upload a document" onDone={() => setUploading(false)} onCancel={() => setUploading(false)} />
        </Modal>
      )}
    </>
  );
}

export function DocumentsPage() {
  return (
    <RequireUser title="Your documents" allow={(user) => user.is_applicant}>
      {() => <Documents />}
    </RequireUser>
  );
}
