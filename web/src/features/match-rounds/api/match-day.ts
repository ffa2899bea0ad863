import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { roundKey } from './match-round-schema';

/** GET/PUT /api/match-rounds/{id}/match-day (admin): the automatic run on match day and its outcome. */
export const matchDaySchema = z.object({
  scheduled: z.boolean(),
  claimed_at: z.string().nullable(),
  outcome: z.string().nullable(),
  finished_at: z.string().nullable(),
});
export type MatchDay = z.infer<typeof matchDaySchema>;

const path = (id: string) => `/match-rounds/${encodeURIComponent(id)}/match-day`;

export function useMatchDay(roundId: string) {
  return useQuery({
    queryKey: [...roundKey(roundId), 'match-day'],
    queryFn: ({ signal }) => api.get(path(roundId), matchDaySchema, { signal }),
  });
}

export function useScheduleMatchDay(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (scheduled: boolean) => api.put(path(roundId), { scheduled }, matchDaySchema),
    onSettled: () => qc.invalidateQueries({ queryKey: roundKey(roundId) }),
  });
}
