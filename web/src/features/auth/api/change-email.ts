import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { checkEmailSchema } from './session-schema';

/** POST /api/account/email → 202; the new address takes effect when its link is opened. */
export const changeEmailInputSchema = z.object({
  password: z.string(),
  new_email: z.string().trim(),
});
export type ChangeEmailInput = z.input<typeof changeEmailInputSchema>;
export const CHANGE_EMAIL_FIELDS = ['password', 'new_email'] as const;

export function changeEmail(input: ChangeEmailInput) {
  return api.post('/account/email', changeEmailInputSchema.parse(input), checkEmailSchema);
}

export function useChangeEmail() {
  return useMutation({ mutationFn: changeEmail });
}
