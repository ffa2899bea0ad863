import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { useReplaceSession } from './get-session';
import { sessionSchema, type Session } from './session-schema';

/** POST /api/auth/login. The password is sent exactly as typed. */
export const loginInputSchema = z.object({
  email: z.string().trim(),
  password: z.string(),
});

export type LoginInput = z.input<typeof loginInputSchema>;
export const LOGIN_FIELDS = ['email', 'password'] as const;

export function login(input: LoginInput): Promise<Session> {
  return api.post('/auth/login', loginInputSchema.parse(input), sessionSchema);
}

export function useLogin() {
  const replaceSession = useReplaceSession();
  return useMutation({ mutationFn: login, onSuccess: (session) => replaceSession(session) });
}
