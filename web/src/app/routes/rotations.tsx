import { useEffect, useMemo, useRef } from 'react';
import { useSearchParams } from 'react-router';
import { PageHeader } from '@/components/page-header';
import { OfferingSearch } from '@/features/catalog/components/offering-search';
import { readSearchState, searchQueryString, withChanges, type SearchState } from '@/features/catalog/search-state';

/** "Find a rotation": the whole search is in the query string, so it can be shared and bookmarked. */
export function RotationsPage() {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readSearchState(params), [params]);

  // Two quick changes (say, two filters picked before the URL has caught up) must build on each
  // other, so changes apply to the latest search asked for, not the one last rendered.
  const latest = useRef(state);
  useEffect(() => {
    latest.current = state;
  }, [state]);

  const onChange = (changes: SearchState) => {
    const next = withChanges(latest.current, changes);
    latest.current = next;
    setParams(searchQueryString(next));
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
