import { Button, Group, Modal, Title } from '@mantine/core';
import { useState } from 'react';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useLetters } from '@/features/letters/api/get-letters';
import { LettersList } from '@/features/letters/components/letters-list';
import { RequestLetterForm } from '@/features/letters/components/request-letter-form';
import { RequireUser } from '../require-user';

function Letters() {
  const letters = useLetters();
  const [requesting, setRequesting] = useState(false);
  if (letters.isPending) return <PageLoading label="Loading your letters…" />;
  if (letters.isError) {
    return <PageErrorState error={letters.error} title="Letters of recommendation" onRetry={() => void letters.refetch()} />;
  }
  return (
    <>
      <PageHeader title="Letters of recommendation">
        Ask referees for letters; each gets a private link by e-mail to upload a PDF (no account needed).
        Assign letters that arrived to your applications; a program sees only the letters assigned to it.
      </PageHeader>
      <section aria-labelledby="letters-heading">
        <Group justify="space-between" mb="md">
          <Title order={2} id="letters-heading">
            Letters
          </Title>
          <Button onClick={() => setRequesting(true)}>Request a letter</Button>
        </Group>
        <LettersList letters={letters.data} />
      </section>
      {requesting && (
        <Modal closeButtonProps={{ 'aria-label': 'Close' }} opened onClose={() => setRequesting(false)} title="Request a letter" size="lg" centered>
          <RequestLetterForm onDone={() => setRequesting(false)} onCancel={() => setRequesting(false)} />
        </Modal>
      )}
    </>
  );
}

export function LettersPage() {
  return (
    <RequireUser title="Letters of recommendation" allow={(user) => user.is_applicant}>
      {() => <Letters />}
    </RequireUser>
  );
}
