import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

/** POST /api/auth/password-reset/confirm with the token from the e-mailed link. */
export const confirmPasswordResetInputSchema = z.object({
  token: z.string().trim(),
  password: z.string(),
});
export type ConfirmPasswordResetInput = z.input<typeof confirmPasswordResetInputSchema>;

const passwordChangedSchema = z.object({ status: z.literal('password_changed') });

export function confirmPasswordReset(input: ConfirmPasswordResetInput) {
  return api.post(
    '/auth/password-reset/confirm',
    confirmPasswordResetInputSchema.parse(input),
    passwordChangedSchema,
  );
}

export function useConfirmPasswordReset() {
  return useMutation({ mutationFn: confirmPasswordReset });
}
