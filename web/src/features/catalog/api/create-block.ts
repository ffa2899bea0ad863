import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { blockInputSchema, blocksPath, type BlockFormValues } from './block-input';
import { blockSchema, institutionOfferingsQueryKey, offeringQueryKey, type Block } from './offering-schema';

/** POST …/offerings/{offering_id}/blocks: adds dates and seats. */
export function createBlock(institutionId: string, offeringId: string, values: BlockFormValues): Promise<Block> {
  return api.post(blocksPath(institutionId, offeringId), blockInputSchema.parse(values), blockSchema);
}

export function useCreateBlock(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: BlockFormValues) => createBlock(institutionId, offeringId, values),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['search'] });
      void queryClient.invalidateQueries({ queryKey: institutionOfferingsQueryKey(institutionId) });
      return queryClient.invalidateQueries({ queryKey: offeringQueryKey(offeringId) });
    },
  });
}
