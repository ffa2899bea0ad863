import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { completionPlacementListSchema, completionPlacementSchema, okSchema } from './completion-schema';

export const myPlacementsKey = ['me', 'placements'] as const;

/** GET /api/me/placements: the applicant's placements (every status). */
export function useMyPlacements() {
  return useQuery({
    queryKey: myPlacementsKey,
    queryFn: ({ signal }) => api.get('/me/placements', completionPlacementListSchema, { signal }).then((r) => r.items),
  });
}

/** GET /api/me/placements/{id}: one placement, with the evaluation once released. */
export function useMyPlacement(placementId: string) {
  return useQuery({
    queryKey: [...myPlacementsKey, placementId],
    queryFn: ({ signal }) => api.get(`/me/placements/${encodeURIComponent(placementId)}`, completionPlacementSchema, { signal }),
  });
}

export const certificateUrl = (placementId: string) => `/api/me/placements/${encodeURIComponent(placementId)}/certificate.pdf`;
export const transcriptUrl = '/api/me/record/transcript.pdf';
export const erasCsvUrl = '/api/me/record/eras.csv';
export const erasJsonUrl = '/api/me/record/eras.json';

export const feedbackInputSchema = z.object({
  ratings: z.record(z.string(), z.number().int().min(1).max(5)),
  comment: z.string().max(2000),
});

/** POST /api/me/placements/{id}/feedback: the applicant's anonymous evaluation of the rotation (once). */
export function useSubmitFeedback(placementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.infer<typeof feedbackInputSchema>) =>
      api.post(`/me/placements/${encodeURIComponent(placementId)}/feedback`, feedbackInputSchema.parse(input), okSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: myPlacementsKey }),
  });
}

/** POST /api/me/placements/{id}/letter-request: ask the preceptor for a letter (rotation pre-filled). */
export function useAskPreceptorForLetter(placementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (waived: boolean) =>
      api.post(`/me/placements/${encodeURIComponent(placementId)}/letter-request`, { waived }, z.object({ letter_id: z.string() })),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['me', 'letters'] }),
  });
}
