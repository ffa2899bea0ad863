import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { useReplaceSession } from './get-session';
import { sessionSchema, type Session } from './session-schema';

/** POST /api/account/password: the server rotates the session and answers with the new one. */
export const changePasswordInputSchema = z.object({
  current_password: z.string(),
  new_password: z.string(),
});
export type ChangePasswordInput = z.input<typeof changePasswordInputSchema>;
export const CHANGE_PASSWORD_FIELDS = ['current_password', 'new_password'] as const;

export function changePassword(input: ChangePasswordInput): Promise<Session> {
  return api.post('/account/password', changePasswordInputSchema.parse(input), sessionSchema);
}

export function useChangePassword() {
  const replaceSession = useReplaceSession();
  return useMutation({ mutationFn: changePassword, onSuccess: (session) => replaceSession(session) });
}
