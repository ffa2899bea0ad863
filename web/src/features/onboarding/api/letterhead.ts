import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionBase, letterheadSchema, type LetterheadInput } from './onboarding-schema';

const key = (institutionId: string) => ['institutions', institutionId, 'letterhead'] as const;

/** GET /api/institutions/{id}/letterhead (staff). */
export function useLetterhead(institutionId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: key(institutionId),
    queryFn: ({ signal }) => api.get(`${institutionBase(institutionId)}/letterhead`, letterheadSchema, { signal }),
    enabled: options.enabled ?? true,
  });
}

/** PUT /api/institutions/{id}/letterhead (coordinator). */
export function useSaveLetterhead(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: LetterheadInput) =>
      api.put(`${institutionBase(institutionId)}/letterhead`, input, letterheadSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(institutionId) }),
  });
}
