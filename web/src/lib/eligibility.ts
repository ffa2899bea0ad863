import { z } from 'zod';

/** One eligibility rule of an offering judged against a profile (core/eligibility.h). */
export const eligibilityCheckSchema = z.object({
  rule: z.string(),
  met: z.boolean(),
  requirement: z.string(),
  reason: z.string(),
  /** Where in the profile the answer lives ("status", "exams", "visa.current", …). */
  profile_field: z.string(),
});
export type EligibilityCheck = z.infer<typeof eligibilityCheckSchema>;

/** Something that keeps an application from being submitted. */
export const submitProblemSchema = z.object({ field: z.string(), message: z.string() });
export type SubmitProblem = z.infer<typeof submitProblemSchema>;
