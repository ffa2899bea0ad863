import { useEffect, useMemo, useState } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { OfferingSearch } from '@/features/catalog/components/offering-search';
import { readSearchState, searchQueryString, withChanges, type SearchState } from '@/features/catalog/search-state';

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

  return (
    <>
      <PageHeader title="Find a rotation">
        Search clinical rotations, electives and observerships at teaching hospitals by specialty,
        dates, cost and location.
      </PageHeader>
      <OfferingSearch state={state} onChange={onChange} />
    </>
  );
}
