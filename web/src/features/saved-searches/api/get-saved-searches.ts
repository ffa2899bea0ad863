import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { SAVED_SEARCHES_QUERY_KEY, savedSearchSchema, type SavedSearch } from './saved-search-schema';

const responseSchema = z.object({ items: z.array(savedSearchSchema) });

/** GET /api/saved-searches: the applicant's saved searches, oldest first. */
export function getSavedSearches(signal?: AbortSignal): Promise<SavedSearch[]> {
  return api.get('/saved-searches', responseSchema, signal ? { signal } : undefined).then((r) => r.items);
}

export function getSavedSearchesQueryOptions() {
  return queryOptions({
    queryKey: SAVED_SEARCHES_QUERY_KEY,
    queryFn: ({ signal }) => getSavedSearches(signal),
  });
}

export function useSavedSearches(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getSavedSearchesQueryOptions(), enabled: options.enabled ?? true });
}
