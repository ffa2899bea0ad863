import type { z } from 'zod';

/**
 * The one HTTP client for the Clerkship API (same origin, JSON, cookies).
 * Every failure becomes an ApiError whose `message` can be shown to a user as is,
 * and whose `field` (when the server names one) says which form input caused it.
 */

export const CSRF_COOKIE = 'clerkship_csrf';
export const CSRF_HEADER = 'X-CSRF-Token';

export class ApiError extends Error {
  /** HTTP status, or 0 when the server could not be reached at all. */
  readonly status: number;
  /** Server error code (invalid_argument, not_found, …) or a client-side one (network_error, invalid_response). */
  readonly code: string;
  /** Request field the error is about, when the server names one (e.g. "time_zone"). */
  readonly field: string | undefined;

  constructor(init: { status: number; code: string; message: string; field?: string | undefined }) {
    super(init.message);
    this.name = 'ApiError';
    this.status = init.status;
    this.code = init.code;
    this.field = init.field;
  }
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** The last CSRF token the server handed out in a body (GET /api/session, login): a fallback for the cookie. */
let lastCsrfToken: string | undefined;

/** Session responses carry the CSRF token; remember it in case the cookie cannot be read. */
export function rememberCsrfToken(token: string | undefined): void {
  lastCsrfToken = token && token.length > 0 ? token : undefined;
}

/**
 * The token a state-changing request must echo. Without the cookie (first visit, or just logged
 * out) it asks GET /api/session, which sets one, so a POST never goes out without a token.
 */
async function csrfToken(signal: AbortSignal | undefined): Promise<string | undefined> {
  const fromCookie = readCookie(CSRF_COOKIE);
  if (fromCookie) return fromCookie;
  try {
    const init: RequestInit = { method: 'GET', headers: { Accept: 'application/json' }, credentials: 'same-origin' };
    if (signal) init.signal = signal;
    const response = await fetch('/api/session', init);
    if (response.ok) {
      const body = (await response.json()) as { csrf_token?: unknown };
      if (typeof body.csrf_token === 'string') rememberCsrfToken(body.csrf_token);
    }
  } catch {
    // The request itself will report an unreachable server.
  }
  return readCookie(CSRF_COOKIE) ?? lastCsrfToken;
}

export type RequestOptions = {
  body?: unknown;
  /** A raw body (e.g. a CSV file's text) sent as is with `contentType`, instead of JSON. */
  raw?: { body: string | Blob; contentType: string };
  signal?: AbortSignal;
  headers?: Record<string, string>;
};

const NETWORK_MESSAGE =
  'Could not reach the Clerkship server. Check your connection and try again.';
const INVALID_RESPONSE_MESSAGE = 'The server sent a response this page does not understand.';

/** Reads a cookie by name from document.cookie; undefined outside a browser or when absent. */
export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    if (part.slice(0, eq).trim() === name) {
      return decodeURIComponent(part.slice(eq + 1).trim());
    }
  }
  return undefined;
}

function messageForStatus(status: number): string {
  if (status === 404) return 'The requested item was not found.';
  if (status === 413) return 'The request was too large for the server.';
  if (status === 401) return 'Please log in to continue.';
  if (status === 403) return 'You are not allowed to do that.';
  if (status === 429) return 'Too many attempts. Please wait a few minutes and try again.';
  if (status >= 500) return `The server had a problem (${status}). Please try again in a moment.`;
  return `The request failed (${status}).`;
}

/** Turns a non-2xx response into an ApiError, using the server's {"error":{…}} body when present. */
export async function errorFromResponse(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const error = (body as { error?: unknown } | undefined)?.error;
  if (error && typeof error === 'object') {
    const { code, message, field } = error as Record<string, unknown>;
    if (typeof message === 'string' && message.length > 0) {
      return new ApiError({
        status: response.status,
        code: typeof code === 'string' ? code : 'unknown',
        message,
        field: typeof field === 'string' && field.length > 0 ? field : undefined,
      });
    }
  }
  return new ApiError({
    status: response.status,
    code: 'http_error',
    message: messageForStatus(response.status),
  });
}

async function request(method: Method, path: string, options: RequestOptions = {}): Promise<unknown> {
  const headers: Record<string, string> = { Accept: 'application/json', ...options.headers };
  const init: RequestInit = { method, headers, credentials: 'same-origin' };
  if (options.signal) init.signal = options.signal;
  if (options.raw) {
    headers['Content-Type'] = options.raw.contentType;
    init.body = options.raw.body;
  } else if (options.body !== undefined) {
    headers['Content-Type'] = 'application/json';
    init.body = JSON.stringify(options.body);
  }
  if (method !== 'GET') {
    const token = await csrfToken(options.signal);
    if (token) headers[CSRF_HEADER] = token;
  }

  let response: Response;
  try {
    response = await fetch(`/api${path}`, init);
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError({ status: 0, code: 'network_error', message: NETWORK_MESSAGE });
  }

  if (!response.ok) throw await errorFromResponse(response);
  if (response.status === 204) return undefined;
  try {
    return await response.json();
  } catch {
    throw new ApiError({ status: response.status, code: 'invalid_response', message: INVALID_RESPONSE_MESSAGE });
  }
}

/** Checks a response body against the endpoint's schema so a contract drift fails loudly, not silently. */
function parse<S extends z.ZodType>(schema: S, data: unknown, status = 200): z.infer<S> {
  const result = schema.safeParse(data);
  if (!result.success) {
    throw new ApiError({ status, code: 'invalid_response', message: INVALID_RESPONSE_MESSAGE });
  }
  return result.data;
}

/** Paths are relative to /api, e.g. api.get('/health', healthSchema). */
/**
 * PUT a PDF as the raw body to a private-link endpoint (`/api${path}?token=…`) for people without an
 * account (referees, deans' offices). Checks emptiness and `maxBytes` first; every error is about `file`.
 */
export async function putPdfByToken(path: string, token: string, file: File, maxBytes: number): Promise<unknown> {
  const fileError = (status: number, code: string, message: string) => new ApiError({ status, code, message, field: 'file' });
  if (file.size === 0) throw fileError(0, 'invalid_argument', 'The file is empty. Choose another file.');
  if (file.size > maxBytes) {
    throw fileError(0, 'invalid_argument', `The file is larger than ${Math.round(maxBytes / (1024 * 1024))} MiB. Choose a smaller PDF.`);
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
    response = await fetch(`/api${path}?token=${encodeURIComponent(token)}`, {
      method: 'PUT',
      body: file,
      headers,
      credentials: 'same-origin',
    });
  } catch {
    throw fileError(0, 'network_error', 'The upload did not reach the server. Try again.');
  }
  if (!response.ok) {
    const error = await errorFromResponse(response);
    throw fileError(error.status, error.code, error.message);
  }
  return response.json();
}

export const api = {
  get: async <S extends z.ZodType>(path: string, schema: S, options?: RequestOptions) =>
    parse(schema, await request('GET', path, options)),
  post: async <S extends z.ZodType>(path: string, body: unknown, schema: S, options?: RequestOptions) =>
    parse(schema, await request('POST', path, { ...options, body })),
  put: async <S extends z.ZodType>(path: string, body: unknown, schema: S, options?: RequestOptions) =>
    parse(schema, await request('PUT', path, { ...options, body })),
  patch: async <S extends z.ZodType>(path: string, body: unknown, schema: S, options?: RequestOptions) =>
    parse(schema, await request('PATCH', path, { ...options, body })),
  delete: (path: string, options?: RequestOptions) => request('DELETE', path, options),
  /** POSTs a raw body (a file's contents) and checks the JSON answer. */
  postRaw: async <S extends z.ZodType>(
    path: string,
    body: string | Blob,
    contentType: string,
    schema: S,
    options?: RequestOptions,
  ) => parse(schema, await request('POST', path, { ...options, raw: { body, contentType } })),
};

/** A message for any thrown value, for places that display errors. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) return error.message;
  return 'Something went wrong. Please try again.';
}
