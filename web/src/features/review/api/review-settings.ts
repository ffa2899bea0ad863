import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { criterionSchema, reviewBase } from './review-schema';

export const reviewSettingsSchema = z.object({
  rubric: z.array(criterionSchema),
  target_days: z.number().int(),
  is_default: z.boolean(),
  updated_at: z.string(),
});
export type ReviewSettings = z.infer<typeof reviewSettingsSchema>;

export const reviewSettingsInputSchema = z.object({
  rubric: z.array(z.object({ key: z.string(), label: z.string(), weight: z.number().int() })),
  target_days: z.number().int(),
});
export type ReviewSettingsInput = z.infer<typeof reviewSettingsInputSchema>;

export const reviewSettingsKey = (institutionId: string) => ['institutions', institutionId, 'review-settings'];

/** GET /api/institutions/{id}/review-settings: the rubric and the response-time target. */
export function reviewSettingsQueryOptions(institutionId: string) {
  return queryOptions({
    queryKey: reviewSettingsKey(institutionId),
    queryFn: ({ signal }) => api.get(`${reviewBase(institutionId)}/review-settings`, reviewSettingsSchema, { signal }),
  });
}

export function useReviewSettings(institutionId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...reviewSettingsQueryOptions(institutionId), enabled: options.enabled ?? true });
}

/** PUT /api/institutions/{id}/review-settings (coordinators); 400 names the field, e.g. rubric[1].weight. */
export function useSaveReviewSettings(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReviewSettingsInput) =>
      api.put(`${reviewBase(institutionId)}/review-settings`, reviewSettingsInputSchema.parse(input), reviewSettingsSchema),
    onSuccess: (saved) => queryClient.setQueryData(reviewSettingsKey(institutionId), saved),
  });
}
