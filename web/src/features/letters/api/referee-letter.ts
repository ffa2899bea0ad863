import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, CSRF_COOKIE, CSRF_HEADER, api, errorFromResponse, readCookie } from '@/lib/api-client';
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
  if (file.size === 0) throw new ApiError({ status: 0, code: 'invalid_argument', message: 'The file is empty. Choose another file.', field: 'file' });
  if (file.size > MAX_LETTER_BYTES) {
    throw new ApiError({ status: 0, code: 'invalid_argument', message: 'The file is larger than 10 MiB. Choose a smaller PDF.', field: 'file' });
  }
  let csrf = readCookie(CSRF_COOKIE);
  if (!csrf) {
    await fetch('/api/session', { credentials: 'same-origin', headers: { Accept: 'application/json' } }).catch(() => undefined);
    csrf = readCookie(CSRF_COOKIE);
  }
  const headers: Record<string, string> = { Accept: 'application/json', 'Content-Type': 'application/pdf' };
  if (csrf) headers[CSRF_HEADER] = csrf;
  let response: Response;
  try {
    response = await fetch(`/api/referee/letter/file?token=${encodeURIComponent(token)}`, {
      method: 'PUT',
      body: file,
      headers,
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: 'The upload did not reach the server. Try again.', field: 'file' });
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    throw new ApiError({ status: error.status, code: error.code, message: error.message, field: error.field ?? 'file' });
  }
  return refereeLetterSchema.parse(await response.json());
}

export function useUploadLetter(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadLetter(token, file),
    onSuccess: (letter) => queryClient.setQueryData(refereeQueryKey(token), letter),
  });
}
