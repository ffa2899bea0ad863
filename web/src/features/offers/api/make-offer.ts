import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { institutionBase, offerSchema } from './offer-schema';

export const makeOfferInputSchema = z.object({
  block_id: z.string().min(1),
  expiry_days: z.number().int().min(1).max(60),
  note: z.string().trim().max(2000).optional(),
});
export type MakeOfferInput = z.infer<typeof makeOfferInputSchema>;

/** POST /api/institutions/{id}/applications/{aid}/offers (coordinator). */
export function makeOffer(institutionId: string, applicationId: string, input: MakeOfferInput) {
  const path = `${institutionBase(institutionId)}/applications/${encodeURIComponent(applicationId)}/offers`;
  return api.post(path, makeOfferInputSchema.parse(input), offerSchema);
}

export function useMakeOffer(institutionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: MakeOfferInput) => makeOffer(institutionId, applicationId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['institutions', institutionId] }),
  });
}
