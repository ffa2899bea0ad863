import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { institutionBase, offerSchema } from './offer-schema';

export const reasonInputSchema = z.object({ reason: z.string().trim().min(1).max(2000) });

/** POST /api/institutions/{id}/offers/{offer_id}/rescind with a required reason. */
export function useRescindOffer(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, reason }: { offerId: string; reason: string }) =>
      api.post(`${institutionBase(institutionId)}/offers/${encodeURIComponent(offerId)}/rescind`, reasonInputSchema.parse({ reason }), offerSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['institutions', institutionId] }),
  });
}
