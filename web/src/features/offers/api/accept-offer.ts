import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { acceptanceSchema } from './offer-schema';

export const acceptInputSchema = z.object({ decline_other_offers: z.boolean() });

/** POST /api/offers/{offer_id}/accept: takes the seat in one transaction, or 409 (no seat left, overlap …). */
export function useAcceptOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId, declineOthers }: { offerId: string; declineOthers: boolean }) =>
      api.post(`/offers/${encodeURIComponent(offerId)}/accept`, acceptInputSchema.parse({ decline_other_offers: declineOthers }), acceptanceSchema),
    // Also when it failed: a lost race moves the application to the waitlist.
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['applications'] }), queryClient.invalidateQueries({ queryKey: ['me'] })]),
  });
}
