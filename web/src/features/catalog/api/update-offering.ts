import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { offeringInputSchema, type OfferingFormValues } from './offering-input';
import { institutionOfferingsQueryKey, offeringQueryKey, offeringSchema, type Offering } from './offering-schema';

/** PUT /api/institutions/{id}/offerings/{offering_id}: replaces every detail (not the blocks). */
export function updateOffering(institutionId: string, offeringId: string, values: OfferingFormValues): Promise<Offering> {
  return api.put(
    `/institutions/${encodeURIComponent(institutionId)}/offerings/${encodeURIComponent(offeringId)}`,
    offeringInputSchema.parse(values),
    offeringSchema,
  );
}

export function useUpdateOffering(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: OfferingFormValues) => updateOffering(institutionId, offeringId, values),
    onSuccess: (offering) => {
      queryClient.setQueryData(offeringQueryKey(offering.id), offering);
      void queryClient.invalidateQueries({ queryKey: ['search'] });
      return queryClient.invalidateQueries({ queryKey: institutionOfferingsQueryKey(institutionId) });
    },
  });
}
