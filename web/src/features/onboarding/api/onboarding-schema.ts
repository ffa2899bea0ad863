import { z } from 'zod';

/** Onboarding after acceptance (docs/onboarding.md): items, checklists, the board, the letterhead. */
export const ONBOARDING_KINDS = ['orientation', 'badge_photo', 'information', 'policy'] as const;
export type OnboardingKind = (typeof ONBOARDING_KINDS)[number];

export const onboardingItemSchema = z.object({
  id: z.string(),
  kind: z.enum(ONBOARDING_KINDS),
  title: z.string(),
  body: z.string().optional(),
  date: z.string(),
  time: z.string(),
  starts_at: z.string(),
  starts_at_local: z.string(),
  time_zone: z.string(),
  place: z.string(),
  version: z.number().int(),
  text_hash: z.string(),
  action: z.string(),
  // In a checklist:
  state: z.enum(['done', 'missing', 'needs_signature']).optional(),
  reason: z.string().optional(),
  recorded_at: z.string().optional(),
  fix_url: z.string().optional(),
});
export type OnboardingItem = z.infer<typeof onboardingItemSchema>;

export const offeringOnboardingSchema = z.object({
  offering_id: z.string(),
  offering_title: z.string(),
  time_zone: z.string(),
  visa_letter: z.boolean(),
  items: z.array(onboardingItemSchema),
});
export type OfferingOnboarding = z.infer<typeof offeringOnboardingSchema>;

/** What the coordinator edits (the server validates and names "items[i].field"). */
export type OnboardingItemInput = {
  id?: string;
  kind: OnboardingKind;
  title: string;
  body: string;
  date: string;
  time: string;
  place: string;
};

export const complianceItemSchema = z.object({
  requirement: z.string(),
  count: z.number().int(),
  state: z.string(),
  reason: z.string(),
  fix_url: z.string(),
});

export const placementOnboardingSchema = z.object({
  placement_id: z.string(),
  application_id: z.string(),
  offering_id: z.string(),
  offering_title: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  time_zone: z.string(),
  block_id: z.string(),
  start_date: z.string(),
  end_date: z.string(),
  status: z.string(),
  visa_letter: z.boolean(),
  cleared: z.boolean(),
  missing: z.array(z.string()),
  compliance: z.array(complianceItemSchema),
  items: z.array(onboardingItemSchema),
  applicant_id: z.string().optional(),
  applicant_name: z.string().optional(),
  applicant_email: z.string().optional(),
  reminders: z.array(z.object({ days: z.number().int(), sent_at: z.string() })).optional(),
});
export type PlacementOnboarding = z.infer<typeof placementOnboardingSchema>;

export const myOnboardingSchema = z.object({ items: z.array(placementOnboardingSchema) });
export const boardSchema = z.object({
  items: z.array(placementOnboardingSchema),
  cleared: z.number().int(),
  total: z.number().int(),
});
export type Board = z.infer<typeof boardSchema>;

export const letterheadSchema = z.object({
  institution_id: z.string(),
  address: z.string(),
  phone: z.string(),
  signatory_name: z.string(),
  signatory_title: z.string(),
  updated_at: z.string(),
});
export type Letterhead = z.infer<typeof letterheadSchema>;
export type LetterheadInput = Pick<Letterhead, 'address' | 'phone' | 'signatory_name' | 'signatory_title'>;

export type BoardFilter = { offering_id?: string; block_id?: string; start_from?: string; start_to?: string };

export const institutionBase = (institutionId: string) => `/institutions/${encodeURIComponent(institutionId)}`;

export function boardQuery(filter: BoardFilter): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filter)) if (v) params.set(k, v);
  const q = params.toString();
  return q ? `?${q}` : '';
}
