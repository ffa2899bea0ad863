import { z } from 'zod';

/** One interview slot (times in UTC plus the wall clock typed in the institution's zone). */
export const slotSchema = z.object({
  id: z.string(),
  starts_at: z.string(),
  ends_at: z.string(),
  local_date: z.string(),
  local_time: z.string(),
  time_zone: z.string(),
  minutes: z.number().int(),
  format: z.enum(['video', 'phone', 'in_person']),
  location: z.string(),
  /** Free-text names (outside interviewers). */
  interviewers: z.string(),
  /** Staff accounts' names, then the free text (what to show). */
  interviewer_names: z.string().optional(),
  /** Staff views only. */
  interviewer_ids: z.array(z.string()).optional(),
  interviewer_accounts: z.array(z.object({ user_id: z.string(), name: z.string() })).optional(),
  capacity: z.number().int(),
  booked: z.number().int(),
  full: z.boolean().optional(),
  bookings: z
    .array(z.object({ booking_id: z.string(), application_id: z.string(), applicant_name: z.string() }))
    .optional(),
});
export type Slot = z.infer<typeof slotSchema>;

/** Fair release of an offering's slots (docs/interviews.md). */
export const releaseModeSchema = z.enum(['first_come', 'randomized', 'preferences']);
export type ReleaseMode = z.infer<typeof releaseModeSchema>;
export const releaseSchema = z.object({
  mode: releaseModeSchema,
  release_at: z.string(),
  window_minutes: z.number().int(),
  preference_deadline: z.string(),
  seed: z.string(),
  assigned_at: z.string(),
  version: z.number().int(),
});
export type Release = z.infer<typeof releaseSchema>;

export const slotListSchema = z.object({
  time_zone: z.string(),
  slots: z.array(slotSchema),
  not_booked: z.array(
    z.object({
      application_id: z.string(),
      applicant_name: z.string(),
      turn_opens_at: z.string().optional(),
      ranked: z.number().int().optional(),
    }),
  ),
  release: releaseSchema.optional(),
});
export type SlotList = z.infer<typeof slotListSchema>;

export const publishResultSchema = z.object({ items: z.array(slotSchema), count: z.number().int() });

/** The applicant's side of fair release: their turn, or their ranked slots. */
export const applicantReleaseSchema = z.object({
  mode: releaseModeSchema,
  release_at: z.string(),
  turn: z.number().int(),
  turn_opens_at: z.string(),
  preference_deadline: z.string(),
  assigned: z.boolean(),
  can_rank: z.boolean(),
  preferences: z.array(z.string()),
});
export type ApplicantRelease = z.infer<typeof applicantReleaseSchema>;

export const assignmentSchema = z.object({
  seed: z.string(),
  assigned: z.array(z.object({ application_id: z.string(), applicant_name: z.string(), slot_id: z.string(), starts_at: z.string() })),
  unassigned: z.array(z.string()),
});

export const applicantInterviewSchema = z.object({
  application_id: z.string(),
  status: z.string(),
  invited: z.boolean(),
  offering_title: z.string(),
  institution_name: z.string(),
  time_zone: z.string(),
  cutoff_hours: z.number().int(),
  slots: z.array(slotSchema),
  release: applicantReleaseSchema.optional(),
  booking: z
    .object({
      id: z.string(),
      sequence: z.number().int(),
      slot: slotSchema,
      change_until: z.string(),
      ics_url: z.string(),
    })
    .nullable(),
});
export type ApplicantInterview = z.infer<typeof applicantInterviewSchema>;

/** One interview the caller conducts (GET /me/interviews). */
export const myInterviewSchema = z.object({
  booking_id: z.string(),
  application_id: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  offering_title: z.string(),
  applicant_name: z.string(),
  slot: slotSchema,
  ended: z.boolean(),
  scorecard_status: z.enum(['', 'draft', 'submitted']),
  review_url: z.string(),
  scorecard_url: z.string(),
});
export type MyInterview = z.infer<typeof myInterviewSchema>;
export const myInterviewsSchema = z.object({ items: z.array(myInterviewSchema) });

/** What to show as a slot's interviewers (older answers have only the free text). */
export const interviewerNames = (s: Slot) => s.interviewer_names ?? s.interviewers;

export const calendarFeedSchema = z.object({
  active: z.boolean(),
  url: z.string().optional(),
  webcal_url: z.string().optional(),
});
export type CalendarFeed = z.infer<typeof calendarFeedSchema>;

export const FORMAT_LABELS: Record<Slot['format'], string> = {
  video: 'Video',
  phone: 'Phone',
  in_person: 'In person',
};

export const slotsKey = (institutionId: string, offeringId: string) =>
  ['institutions', institutionId, 'offerings', offeringId, 'interview-slots'] as const;
export const applicantInterviewKey = (applicationId: string) => ['applications', applicationId, 'interview'] as const;
export const calendarFeedKey = ['me', 'calendar-feed'] as const;
export const myInterviewsKey = ['me', 'interviews'] as const;
