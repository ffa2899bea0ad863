import { ApiError, CSRF_COOKIE, CSRF_HEADER, errorFromResponse, readCookie } from '@/lib/api-client';
import { MAX_UPLOAD_BYTES } from '../document-types';
import { uploadSchema, type Upload } from './document-schema';

export const TOO_LARGE_MESSAGE = 'The file is larger than 10 MiB. Choose a smaller file (scan at a lower resolution, or split it).';
export const EMPTY_FILE_MESSAGE = 'The file is empty. Choose another file.';

/** The checks the browser can make before sending: size only (the server checks the type from the bytes). */
export function checkFile(file: File): string | undefined {
  if (file.size === 0) return EMPTY_FILE_MESSAGE;
  if (file.size > MAX_UPLOAD_BYTES) return TOO_LARGE_MESSAGE;
  return undefined;
}

/**
 * PUT /api/me/uploads with the file as the raw body (no multipart), echoing the CSRF token.
 * Any refusal is an ApiError about the `file` input.
 */
export async function uploadFile(file: File, signal?: AbortSignal): Promise<Upload> {
  const local = checkFile(file);
  if (local) throw new ApiError({ status: 0, code: 'invalid_argument', message: local, field: 'file' });
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Content-Type': file.type || 'application/octet-stream',
    // Header values are Latin-1: a name in another script travels percent-encoded.
    'X-Filename': /^[\x20-\x7e]*$/.test(file.name) ? file.name : encodeURIComponent(file.name),
  };
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  const init: RequestInit = { method: 'PUT', body: file, headers, credentials: 'same-origin' };
  if (signal) init.signal = signal;
  let response: Response;
  try {
    response = await fetch('/api/me/uploads', init);
  } catch {
    throw new ApiError({
      status: 0,
      code: 'network_error',
      message: 'The upload did not reach the server. Check your connection and try again.',
      field: 'file',
    });
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    const message = response.status === 413 ? TOO_LARGE_MESSAGE : error.message;
    throw new ApiError({ status: error.status, code: error.code, message, field: 'file' });
  }
  const parsed = uploadSchema.safeParse(await response.json().catch(() => undefined));
  if (!parsed.success) {
    throw new ApiError({ status: response.status, code: 'invalid_response', message: 'The server sent a response this page does not understand.' });
  }
  return parsed.data;
}
