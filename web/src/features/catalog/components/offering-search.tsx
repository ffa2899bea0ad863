import { Alert, Button, Grid, Group, Loader, NativeSelect, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useRef, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError, errorMessage } from '@/lib/api-client';
import { useVocabulary } from '../api/get-vocabulary';
import { useSearchOfferings } from '../api/search-offerings';
import { hasFilters, PER_PAGE, searchQueryString, withChanges, type SearchState } from '../search-state';
import classes from './catalog.module.css';
import { ResultCard } from './result-card';
import { SearchFilters } from './search-filters';

type Props = {
  /** The search, as read from the URL. */
  state: SearchState;
  /** Changes the URL (and so the search). */
  onChange: (changes: SearchState) => void;
};

const SORTS = [
  { value: 'start', label: 'Soonest start' },
  { value: 'deadline', label: 'Application deadline' },
  { value: 'fee', label: 'Lowest all-in cost' },
  { value: 'relevance', label: 'Best match' },
];

function SearchBox({ q, onSearch }: { q: string; onSearch: (q: string) => void }) {
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const value = new FormData(event.currentTarget).get('q');
    onSearch(typeof value === 'string' ? value.trim() : '');
  };
  return (
    <form role="search" aria-label="Rotations" onSubmit={onSubmit}>
      <Group gap="sm" align="flex-end" wrap="nowrap">
        <TextInput
          name="q"
          type="search"
          label="Search rotations"
          description="Title, specialty, institution or description"
          placeholder="e.g. cardiology Chicago"
          defaultValue={q}
          style={{ flex: 1 }}
          maxLength={400}
        />
        <Button type="submit">Search</Button>
      </Group>
    </form>
  );
}

function Pagination({ state, total }: { state: SearchState; total: number }) {
  const pages = Math.max(1, Math.ceil(total / PER_PAGE));
  const page = Math.min(Number(state.page ?? '1') || 1, Math.max(pages, 1));
  if (pages <= 1) return null;
  const to = (n: number) => `?${searchQueryString(withChanges(state, { page: String(n) }))}`;
  return (
    <nav aria-label="Pages of results">
      <Group justify="center" gap="md">
        {page > 1 ? (
          <Button component={Link} to={to(page - 1)} variant="default">
            Previous page
          </Button>
        ) : (
          <Button variant="default" disabled>
            Previous page
          </Button>
        )}
        <Text aria-current="page">
          Page {page} of {pages}
        </Text>
        {page < pages ? (
          <Button component={Link} to={to(page + 1)} variant="default">
            Next page
          </Button>
        ) : (
          <Button variant="default" disabled>
            Next page
          </Button>
        )}
      </Group>
    </nav>
  );
}

/** The rotation search: text, facet filters with counts, sort, results and pages. */
export function OfferingSearch({ state, onChange }: Props) {
  const search = useSearchOfferings(state);
  const vocabulary = useVocabulary();
  const resultsHeading = useRef<HTMLHeadingElement>(null);
  const firstPage = useRef(true);

  // After moving to another page of results, start reading at the top of the results.
  useEffect(() => {
    if (firstPage.current) {
      firstPage.current = false;
      return;
    }
    resultsHeading.current?.focus();
  }, [state.page]);

  const data = search.data;
  const sort = state.sort ?? (state.q ? 'relevance' : 'start');
  const sorts = state.q || sort === 'relevance' ? SORTS : SORTS.filter((s) => s.value !== 'relevance');
  const fromSearch = searchQueryString(state);

  let results: React.ReactNode;
  if (search.isPending) {
    results = (
      <Group gap="sm" role="status" py="lg">
        <Loader size="sm" aria-hidden="true" />
        <Text>Searching rotations…</Text>
      </Group>
    );
  } else if (search.isError && !data) {
    const badParameter = search.error instanceof ApiError && search.error.status === 400;
    results = (
      <Alert color="red" variant="light" title="The search could not be run" role="alert">
        <Text size="sm" mb="sm">
          {errorMessage(search.error)}
        </Text>
        {badParameter ? (
          <Button size="xs" variant="outline" color="red" component={Link} to="/rotations">
            Start a new search
          </Button>
        ) : (
          <Button size="xs" variant="outline" color="red" onClick={() => void search.refetch()}>
            Try again
          </Button>
        )}
      </Alert>
    );
  } else if (data && data.items.length === 0) {
    results = (
      <Stack gap="sm" align="flex-start" py="md">
        <Text fw={600}>No rotations match this search.</Text>
        <Text>
          {hasFilters(state)
            ? 'Try removing a filter or two, or search for fewer words.'
            : 'Try other words, such as a specialty or a city.'}
        </Text>
        {(hasFilters(state) || state.q) && (
          <Button component={Link} to="/rotations" variant="default">
            Clear the search
          </Button>
        )}
      </Stack>
    );
  } else if (data) {
    results = (
      <Stack gap="md">
        {data.items.map((item) => (
          <ResultCard key={item.id} item={item} vocabulary={vocabulary.data} fromSearch={fromSearch} />
        ))}
        <Pagination state={state} total={data.total} />
      </Stack>
    );
  }

  return (
    <Stack gap="lg">
      <SearchBox key={state.q ?? ''} q={state.q ?? ''} onSearch={(q) => onChange({ q, sort: q ? state.sort : state.sort === 'relevance' ? '' : state.sort })} />
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <section aria-label="Filters" className={classes.filters}>
            <SearchFilters state={state} facets={data?.facets} vocabulary={vocabulary.data} onChange={onChange} />
          </section>
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <section aria-labelledby="results-heading">
            <Group justify="space-between" align="flex-end" mb="md" gap="sm">
              <div>
                <Title order={2} size="h3" id="results-heading" ref={resultsHeading} tabIndex={-1}>
                  Results
                </Title>
                <Text role="status" aria-live="polite" c="dimmed">
                  {data
                    ? `${data.total} ${data.total === 1 ? 'rotation' : 'rotations'} found`
                    : ''}
                  {search.isFetching && data ? ' · updating…' : ''}
                </Text>
              </div>
              <NativeSelect
                label="Sort by"
                data={sorts}
                value={sort}
                onChange={(event) => onChange({ sort: event.currentTarget.value })}
              />
            </Group>
            {search.isError && data && (
              <Alert color="red" variant="light" role="alert" mb="md" title="The search could not be updated">
                {errorMessage(search.error)}
              </Alert>
            )}
            {results}
          </section>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
