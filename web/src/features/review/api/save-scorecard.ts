import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { RECOMMENDATIONS, reviewBase, scorecardSchema, staffApplicationKey, type Scorecard } from './review-schema';

export const scorecardInputSchema = z.object({
  scores: z.record(z.string(), z.number().int().min(1).max(5)),
  recommendation: z.union([z.enum(RECOMMENDATIONS), z.literal('')]),
  notes: z.string().max(5000),
  submit: z.boolean(),
  version: z.number().int().min(0),
});
export type ScorecardInput = z.infer<typeof scorecardInputSchema>;

/** PUT …/applications/{aid}/scorecard: draft or submit; 409 "changed by someone else; reload" when stale. */
export function saveScorecard(institutionId: string, applicationId: string, input: ScorecardInput): Promise<Scorecard> {
  const path = `${reviewBase(institutionId)}/applications/${encodeURIComponent(applicationId)}/scorecard`;
  return api.put(path, scorecardInputSchema.parse(input), scorecardSchema);
}

export function useSaveScorecard(institutionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ScorecardInput) => saveScorecard(institutionId, applicationId, input),
    onSettled: () => queryClient.invalidateQueries({ queryKey: staffApplicationKey(institutionId, applicationId) }),
  });
}
