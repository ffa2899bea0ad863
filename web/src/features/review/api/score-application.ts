import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { reviewBase, scoreSchema, staffApplicationKey, type Score } from './review-schema';

export const scoreInputSchema = z.object({
  scores: z.record(z.string(), z.number().int().min(1).max(5)),
  note: z.string(),
  version: z.number().int().min(0),
});
export type ScoreInput = z.infer<typeof scoreInputSchema>;

/** PUT …/applications/{aid}/score; 409 "changed by someone else; reload" on a stale version. */
export function scoreApplication(institutionId: string, applicationId: string, input: ScoreInput): Promise<Score> {
  const path = `${reviewBase(institutionId)}/applications/${encodeURIComponent(applicationId)}/score`;
  return api.put(path, scoreInputSchema.parse(input), scoreSchema);
}

export function useScoreApplication(institutionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScoreInput) => scoreApplication(institutionId, applicationId, input),
    onSettled: () => {
      void queryClient.invalidateQueries({ queryKey: ['institutions', institutionId, 'offerings'] });
      return queryClient.invalidateQueries({ queryKey: staffApplicationKey(institutionId, applicationId) });
    },
  });
}
