import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { useCurrentUser } from '@/features/auth/api/get-session';
import { OfferingSearch } from '@/features/catalog/components/offering-search';
import { readSearchState, searchQueryString, withChanges, type SearchState } from '@/features/catalog/search-state';
import { SaveSearchForm } from '@/features/saved-searches/components/save-search-form';

/**
 * "Find a rotation": the whole search is in the query string, so it can be shared and bookmarked.
 *
 * Navigating is asynchronous, so a second change (two filters picked quickly) can come before the
 * URL shows the first. The page therefore shows, and builds on, the newest search it asked for;
 * once the URL reaches it, the URL is the truth again. A URL nobody here asked for (the back
 * button, a link) wins at once.
 */
export function RotationsPage() {
  const [params, setParams] = useSearchParams();
  const urlQuery = searchQueryString(readSearchState(params));
  const [pending, setPending] = useState<string[]>([]);

  useEffect(() => {
    setPending((requested) => {
      const reached = requested.indexOf(urlQuery);
      return reached >= 0 ? requested.slice(reached + 1) : [];
    });
  }, [urlQuery]);

  const shownQuery = pending.at(-1) ?? urlQuery;
  const state = useMemo(() => readSearchState(new URLSearchParams(shownQuery)), [shownQuery]);

  const onChange = (changes: SearchState) => {
    const next = searchQueryString(withChanges(state, changes));
    setPending((requested) => [...requested, next]);
    setParams(next);
  };

  const user = useCurrentUser();
  const { page: _page, ...saved } = state;
  const savedQuery = Object.fromEntries(Object.entries(saved).filter(([, v]) => v !== undefined)) as Record<string, string>;

  return (
    <>
      <PageHeader title="Find a rotation">
        Search clinical rotations, electives and observerships at teaching hospitals by specialty,
        dates, cost and location.
      </PageHeader>
      {user?.is_applicant && (
        <div style={{ marginBottom: 'var(--mantine-spacing-md)' }}>
          <SaveSearchForm key={shownQuery} query={savedQuery} suggestedName={state.q?.trim() || 'My search'} />
        </div>
      )}
      <OfferingSearch state={state} onChange={onChange} />
    </>
  );
}
