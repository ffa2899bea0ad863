import { z } from 'zod';

/** A block as the API returns it (dates are calendar days in the institution's time zone). */
export const blockSchema = z.object({
  id: z.string(),
  offering_id: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  seats: z.number().int(),
  opens_on: z.string(),
  deadline: z.string(),
  applications: z.number().int(),
  filled: z.number().int(),
  seats_left: z.number().int(),
});
export type Block = z.infer<typeof blockSchema>;

export const eligibilitySchema = z.object({
  students: z.boolean(),
  graduates: z.boolean(),
  max_years_since_graduation: z.number().int(),
  required_exams: z.array(z.string()),
  ecfmg_required: z.boolean(),
  visas_accepted: z.array(z.string()),
  english: z.string(),
});
export type Eligibility = z.infer<typeof eligibilitySchema>;

export const feeSchema = z.object({
  kind: z.string(),
  category: z.string(),
  amount_cents: z.number().int(),
  label: z.string(),
});
export type Fee = z.infer<typeof feeSchema>;

export const requiredDocumentSchema = z.object({ type: z.string(), count: z.number().int() });
export type RequiredDocument = z.infer<typeof requiredDocumentSchema>;

/** An offering with its blocks: GET /api/offerings/{id} and every coordinator endpoint's answer. */
export const offeringSchema = z.object({
  id: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  time_zone: z.string(),
  status: z.string(),
  title: z.string(),
  specialty: z.string(),
  type: z.string(),
  hands_on: z.boolean(),
  description: z.string(),
  site: z.string(),
  city: z.string(),
  state: z.string(),
  country: z.string(),
  duration_weeks: z.number().int(),
  eligibility: eligibilitySchema,
  required_documents: z.array(requiredDocumentSchema),
  fees: z.array(feeSchema),
  currency: z.string(),
  refund_policy: z.string(),
  emr_access: z.boolean(),
  setting: z.string(),
  letter_usually: z.boolean(),
  teaching_affiliation: z.string(),
  housing_help: z.boolean(),
  visa_letter: z.boolean(),
  contact_name: z.string(),
  contact_email: z.string(),
  all_in_cents: z.object({ student: z.number().int(), graduate: z.number().int() }),
  blocks: z.array(blockSchema),
  /** The institution's median whole days from submission to first decision (null below 5 decisions). */
  median_response_days: z.number().int().nullish(),
  /** Students' anonymous ratings of the rotation (issue 8): averages, null below three responses. */
  ratings: z
    .object({
      responses: z.number().int(),
      questions: z.array(z.object({ key: z.string(), label: z.string(), average: z.number() })),
    })
    .nullish(),
});
export type Offering = z.infer<typeof offeringSchema>;

export function offeringQueryKey(offeringId: string) {
  return ['offerings', offeringId] as const;
}

export function institutionOfferingsQueryKey(institutionId: string) {
  return ['institutions', institutionId, 'offerings'] as const;
}
