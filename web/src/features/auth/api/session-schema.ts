import { z } from 'zod';

export const STAFF_ROLES = ['coordinator', 'reviewer', 'preceptor'] as const;
export const staffRoleSchema = z.enum(STAFF_ROLES);
export type StaffRole = z.infer<typeof staffRoleSchema>;

export const membershipSchema = z.object({
  id: z.string(),
  institution_id: z.string(),
  institution_name: z.string(),
  // A role added on the server later should not log everyone out of the web app.
  role: z.string(),
});

/** The logged-in user as GET /api/session, login, password change and invitation accept return it. */
export const userSchema = z.object({
  id: z.string(),
  email: z.string(),
  display_name: z.string(),
  is_admin: z.boolean(),
  is_applicant: z.boolean(),
  email_verified: z.boolean(),
  memberships: z.array(membershipSchema),
});

/** GET /api/session, and the body of every response that starts a session. */
export const sessionSchema = z.object({
  user: userSchema.nullable(),
  csrf_token: z.string(),
});

/** 202 answers that mean "we sent an e-mail" (register, password reset, e-mail change). */
export const checkEmailSchema = z.object({ status: z.literal('check_email') });

export type Membership = z.infer<typeof membershipSchema>;
export type User = z.infer<typeof userSchema>;
export type Session = z.infer<typeof sessionSchema>;
