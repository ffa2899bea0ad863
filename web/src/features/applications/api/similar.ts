import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicationQueryKey, applicationSchema, myApplicationsQueryKey, type Application } from './application-schema';

export const similarOfferingSchema = z.object({
  offering_id: z.string(),
  title: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  city: z.string(),
  state: z.string(),
  country: z.string(),
  blocks: z.array(z.object({ id: z.string(), start_date: z.string(), end_date: z.string(), deadline: z.string() })),
});
export type SimilarOffering = z.infer<typeof similarOfferingSchema>;

const similarListSchema = z.object({ items: z.array(similarOfferingSchema) });

export function similarQueryKey(applicationId: string) {
  return ['applications', applicationId, 'similar'] as const;
}

/** GET /api/applications/{id}/similar: open offerings of the same specialty and type not yet applied to. */
export function useSimilarOfferings(applicationId: string) {
  return useQuery({
    queryKey: similarQueryKey(applicationId),
    queryFn: async ({ signal }) =>
      (await api.get(`/applications/${encodeURIComponent(applicationId)}/similar`, similarListSchema, { signal })).items,
  });
}

/** POST /api/applications/{id}/similar: a new draft pre-filled from this application. */
export function applyToSimilar(applicationId: string, input: { offering_id: string; block_ids: string[] }): Promise<Application> {
  return api.post(`/applications/${encodeURIComponent(applicationId)}/similar`, input, applicationSchema);
}

export function useApplyToSimilar(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { offering_id: string; block_ids: string[] }) => applyToSimilar(applicationId, input),
    onSuccess: async (created) => {
      queryClient.setQueryData(applicationQueryKey(created.id), created);
      await queryClient.invalidateQueries({ queryKey: myApplicationsQueryKey });
      await queryClient.invalidateQueries({ queryKey: similarQueryKey(applicationId) });
    },
  });
}
