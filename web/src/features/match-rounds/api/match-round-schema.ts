import { z } from 'zod';

/** A match round as every endpoint returns it; times are UTC (ISO 8601), shown in the viewer's zone. */
export const roundSchema = z.object({
  id: z.string(),
  name: z.string(),
  status: z.enum(['draft', 'open', 'ranking_closed', 'matched', 'published']),
  applications_close: z.string(),
  rank_lists_due: z.string(),
  match_day: z.string(),
  matched_at: z.string().nullable(),
  published_at: z.string().nullable(),
  created_at: z.string(),
});
export type Round = z.infer<typeof roundSchema>;

export const roundBlockSchema = z.object({
  block_id: z.string(),
  offering_id: z.string(),
  offering_title: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  quota: z.number().int(),
  seats: z.number().int(),
  seats_left: z.number().int(),
});
export type RoundBlock = z.infer<typeof roundBlockSchema>;

export const roundListSchema = z.object({ items: z.array(roundSchema) });

export const progressSchema = z.object({ total: z.number(), saved: z.number(), certified: z.number() });

export const adminRoundSchema = roundSchema.extend({
  blocks: z.array(roundBlockSchema),
  progress: z.object({ applicants: progressSchema, programs: progressSchema, couples: z.number() }),
  stats: z
    .object({
      applicants: z.number(),
      programs: z.number(),
      matched: z.number(),
      unfilled_seats: z.number(),
      proposals: z.number(),
      milliseconds: z.number(),
    })
    .nullable(),
  stable: z.boolean().nullable(),
  blocking_pairs: z.array(z.record(z.string(), z.unknown())),
  results: z
    .array(
      z.object({
        applicant_id: z.string(),
        block_id: z.string().nullable(),
        placement_id: z.string().nullable(),
        outcome: z.string(),
      }),
    )
    .nullable(),
});
export type AdminRound = z.infer<typeof adminRoundSchema>;

const personSchema = z.object({ name: z.string(), email: z.string() });

export const applicantRoundSchema = roundSchema.extend({
  editable: z.boolean(),
  rankable: z.array(roundBlockSchema),
  rank_list: z.array(z.string()),
  certified_at: z.string().nullable(),
  couple: z
    .object({
      id: z.string(),
      status: z.string(),
      you_are: z.enum(['first', 'second']),
      first: personSchema,
      second: personSchema,
      partner_rankable: z.array(roundBlockSchema),
      pairs: z.array(z.tuple([z.string().nullable(), z.string().nullable()])),
      certified_at: z.string().nullable(),
    })
    .nullable(),
  result: z
    .object({
      outcome: z.string(),
      placement_id: z.string().nullable(),
      block: roundBlockSchema.nullable(),
    })
    .nullable(),
});
export type ApplicantRound = z.infer<typeof applicantRoundSchema>;

export const candidateSchema = z.object({
  applicant_id: z.string(),
  name: z.string(),
  application_id: z.string(),
  status: z.string(),
});
export type Candidate = z.infer<typeof candidateSchema>;

export const institutionRoundSchema = roundSchema.extend({
  editable: z.boolean(),
  programs: z.array(
    z.object({
      block: roundBlockSchema,
      candidates: z.array(candidateSchema),
      ranked: z.array(z.string()),
      do_not_rank: z.array(z.string()),
      certified_at: z.string().nullable(),
      matched: z.array(candidateSchema).nullable(),
    }),
  ),
});
export type InstitutionRound = z.infer<typeof institutionRoundSchema>;

export const roundsKey = ['match-rounds'] as const;
export const roundKey = (id: string) => ['match-rounds', id] as const;

/** "2027-02-10T17:00:00Z" in the viewer's time zone, with the zone named. */
export function formatWhen(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(undefined, {
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  });
}

export function blockLabel(b: RoundBlock): string {
  return `${b.offering_title} · ${b.institution_name} · ${b.start_date} – ${b.end_date}`;
}
