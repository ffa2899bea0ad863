import { z } from 'zod';

/**
 * The applicant profile as GET/PUT /api/me/profile carry it (docs/decisions/005). Every member
 * is optional on the wire; the server drops empty ones, so the reader fills in blanks.
 */
const text = z.string().nullish();

export const examSchema = z.object({
  exam: z.string(),
  result: z.string(),
  score: z.number().nullish(),
  date: text,
});

export const experienceSchema = z.object({
  kind: z.string(),
  title: text,
  organization: text,
  specialty: text,
  city: text,
  country: text,
  start: text,
  end: text,
  hands_on: z.boolean().nullish(),
  us_clinical: z.boolean().nullish(),
  description: text,
});

export const profileSchema = z.object({
  legal_name: text,
  preferred_name: text,
  passport_name: text,
  passport_number: text,
  date_of_birth: text,
  citizenship: text,
  country_of_residence: text,
  phone: text,
  address: text,
  school: z
    .object({ name: text, country: text, graduation_date: text, degree: text })
    .nullish(),
  status: text,
  exams: z.array(examSchema).nullish(),
  ecfmg: z.object({ status: text, number: text }).nullish(),
  visa: z.object({ current: text, needs_visa: z.boolean().nullish() }).nullish(),
  languages: z.array(z.object({ language: z.string(), level: z.string() })).nullish(),
  experiences: z.array(experienceSchema).nullish(),
  specialty_interests: z.array(z.string()).nullish(),
  personal_statement: text,
});
export type Profile = z.infer<typeof profileSchema>;

/** GET and PUT /api/me/profile answer this. */
export const profileViewSchema = z.object({
  profile: profileSchema,
  version: z.number().int(),
  updated_at: z.string().nullish(),
  completeness: z.object({ percent: z.number(), missing: z.array(z.string()) }),
});
export type ProfileView = z.infer<typeof profileViewSchema>;

export const profileQueryKey = ['me', 'profile'] as const;

/** The CV rendered from the saved profile (an attachment). */
export const CV_URL = '/api/me/profile/cv.pdf';
