import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { SAVED_SEARCHES_QUERY_KEY } from './saved-search-schema';

/** DELETE /api/saved-searches/{id} (204): its alerts stop. */
export async function deleteSavedSearch(id: string): Promise<void> {
  await api.delete(`/saved-searches/${encodeURIComponent(id)}`);
}

export function useDeleteSavedSearch() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteSavedSearch,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SAVED_SEARCHES_QUERY_KEY }),
  });
}
