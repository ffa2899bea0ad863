import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionBase, placementSchema } from './offer-schema';
import { reasonInputSchema } from './rescind-offer';

/** POST /api/institutions/{id}/placements/{pid}/cancel with a required reason (the seat returns). */
export function useCancelPlacement(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ placementId, reason }: { placementId: string; reason: string }) =>
      api.post(
        `${institutionBase(institutionId)}/placements/${encodeURIComponent(placementId)}/cancel`,
        reasonInputSchema.parse({ reason }),
        placementSchema,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['institutions', institutionId] }),
  });
}
