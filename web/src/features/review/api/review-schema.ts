import { z } from 'zod';
import { eligibilityCheckSchema } from '@/lib/eligibility';
import { feeSchema } from '@/lib/fees';

/** One row of the review queue (GET …/offerings/{oid}/review). */
export const reviewRowSchema = z.object({
  application_id: z.string(),
  applicant: z.object({ id: z.string(), name: z.string() }),
  school: z.object({ name: z.string(), country: z.string() }),
  exams: z.string(),
  status: z.string(),
  version: z.number().int(),
  submitted_at: z.string(),
  score_count: z.number().int(),
  score_average: z.number().nullable(),
  score_spread: z.number().nullable(),
  waitlist_rank: z.number().int().nullable(),
  compliance_cleared: z.boolean(),
  /** Rules of the offering the profile as sent does not meet. */
  eligibility_flags: z.number().int().nullish(),
  school_verified: z.boolean().nullish(),
  unread: z.number().int(),
});
export type ReviewRow = z.infer<typeof reviewRowSchema>;

export const criterionSchema = z.object({ key: z.string(), label: z.string(), weight: z.number() });
export type Criterion = z.infer<typeof criterionSchema>;

export const reviewQueueSchema = z.object({
  items: z.array(reviewRowSchema),
  total: z.number().int(),
  rubric: z.array(criterionSchema),
});
export type ReviewQueue = z.infer<typeof reviewQueueSchema>;

export const eventSchema = z.object({
  id: z.string(),
  kind: z.string(),
  event: z.string(),
  from: z.string(),
  to: z.string(),
  actor_kind: z.string(),
  detail: z.string(),
  created_at: z.string(),
});
export type TimelineEvent = z.infer<typeof eventSchema>;

export const scoreSchema = z.object({
  reviewer_id: z.string(),
  reviewer_name: z.string(),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  note: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
});
export type Score = z.infer<typeof scoreSchema>;

export const RECOMMENDATIONS = ['strong_yes', 'yes', 'no', 'strong_no'] as const;
export const RECOMMENDATION_LABELS: Record<(typeof RECOMMENDATIONS)[number], string> = {
  strong_yes: 'Strong yes',
  yes: 'Yes',
  no: 'No',
  strong_no: 'Strong no',
};

/** An interviewer's scorecard (staff only; never shown to applicants). */
export const scorecardSchema = z.object({
  booking_id: z.string(),
  interviewer_id: z.string(),
  interviewer_name: z.string(),
  scores: z.record(z.string(), z.number()),
  total: z.number(),
  recommendation: z.string(),
  notes: z.string(),
  status: z.enum(['draft', 'submitted']),
  version: z.number().int(),
  submitted_at: z.string(),
  updated_at: z.string(),
  /** In the review view: the author is one of the slot's interviewer accounts. */
  named_interviewer: z.boolean().optional(),
});
export type Scorecard = z.infer<typeof scorecardSchema>;

export const interviewScorecardsSchema = z.object({
  booking_id: z.string().nullable(),
  starts_at: z.string().nullable(),
  interviewers: z.string().nullable(),
  /** The slot's interviewer accounts (staff), and whether the viewer is one of them. */
  interviewer_accounts: z.array(z.object({ user_id: z.string(), name: z.string() })).optional(),
  you_interview: z.boolean().optional(),
  scorecards: z.array(scorecardSchema),
  submitted_count: z.number().int(),
  average: z.number().nullable(),
});
export type InterviewScorecards = z.infer<typeof interviewScorecardsSchema>;

export const staffApplicationSchema = z.object({
  id: z.string(),
  applicant_id: z.string(),
  offering_id: z.string(),
  offering_title: z.string(),
  status: z.string(),
  status_reason: z.string(),
  version: z.number().int(),
  submitted_at: z.string(),
  block_ids: z.array(z.string()),
  snapshot: z
    .object({
      applicant_name: z.string(),
      school: z.object({ name: z.string(), country: z.string() }),
      exams: z.string(),
      created_at: z.string(),
      profile: z.record(z.string(), z.unknown()),
    })
    .nullable(),
  documents: z.array(z.object({ id: z.string(), type: z.string(), title: z.string(), status: z.string() })),
  rubric: z.array(criterionSchema),
  scores: z.array(scoreSchema),
  score_count: z.number().int(),
  score_average: z.number().nullable(),
  score_spread: z.number().nullable(),
  waitlist_rank: z.number().int().nullable(),
  timeline: z.array(eventSchema),
  allowed_events: z.array(z.string()),
  /** The offering's eligibility rules against the profile as submitted. */
  eligibility: z.array(eligibilityCheckSchema).nullish(),
  /** The cover letter and CV sent with the application. */
  materials: z
    .object({ cover_letter_text: z.string(), cover_letter_pdf: z.boolean(), cv_kind: z.string(), cv_sent: z.boolean() })
    .nullish(),
  /** The booked interview and its scorecards. */
  interview: interviewScorecardsSchema.nullish(),
  /** The application fee record; null when the offering charges none. */
  fee: feeSchema.nullish(),
  /** The applicant's school verification (newest verified, else newest); null when never asked. */
  school_verification: z
    .object({
      status: z.string(),
      school_name: z.string(),
      office_name: z.string(),
      claim: z.string(),
      year: z.number().int().nullable(),
      good_standing: z.boolean(),
      method: z.string(),
      attester_name: z.string(),
      attester_title: z.string(),
      has_letter: z.boolean(),
      requested_at: z.string(),
      responded_at: z.string(),
    })
    .nullish(),
  unread: z.number().int(),
});
export type StaffApplication = z.infer<typeof staffApplicationSchema>;

export const applicationStateSchema = z.object({
  id: z.string(),
  status: z.string(),
  status_reason: z.string(),
  version: z.number().int(),
  updated_at: z.string(),
});

export const bulkResultSchema = z.object({
  items: z.array(
    z.object({
      application_id: z.string(),
      ok: z.boolean(),
      status: z.string().nullish(),
      status_code: z.number().nullish(),
      error: z.object({ message: z.string() }).nullish(),
    }),
  ),
  succeeded: z.number().int(),
  failed: z.number().int(),
});
export type BulkResult = z.infer<typeof bulkResultSchema>;

export function reviewBase(institutionId: string) {
  return `/institutions/${encodeURIComponent(institutionId)}`;
}
export function reviewQueueKey(institutionId: string, offeringId: string) {
  return ['institutions', institutionId, 'offerings', offeringId, 'review'] as const;
}
export function staffApplicationKey(institutionId: string, applicationId: string) {
  return ['institutions', institutionId, 'applications', applicationId] as const;
}

/** Event names as buttons say them. */
export const EVENT_LABELS: Record<string, string> = {
  start_review: 'Move to review',
  request_info: 'Request information',
  invite_interview: 'Invite to interview',
  waitlist: 'Waitlist',
  reject: 'Reject',
  offer: 'Offer a seat',
  rescind_offer: 'Rescind offer',
  complete: 'Mark completed',
};
