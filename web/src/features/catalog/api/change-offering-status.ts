import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionOfferingsQueryKey, offeringQueryKey, offeringSchema, type Offering } from './offering-schema';

export type OfferingStatus = 'draft' | 'published' | 'archived';

/** POST …/offerings/{offering_id}/status: publish (needs a block, else 409), unpublish or archive. */
export function changeOfferingStatus(institutionId: string, offeringId: string, status: OfferingStatus): Promise<Offering> {
  return api.post(
    `/institutions/${encodeURIComponent(institutionId)}/offerings/${encodeURIComponent(offeringId)}/status`,
    { status },
    offeringSchema,
  );
}

export function useChangeOfferingStatus(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (status: OfferingStatus) => changeOfferingStatus(institutionId, offeringId, status),
    onSuccess: (offering) => {
      queryClient.setQueryData(offeringQueryKey(offering.id), offering);
      void queryClient.invalidateQueries({ queryKey: ['search'] });
      return queryClient.invalidateQueries({ queryKey: institutionOfferingsQueryKey(institutionId) });
    },
  });
}
