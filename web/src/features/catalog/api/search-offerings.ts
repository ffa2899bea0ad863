import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { searchQueryString, type SearchState } from '../search-state';

export const searchItemSchema = z.object({
  id: z.string(),
  title: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  specialty: z.string(),
  type: z.string(),
  hands_on: z.boolean(),
  city: z.string(),
  state: z.string(),
  country: z.string(),
  duration_weeks: z.number().int(),
  currency: z.string(),
  fee_min_cents: z.number().int(),
  // An offering whose blocks have all started has no next block.
  next_start: z.string().nullish(),
  next_deadline: z.string().nullish(),
  seats_left: z.number().int(),
  time_zone: z.string(),
});
export type SearchItem = z.infer<typeof searchItemSchema>;

/** Counts per facet value over the current results; a facet with no results may be left out. */
export const facetsSchema = z.record(z.string(), z.record(z.string(), z.number().int()));
export type Facets = z.infer<typeof facetsSchema>;

export const searchResultSchema = z.object({
  items: z.array(searchItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  per_page: z.number().int(),
  facets: facetsSchema,
});
export type SearchResult = z.infer<typeof searchResultSchema>;

/** GET /api/search/offerings (public): published offerings matching the search, with facet counts. */
export function searchOfferings(state: SearchState, signal?: AbortSignal): Promise<SearchResult> {
  const query = searchQueryString(state);
  return api.get(`/search/offerings${query ? `?${query}` : ''}`, searchResultSchema, signal ? { signal } : undefined);
}

export function searchOfferingsQueryOptions(state: SearchState) {
  return queryOptions({
    queryKey: ['search', 'offerings', searchQueryString(state)],
    queryFn: ({ signal }) => searchOfferings(state, signal),
    // Keep showing the last results (and facets) while the next ones load.
    placeholderData: keepPreviousData,
  });
}

export function useSearchOfferings(state: SearchState) {
  return useQuery(searchOfferingsQueryOptions(state));
}
