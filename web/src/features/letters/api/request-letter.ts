import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { letterRequestSchema, letterSchema, lettersQueryKey, type Letter, type LetterRequest } from './letter-schema';

/** POST /api/me/letters: records the request and e-mails the referee a private link. */
export function requestLetter(body: LetterRequest): Promise<Letter> {
  return api.post('/me/letters', letterRequestSchema.parse(body), letterSchema);
}

export function useRequestLetter() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: requestLetter,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: lettersQueryKey }),
  });
}
