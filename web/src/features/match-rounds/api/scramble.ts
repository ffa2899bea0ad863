import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { roundKey } from './match-round-schema';

/** The scramble schedule (GET/PUT /api/match-rounds/{id}/scramble/schedule). Times are UTC. */
export const scheduleSchema = z.object({
  application_limit: z.number().int(),
  rounds: z.array(
    z.object({
      id: z.string(),
      number: z.number().int(),
      starts_at: z.string(),
      ends_at: z.string(),
      state: z.enum(['ended', 'open', 'upcoming']),
    }),
  ),
  current: z.string().nullable(),
  next: z.string().nullable(),
  now: z.string(),
});
export type ScrambleSchedule = z.infer<typeof scheduleSchema>;

const scrambleBlockSchema = z.object({
  block_id: z.string(),
  offering_id: z.string(),
  offering_title: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  seats: z.number().int(),
  seats_left: z.number().int(),
});
export type ScrambleBlock = z.infer<typeof scrambleBlockSchema>;

const scrambleOfferSchema = z.object({
  id: z.string(),
  status: z.string(),
  expires_at: z.string(),
  scramble_round_id: z.string().nullable(),
});

export const applicantScrambleSchema = z.object({
  schedule: scheduleSchema,
  used: z.number().int(),
  can_apply: z.boolean(),
  reason: z.string().nullable(),
  blocks: z.array(scrambleBlockSchema),
  applications: z.array(
    z.object({
      id: z.string(),
      block: scrambleBlockSchema,
      application_id: z.string(),
      application_status: z.string(),
      created_at: z.string(),
      offer: scrambleOfferSchema.nullable(),
    }),
  ),
});
export type ApplicantScramble = z.infer<typeof applicantScrambleSchema>;

export const institutionScrambleSchema = z.object({
  round: z.object({ id: z.string(), name: z.string() }),
  schedule: scheduleSchema,
  blocks: z.array(
    scrambleBlockSchema.extend({
      pending_offers: z.number().int(),
      applicants: z.array(
        z.object({
          id: z.string(),
          applicant_id: z.string(),
          name: z.string(),
          application_id: z.string(),
          application_status: z.string(),
          created_at: z.string(),
          offer: scrambleOfferSchema.nullable(),
        }),
      ),
    }),
  ),
});
export type InstitutionScramble = z.infer<typeof institutionScrambleSchema>;

const base = (id: string) => `/match-rounds/${encodeURIComponent(id)}/scramble`;
const scrambleKey = (id: string) => [...roundKey(id), 'scramble'] as const;

export function useScrambleSchedule(roundId: string) {
  return useQuery({
    queryKey: [...scrambleKey(roundId), 'schedule'],
    queryFn: ({ signal }) => api.get(`${base(roundId)}/schedule`, scheduleSchema, { signal }),
  });
}

export const scheduleInputSchema = z.object({
  application_limit: z.number().int().min(1).max(100),
  rounds: z.array(z.object({ starts_at: z.string(), ends_at: z.string() })).min(1).max(20),
});
export type ScheduleInput = z.infer<typeof scheduleInputSchema>;

/** PUT …/scramble/schedule (admin). */
export function useSaveScrambleSchedule(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: ScheduleInput) => api.put(`${base(roundId)}/schedule`, scheduleInputSchema.parse(input), scheduleSchema),
    onSettled: () => qc.invalidateQueries({ queryKey: scrambleKey(roundId) }),
  });
}

/** GET …/scramble/me: the unmatched applicant's scramble (403 with the reason for anyone else). */
export function useApplicantScramble(roundId: string, enabled = true) {
  return useQuery({
    queryKey: [...scrambleKey(roundId), 'me'],
    queryFn: ({ signal }) => api.get(`${base(roundId)}/me`, applicantScrambleSchema, { signal }),
    enabled,
    refetchInterval: 30_000,
  });
}

/** POST …/scramble/applications. */
export function useScrambleApply(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (blockId: string) => api.post(`${base(roundId)}/applications`, { block_id: blockId }, z.unknown()),
    onSettled: () => qc.invalidateQueries({ queryKey: scrambleKey(roundId) }),
  });
}

/** POST /api/offers/{id}/accept (a scramble acceptance declines the other scramble offers). */
export function useAcceptScrambleOffer(roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (offerId: string) => api.post(`/offers/${encodeURIComponent(offerId)}/accept`, {}, z.unknown()),
    onSettled: () => qc.invalidateQueries({ queryKey: scrambleKey(roundId) }),
  });
}

const institutionBase = (institutionId: string, roundId: string) =>
  `/institutions/${encodeURIComponent(institutionId)}/match-rounds/${encodeURIComponent(roundId)}/scramble`;

/** GET /api/institutions/{id}/match-rounds/{round_id}/scramble (coordinator). */
export function useInstitutionScramble(institutionId: string, roundId: string, enabled = true) {
  return useQuery({
    queryKey: [...scrambleKey(roundId), 'institution', institutionId],
    queryFn: ({ signal }) => api.get(institutionBase(institutionId, roundId), institutionScrambleSchema, { signal }),
    enabled,
    refetchInterval: 30_000,
  });
}

/** POST …/scramble/offers (coordinator): the offer expires when the scramble round ends. */
export function useScrambleOffer(institutionId: string, roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (scrambleApplicationId: string) =>
      api.post(`${institutionBase(institutionId, roundId)}/offers`, { scramble_application_id: scrambleApplicationId }, z.unknown()),
    onSettled: () => qc.invalidateQueries({ queryKey: scrambleKey(roundId) }),
  });
}

/** "2 h 05 min" (or "45 s") until `iso` from `nowMs`; "now" when past. */
export function countdown(iso: string, nowMs: number): string {
  const ms = new Date(iso).getTime() - nowMs;
  if (Number.isNaN(ms) || ms <= 0) return 'now';
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const h = Math.floor((s % 86400) / 3600);
  const m = Math.floor((s % 3600) / 60);
  if (d > 0) return `${d} d ${h} h`;
  if (h > 0) return `${h} h ${String(m).padStart(2, '0')} min`;
  if (m > 0) return `${m} min ${String(s % 60).padStart(2, '0')} s`;
  return `${s % 60} s`;
}
