import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { SESSION_QUERY_KEY } from './get-session';

/** POST /api/auth/verify-email with the token from the e-mailed link (also confirms a changed address). */
export const verifyEmailInputSchema = z.object({ token: z.string().trim() });
const verifiedSchema = z.object({ status: z.literal('verified') });

export function verifyEmail(input: z.input<typeof verifyEmailInputSchema>) {
  return api.post('/auth/verify-email', verifyEmailInputSchema.parse(input), verifiedSchema);
}

export function useVerifyEmail() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: verifyEmail,
    // A logged-in user who confirmed a new address sees it at once.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY }),
  });
}
