import { Title } from '@mantine/core';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { useSavedSearches } from '@/features/saved-searches/api/get-saved-searches';
import { SavedSearchesList } from '@/features/saved-searches/components/saved-searches-list';
import { RequireUser } from '../require-user';

function SavedSearches() {
  const list = useSavedSearches();
  if (list.isPending) return <PageLoading label="Loading your saved searches…" />;
  if (list.isError) {
    return <PageErrorState error={list.error} title="Saved searches" onRetry={() => void list.refetch()} />;
  }
  return (
    <section aria-labelledby="saved-searches-heading">
      <Title order={2} id="saved-searches-heading" mb="md">
        Your searches
      </Title>
      <SavedSearchesList items={list.data} labelledBy="saved-searches-heading" />
    </section>
  );
}

/** The applicant's saved searches (each e-mails its owner about new matching blocks). */
export function SavedSearchesPage() {
  return (
    <RequireUser title="Saved searches" allow={(user) => user.is_applicant}>
      {() => (
        <>
          <PageHeader title="Saved searches">
            We e-mail you when a new rotation block matching one of these searches is published.
          </PageHeader>
          <SavedSearches />
        </>
      )}
    </RequireUser>
  );
}
