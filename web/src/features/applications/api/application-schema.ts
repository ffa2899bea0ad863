import { z } from 'zod';
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
});
export type Application = z.infer<typeof applicationSchema>;

export const applicationListSchema = z.object({ items: z.array(applicationSchema) });

export const myApplicationsQueryKey = ['me', 'applications'] as const;
export function applicationQueryKey(id: string) {
  return ['applications', id] as const;
}
