import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { useReplaceSession } from './get-session';
import { sessionSchema, type Session } from './session-schema';

/**
 * POST /api/invitations/accept. A new person sets a display name and password; someone who
 * already has an account confirms with their password (display_name is then sent empty).
 */
export const acceptInvitationInputSchema = z.object({
  token: z.string().trim(),
  password: z.string(),
  display_name: z.string().trim(),
});
export type AcceptInvitationInput = z.input<typeof acceptInvitationInputSchema>;
export const ACCEPT_INVITATION_FIELDS = ['password', 'display_name'] as const;

export function acceptInvitation(input: AcceptInvitationInput): Promise<Session> {
  return api.post('/invitations/accept', acceptInvitationInputSchema.parse(input), sessionSchema);
}

export function useAcceptInvitation() {
  const replaceSession = useReplaceSession();
  return useMutation({ mutationFn: acceptInvitation, onSuccess: (session) => replaceSession(session) });
}
