import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { checkEmailSchema } from './session-schema';

/** POST /api/auth/register → 202 whether or not the address already has an account. */
export const registerInputSchema = z.object({
  email: z.string().trim(),
  display_name: z.string().trim(),
  password: z.string(),
});

export type RegisterInput = z.input<typeof registerInputSchema>;
export const REGISTER_FIELDS = ['email', 'display_name', 'password'] as const;

export function register(input: RegisterInput) {
  return api.post('/auth/register', registerInputSchema.parse(input), checkEmailSchema);
}

export function useRegister() {
  return useMutation({ mutationFn: register });
}
