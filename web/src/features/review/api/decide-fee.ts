import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { feeSchema } from '@/lib/fees';
import { reviewBase, staffApplicationKey } from './review-schema';

export type FeeAction = 'confirm' | 'waive' | 'refund';

const answerSchema = z.object({ fee: feeSchema.nullable() });

/** POST /api/institutions/{id}/applications/{aid}/fee: a coordinator confirms, waives or refunds the fee. */
export function decideFee(institutionId: string, applicationId: string, action: FeeAction, note: string) {
  return api.post(`${reviewBase(institutionId)}/applications/${encodeURIComponent(applicationId)}/fee`, { action, note }, answerSchema);
}

export function useDecideFee(institutionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, note }: { action: FeeAction; note: string }) => decideFee(institutionId, applicationId, action, note),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffApplicationKey(institutionId, applicationId) }),
  });
}
