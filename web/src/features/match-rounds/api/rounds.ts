import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { adminRoundSchema, roundKey, roundListSchema, roundSchema, roundsKey } from './match-round-schema';

/** GET /api/match-rounds: every round for admins, rounds past draft for everyone else. */
export function useMatchRounds() {
  return useQuery(queryOptions({ queryKey: roundsKey, queryFn: ({ signal }) => api.get('/match-rounds', roundListSchema, { signal }) }));
}

/** GET /api/match-rounds/{id} (admin): blocks, certification progress, stats, stability, results. */
export function useAdminRound(id: string, enabled = true) {
  return useQuery({
    queryKey: [...roundKey(id), 'admin'],
    queryFn: ({ signal }) => api.get(`/match-rounds/${encodeURIComponent(id)}`, adminRoundSchema, { signal }),
    enabled,
  });
}

export const createRoundInputSchema = z.object({
  name: z.string().min(1),
  applications_close: z.string(),
  rank_lists_due: z.string(),
  match_day: z.string(),
  blocks: z.array(z.object({ block_id: z.string(), quota: z.number().int().min(0).nullable() })).min(1),
});
export type CreateRoundInput = z.infer<typeof createRoundInputSchema>;

/**
 * Where rounds are created and run: the admin's `/match-rounds` (default) or an institution group's
 * `/institution-groups/{id}/match-rounds`; both take the same bodies.
 */
export const ADMIN_ROUNDS_BASE = '/match-rounds';
export function groupRoundsBase(groupId: string): string {
  return `/institution-groups/${encodeURIComponent(groupId)}/match-rounds`;
}

/** POST {base} (admin, or a group's manager): a draft round. */
export function useCreateRound(base: string = ADMIN_ROUNDS_BASE) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: CreateRoundInput) => api.post(base, createRoundInputSchema.parse(input), roundSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: roundsKey }),
  });
}

export type RoundStep = 'open' | 'close_ranking' | 'run' | 'publish';

/** Steps: open, close_ranking (POST …/status), run, publish — under the admin's or a group's base. */
export function useRoundStep(id: string, base: string = ADMIN_ROUNDS_BASE) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (step: RoundStep) => {
      const path = `${base}/${encodeURIComponent(id)}`;
      if (step === 'run' || step === 'publish') return api.post(`${path}/${step}`, {}, z.unknown());
      return api.post(`${path}/status`, { action: step }, z.unknown());
    },
    onSettled: () => qc.invalidateQueries({ queryKey: roundsKey }),
  });
}

const offeringSearchSchema = z.object({
  items: z.array(z.object({ id: z.string(), title: z.string(), institution_name: z.string() })),
});
const offeringBlocksSchema = z.object({
  id: z.string(),
  title: z.string(),
  blocks: z.array(z.object({ id: z.string(), start_date: z.string(), end_date: z.string(), seats_left: z.number().int() })),
});
export type OfferingBlocks = z.infer<typeof offeringBlocksSchema>;

/** The catalog search (public) for picking a round's offerings. */
export function useCatalogSearch(q: string) {
  return useQuery({
    queryKey: ['match-rounds', 'catalog', q],
    queryFn: ({ signal }) => api.get(`/search/offerings?q=${encodeURIComponent(q)}`, offeringSearchSchema, { signal }),
    enabled: q.trim().length > 1,
  });
}

export function fetchOfferingBlocks(offeringId: string): Promise<OfferingBlocks> {
  return api.get(`/offerings/${encodeURIComponent(offeringId)}`, offeringBlocksSchema);
}
