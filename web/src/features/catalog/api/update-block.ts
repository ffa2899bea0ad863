import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { blockInputSchema, blocksPath, type BlockFormValues } from './block-input';
import { blockSchema, institutionOfferingsQueryKey, offeringQueryKey, type Block } from './offering-schema';

/** PUT …/blocks/{block_id}: new dates or seats (not below the seats already filled). */
export function updateBlock(
  institutionId: string,
  offeringId: string,
  blockId: string,
  values: BlockFormValues,
): Promise<Block> {
  return api.put(
    `${blocksPath(institutionId, offeringId)}/${encodeURIComponent(blockId)}`,
    blockInputSchema.parse(values),
    blockSchema,
  );
}

export function useUpdateBlock(institutionId: string, offeringId: string, blockId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (values: BlockFormValues) => updateBlock(institutionId, offeringId, blockId, values),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['search'] });
      void queryClient.invalidateQueries({ queryKey: institutionOfferingsQueryKey(institutionId) });
      return queryClient.invalidateQueries({ queryKey: offeringQueryKey(offeringId) });
    },
  });
}
