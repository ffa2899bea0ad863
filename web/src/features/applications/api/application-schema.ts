import { z } from 'zod';
import { eligibilityCheckSchema, submitProblemSchema } from '@/lib/eligibility';
import { feeSchema } from '@/lib/fees';
import { timelineEventSchema } from '@/lib/messages';

/** One requirement's state for one block (core/compliance.h). */
export const checklistItemSchema = z.object({
  requirement: z.string(),
  count: z.number().int(),
  state: z.string(),
  reason: z.string(),
  document_ids: z.array(z.string()).nullish(),
});
export type ChecklistItem = z.infer<typeof checklistItemSchema>;

export const applicationSchema = z.object({
  id: z.string(),
  offering_id: z.string(),
  offering_title: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  time_zone: z.string(),
  status: z.string(),
  status_reason: z.string().nullish(),
  blocks: z.array(z.object({ id: z.string(), start_date: z.string(), end_date: z.string(), deadline: z.string().nullish() })),
  version: z.number().int().nullish(),
  /** A sentence for the dashboard. */
  next_step: z.string().nullish(),
  /** Earliest deadline of the chosen blocks (dashboard list). */
  deadline: z.string().nullish(),
  /** Messages from the program not yet read. */
  unread: z.number().int().nullish(),
  /** Every status change and message (single-application GET). */
  timeline: z.array(timelineEventSchema).nullish(),
  created_at: z.string(),
  submitted_at: z.string().nullish(),
  updated_at: z.string(),
  /** Only on the single-application GET (and the answers of create, submit, withdraw). */
  checklist: z
    .array(z.object({ block_id: z.string(), cleared: z.boolean().nullish(), items: z.array(checklistItemSchema) }))
    .nullish(),
  /** With the checklist: the offering's eligibility rules against the current profile. */
  eligibility: z.array(eligibilityCheckSchema).nullish(),
  /** With the checklist: what keeps the application from being submitted (empty: ready). */
  problems: z.array(submitProblemSchema).nullish(),
  letters: z.object({ required: z.number().int(), assigned: z.number().int() }).nullish(),
  /** With the checklist: the application's own cover letter and CV choice. */
  materials: z
    .object({
      cover_letter: z.object({ text: z.string(), pdf: z.boolean(), filename: z.string(), pages: z.number().int() }),
      cv: z.object({ kind: z.string(), document_id: z.string(), frozen: z.boolean() }),
      required: z.object({ cover_letter: z.boolean(), cv: z.boolean() }),
    })
    .nullish(),
  /** With the checklist: the application fee record (null: the offering charges none). */
  fee: feeSchema.nullish(),
  /** Drafts: chosen blocks that overlap an accepted rotation (a warning, not a refusal). */
  warnings: z.array(z.object({ field: z.string(), message: z.string() })).nullish(),
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationListSchema = z.object({ items: z.array(applicationSchema) });

export const myApplicationsQueryKey = ['me', 'applications'] as const;
export function applicationQueryKey(id: string) {
  return ['applications', id] as const;
}
