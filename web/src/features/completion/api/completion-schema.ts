import { z } from 'zod';

/** The ACGME evaluation form: six competencies and the described 1–5 scale (docs/completion.md). */
export const evaluationFormSchema = z.object({
  hands_on: z.boolean(),
  competencies: z.array(z.object({ key: z.string(), label: z.string(), prompt: z.string() })),
  scale: z.array(z.object({ value: z.number().int(), label: z.string(), anchor: z.string() })),
});
export type EvaluationForm = z.infer<typeof evaluationFormSchema>;

export const evaluationSchema = z.object({
  status: z.enum(['draft', 'submitted', 'released']),
  hands_on: z.boolean(),
  ratings: z.record(z.string(), z.number().int()),
  comments: z.string(),
  version: z.number().int(),
  submitted_at: z.string(),
  released_at: z.string(),
  updated_at: z.string(),
});
export type Evaluation = z.infer<typeof evaluationSchema>;

export const placementStatusSchema = z.enum(['scheduled', 'in_progress', 'completed', 'incomplete', 'cancelled']);
export type PlacementStatus = z.infer<typeof placementStatusSchema>;

/** A placement with its completion record, as staff, preceptors and applicants see it. */
export const completionPlacementSchema = z.object({
  id: z.string(),
  application_id: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  institution_place: z.string(),
  offering_id: z.string(),
  offering_title: z.string(),
  specialty: z.string(),
  rotation_type: z.string(),
  hands_on: z.boolean(),
  status: placementStatusSchema,
  status_reason: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  started_on: z.string(),
  finished_on: z.string(),
  applicant: z.object({ name: z.string(), email: z.string().optional() }),
  preceptor: z.object({ id: z.string(), name: z.string() }),
  attendance: z.object({
    present: z.number().int(),
    absent: z.number().int(),
    days: z.array(z.object({ date: z.string(), status: z.enum(['present', 'absent']), note: z.string() })).optional(),
  }),
  certificate: z.object({ code: z.string(), revoked: z.boolean() }).nullable(),
  evaluation: evaluationSchema.nullable(),
  feedback_given: z.boolean().optional(),
  form: evaluationFormSchema.optional(),
  feedback_questions: z.array(z.object({ key: z.string(), label: z.string() })).optional(),
  version: z.number().int(),
});
export type CompletionPlacement = z.infer<typeof completionPlacementSchema>;
export const completionPlacementListSchema = z.object({ items: z.array(completionPlacementSchema) });

export const verificationSchema = z.object({
  code: z.string(),
  valid: z.boolean(),
  revoked: z.boolean(),
  revoked_on: z.string(),
  issued_on: z.string(),
  facts: z.object({
    institution: z.string(),
    institution_place: z.string(),
    applicant_name: z.string(),
    rotation_title: z.string(),
    specialty: z.string(),
    rotation_type: z.string(),
    hands_on: z.boolean(),
    start_date: z.string(),
    end_date: z.string(),
    weeks: z.number().int(),
    preceptor: z.string(),
    issued_on: z.string(),
  }),
});
export type Verification = z.infer<typeof verificationSchema>;

export const STATUS_LABELS: Record<PlacementStatus, string> = {
  scheduled: 'Scheduled',
  in_progress: 'In progress',
  completed: 'Completed',
  incomplete: 'Incomplete',
  cancelled: 'Cancelled',
};

/** The moves a coordinator can make from each state (the server's table, core/completion.cpp). */
export const NEXT_STATUSES: Record<PlacementStatus, PlacementStatus[]> = {
  scheduled: ['in_progress', 'cancelled'],
  in_progress: ['completed', 'incomplete', 'cancelled'],
  completed: [],
  incomplete: [],
  cancelled: [],
};

export const okSchema = z.object({}).passthrough();
