import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicationStateSchema, bulkResultSchema, reviewBase, type BulkResult } from './review-schema';

export const transitionInputSchema = z.object({
  event: z.string().min(1),
  reason: z.string().trim().optional(),
  version: z.number().int().min(0),
});
export type TransitionInput = z.infer<typeof transitionInputSchema>;

/** POST …/applications/{aid}/transition: one state-machine event at the version read. */
export function transitionApplication(institutionId: string, applicationId: string, input: TransitionInput) {
  const path = `${reviewBase(institutionId)}/applications/${encodeURIComponent(applicationId)}/transition`;
  return api.post(path, transitionInputSchema.parse(input), applicationStateSchema);
}

export function useTransitionApplication(institutionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: TransitionInput) => transitionApplication(institutionId, applicationId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['institutions', institutionId] }),
  });
}

export const bulkInputSchema = z.object({
  event: z.string().min(1),
  reason: z.string().trim().optional(),
  application_ids: z.array(z.string()).min(1).max(200),
});
export type BulkInput = z.infer<typeof bulkInputSchema>;

/** POST /api/institutions/{id}/bulk-transition: each application reported on its own. */
export function bulkTransition(institutionId: string, input: BulkInput): Promise<BulkResult> {
  return api.post(`${reviewBase(institutionId)}/bulk-transition`, bulkInputSchema.parse(input), bulkResultSchema);
}

export function useBulkTransition(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: BulkInput) => bulkTransition(institutionId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['institutions', institutionId] }),
  });
}
