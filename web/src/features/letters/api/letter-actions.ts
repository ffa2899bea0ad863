import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { letterSchema, lettersQueryKey, type Letter } from './letter-schema';

/** POST /api/me/letters/{id}/cancel: the referee's links stop working. */
export function cancelLetter(id: string): Promise<Letter> {
  return api.post(`/me/letters/${encodeURIComponent(id)}/cancel`, {}, letterSchema);
}

/** POST /api/me/letters/{id}/resend: e-mails the referee a fresh link. */
export function resendLetter(id: string): Promise<Letter> {
  return api.post(`/me/letters/${encodeURIComponent(id)}/resend`, {}, letterSchema);
}

export function useCancelLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: cancelLetter,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lettersQueryKey }),
  });
}

export function useResendLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: resendLetter,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lettersQueryKey }),
  });
}
