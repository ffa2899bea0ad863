import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { blocksPath } from './block-input';
import { institutionOfferingsQueryKey, offeringQueryKey } from './offering-schema';

/** DELETE …/blocks/{block_id} (204); a block with applications cannot go (409). */
export async function deleteBlock(institutionId: string, offeringId: string, blockId: string): Promise<void> {
  await api.delete(`${blocksPath(institutionId, offeringId)}/${encodeURIComponent(blockId)}`);
}

export function useDeleteBlock(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (blockId: string) => deleteBlock(institutionId, offeringId, blockId),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['search'] });
      void queryClient.invalidateQueries({ queryKey: institutionOfferingsQueryKey(institutionId) });
      return queryClient.invalidateQueries({ queryKey: offeringQueryKey(offeringId) });
    },
  });
}
