import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const INVITABLE_ROLES = ['coordinator', 'reviewer', 'preceptor'] as const;

/** POST /api/institutions/{id}/invitations: e-mails a one-use link valid for 7 days. */
export const inviteStaffInputSchema = z.object({
  email: z.string().trim(),
  role: z.string(),
});
export type InviteStaffInput = z.input<typeof inviteStaffInputSchema>;
export const INVITE_STAFF_FIELDS = ['email', 'role'] as const;

export const sentInvitationSchema = z.object({
  id: z.string(),
  email: z.string(),
  role: z.string(),
  expires_at: z.string(),
});
export type SentInvitation = z.infer<typeof sentInvitationSchema>;

export function inviteStaff(institutionId: string, input: InviteStaffInput): Promise<SentInvitation> {
  return api.post(
    `/institutions/${encodeURIComponent(institutionId)}/invitations`,
    inviteStaffInputSchema.parse(input),
    sentInvitationSchema,
  );
}

export function useInviteStaff(institutionId: string) {
  return useMutation({ mutationFn: (input: InviteStaffInput) => inviteStaff(institutionId, input) });
}
