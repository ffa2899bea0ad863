import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { SAVED_SEARCHES_QUERY_KEY, savedSearchSchema, type SavedSearch } from './saved-search-schema';

export const createSavedSearchInputSchema = z.object({
  name: z.string().trim().min(1, 'Give the search a name').max(100, 'At most 100 characters'),
  /** Parameters of GET /api/search/offerings, as on the search page's URL. */
  query: z.record(z.string(), z.string()),
});
export type CreateSavedSearchInput = z.infer<typeof createSavedSearchInputSchema>;

/** POST /api/saved-searches: the server validates the parameters as the search does (field query.<name>). */
export function createSavedSearch(input: CreateSavedSearchInput): Promise<SavedSearch> {
  return api.post('/saved-searches', createSavedSearchInputSchema.parse(input), savedSearchSchema);
}

export function useCreateSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSavedSearch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_SEARCHES_QUERY_KEY }),
  });
}
