import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { offeringInputSchema, type OfferingFormValues } from './offering-input';
import { institutionOfferingsQueryKey, offeringQueryKey, offeringSchema, type Offering } from './offering-schema';

/** POST /api/institutions/{id}/offerings: a new draft. */
export function createOffering(institutionId: string, values: OfferingFormValues): Promise<Offering> {
  return api.post(
    `/institutions/${encodeURIComponent(institutionId)}/offerings`,
    offeringInputSchema.parse(values),
    offeringSchema,
  );
}

export function useCreateOffering(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: OfferingFormValues) => createOffering(institutionId, values),
    onSuccess: (offering) => {
      queryClient.setQueryData(offeringQueryKey(offering.id), offering);
      return queryClient.invalidateQueries({ queryKey: institutionOfferingsQueryKey(institutionId) });
    },
  });
}
