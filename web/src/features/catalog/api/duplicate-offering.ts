import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionOfferingsQueryKey, offeringQueryKey, offeringSchema, type Offering } from './offering-schema';

/** POST …/offerings/{offering_id}/duplicate: a new draft with the same details and no blocks. */
export function duplicateOffering(institutionId: string, offeringId: string): Promise<Offering> {
  return api.post(
    `/institutions/${encodeURIComponent(institutionId)}/offerings/${encodeURIComponent(offeringId)}/duplicate`,
    undefined,
    offeringSchema,
  );
}

export function useDuplicateOffering(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (offeringId: string) => duplicateOffering(institutionId, offeringId),
    onSuccess: (offering) => {
      queryClient.setQueryData(offeringQueryKey(offering.id), offering);
      return queryClient.invalidateQueries({ queryKey: institutionOfferingsQueryKey(institutionId) });
    },
  });
}
