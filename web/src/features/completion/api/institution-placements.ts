import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { completionPlacementListSchema, completionPlacementSchema } from './completion-schema';

const base = (institutionId: string) => `/institutions/${encodeURIComponent(institutionId)}`;
const key = (institutionId: string) => ['institutions', institutionId, 'placements'] as const;

/** GET /api/institutions/{id}/placements (staff). */
export function useInstitutionPlacements(institutionId: string) {
  return useQuery({
    queryKey: key(institutionId),
    queryFn: ({ signal }) => api.get(`${base(institutionId)}/placements`, completionPlacementListSchema, { signal }).then((r) => r.items),
  });
}

/** GET /api/institutions/{id}/placements/{pid} (staff): attendance days, evaluation, form. */
export function useInstitutionPlacement(institutionId: string, placementId: string | null) {
  return useQuery({
    queryKey: [...key(institutionId), placementId],
    queryFn: ({ signal }) =>
      api.get(`${base(institutionId)}/placements/${encodeURIComponent(placementId ?? '')}`, completionPlacementSchema, { signal }),
    enabled: placementId !== null,
  });
}

const preceptorSchema = z.object({ user_id: z.string(), display_name: z.string(), email: z.string(), role: z.string() });

/** The institution's preceptors (from GET /api/institutions/{id}/staff). */
export function usePreceptors(institutionId: string) {
  return useQuery({
    queryKey: ['institutions', institutionId, 'staff', 'preceptors'],
    queryFn: ({ signal }) =>
      api
        .get(`${base(institutionId)}/staff`, z.object({ items: z.array(preceptorSchema) }), { signal })
        .then((r) => r.items.filter((s) => s.role === 'preceptor')),
  });
}

function usePlacementMutation<I>(institutionId: string, call: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: call,
    onSettled: () => queryClient.invalidateQueries({ queryKey: key(institutionId) }),
  });
}

export function useAssignPreceptor(institutionId: string) {
  return usePlacementMutation(institutionId, ({ placementId, preceptorId }: { placementId: string; preceptorId: string }) =>
    api.put(`${base(institutionId)}/placements/${encodeURIComponent(placementId)}/preceptor`, { preceptor_id: preceptorId }, completionPlacementSchema),
  );
}

export const moveInputSchema = z.object({ status: z.string(), date: z.string(), reason: z.string().max(2000) });

export function useMovePlacement(institutionId: string) {
  return usePlacementMutation(institutionId, ({ placementId, ...input }: { placementId: string } & z.infer<typeof moveInputSchema>) =>
    api.post(`${base(institutionId)}/placements/${encodeURIComponent(placementId)}/status`, moveInputSchema.parse(input), completionPlacementSchema),
  );
}

export function useReleaseEvaluation(institutionId: string) {
  return usePlacementMutation(institutionId, (placementId: string) =>
    api.post(`${base(institutionId)}/placements/${encodeURIComponent(placementId)}/evaluation/release`, {}, completionPlacementSchema),
  );
}

export function useRevokeCertificate(institutionId: string) {
  return usePlacementMutation(institutionId, ({ placementId, reason }: { placementId: string; reason: string }) =>
    api.post(`${base(institutionId)}/placements/${encodeURIComponent(placementId)}/certificate/revoke`, { reason }, completionPlacementSchema),
  );
}

export const completionsCsvUrl = (institutionId: string) => `/api${base(institutionId)}/completions.csv`;
export const evaluationsCsvUrl = (institutionId: string) => `/api${base(institutionId)}/evaluations.csv`;
