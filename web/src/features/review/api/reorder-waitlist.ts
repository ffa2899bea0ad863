import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { reviewBase, reviewQueueKey } from './review-schema';

/** PUT …/offerings/{oid}/waitlist: the whole waitlist in the new order (204). */
export function useReorderWaitlist(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (applicationIds: string[]) => {
      await api.put(
        `${reviewBase(institutionId)}/offerings/${encodeURIComponent(offeringId)}/waitlist`,
        { application_ids: applicationIds },
        z.undefined(),
      );
    },
    onSettled: () => queryClient.invalidateQueries({ queryKey: reviewQueueKey(institutionId, offeringId) }),
  });
}
