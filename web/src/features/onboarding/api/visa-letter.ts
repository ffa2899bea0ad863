import { ApiError } from '@/lib/api-client';

/** GET /api/placements/{pid}/visa-letter.pdf as a Blob; a refusal (409 naming the reason) becomes an ApiError. */
export async function fetchVisaLetter(placementId: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(`/api/placements/${encodeURIComponent(placementId)}/visa-letter.pdf`, {
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError({ status: 0, code: 'network_error', message: 'The server could not be reached.' });
  }
  if (!response.ok) {
    let message = `The letter could not be made (${response.status}).`;
    let code = 'error';
    let field: string | undefined;
    try {
      const body = (await response.json()) as { error?: { message?: string; code?: string; field?: string } };
      if (body.error?.message) message = body.error.message;
      if (body.error?.code) code = body.error.code;
      field = body.error?.field;
    } catch {
      // keep the generic message
    }
    throw new ApiError({ status: response.status, code, message, field });
  }
  return response.blob();
}
