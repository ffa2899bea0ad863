import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { checkEmailSchema } from './session-schema';

/** POST /api/auth/password-reset → always 202, so nobody learns which addresses have accounts. */
export const passwordResetInputSchema = z.object({ email: z.string().trim() });
export type PasswordResetInput = z.input<typeof passwordResetInputSchema>;

export function requestPasswordReset(input: PasswordResetInput) {
  return api.post('/auth/password-reset', passwordResetInputSchema.parse(input), checkEmailSchema);
}

export function useRequestPasswordReset() {
  return useMutation({ mutationFn: requestPasswordReset });
}
