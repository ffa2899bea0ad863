import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { offerSchema } from './offer-schema';

/** POST /api/offers/{offer_id}/decline: a pending offer, or gives up an accepted seat. */
export function useDeclineOffer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ offerId }: { offerId: string }) => api.post(`/offers/${encodeURIComponent(offerId)}/decline`, {}, offerSchema),
    onSettled: () => Promise.all([queryClient.invalidateQueries({ queryKey: ['applications'] }), queryClient.invalidateQueries({ queryKey: ['me'] })]),
  });
}
