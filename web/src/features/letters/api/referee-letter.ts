import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, putPdfByToken } from '@/lib/api-client';
import { refereeLetterSchema, type RefereeLetter } from './letter-schema';

export const MAX_LETTER_BYTES = 10 * 1024 * 1024;

const refereeQueryKey = (token: string) => ['referee-letter', token] as const;

/** GET /api/referee/letter?token=…: who asked, the waiver, the status. */
export function getRefereeLetter(token: string, signal?: AbortSignal): Promise<RefereeLetter> {
  return api.get(`/referee/letter?token=${encodeURIComponent(token)}`, refereeLetterSchema, signal ? { signal } : undefined);
}

export function useRefereeLetter(token: string) {
  return useQuery({
    queryKey: refereeQueryKey(token),
    queryFn: ({ signal }) => getRefereeLetter(token, signal),
    enabled: token.length > 0,
    retry: false,
  });
}

/** PUT /api/referee/letter/file?token=… with the PDF as the raw body. Errors are about the `file`. */
export async function uploadLetter(token: string, file: File): Promise<RefereeLetter> {
  return refereeLetterSchema.parse(await putPdfByToken('/referee/letter/file', token, file, MAX_LETTER_BYTES));
}

export function useUploadLetter(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadLetter(token, file),
    onSuccess: (letter) => queryClient.setQueryData(refereeQueryKey(token), letter),
  });
}
