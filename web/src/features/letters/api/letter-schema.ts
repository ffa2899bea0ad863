import { z } from 'zod';

const referee = z.object({
  name: z.string(),
  email: z.string().nullish(),
  title: z.string().nullish(),
  institution: z.string().nullish(),
});

/** The applicant's view of a letter request (docs/letters.md); never the letter itself. */
export const letterSchema = z.object({
  id: z.string(),
  referee,
  relationship: z.string(),
  waived: z.boolean(),
  status: z.enum(['requested', 'received', 'cancelled']),
  received_at: z.string(),
  pages: z.number(),
  size: z.number(),
  sent: z.boolean(),
  first_sent_at: z.string(),
  last_link_at: z.string(),
  reminders_sent: z.number(),
  can_download: z.boolean(),
  application_ids: z.array(z.string()),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Letter = z.infer<typeof letterSchema>;

export const letterListSchema = z.object({ items: z.array(letterSchema) });

export const lettersQueryKey = ['me', 'letters'] as const;

/** What the referee's page shows (no account; the link's token authorizes). */
export const refereeLetterSchema = z.object({
  applicant: z.object({ name: z.string(), school: z.string() }),
  referee: referee,
  relationship: z.string(),
  waived: z.boolean(),
  status: z.string(),
  received_at: z.string(),
  pages: z.number(),
  can_replace: z.boolean(),
  sent: z.boolean(),
});
export type RefereeLetter = z.infer<typeof refereeLetterSchema>;

/** The request form's fields, as the server names them. */
export const letterRequestSchema = z.object({
  referee_name: z.string(),
  referee_email: z.string(),
  referee_title: z.string(),
  referee_institution: z.string(),
  relationship: z.string(),
  waived: z.boolean(),
});
export type LetterRequest = z.infer<typeof letterRequestSchema>;
