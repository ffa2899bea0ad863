import { api, ApiError, errorFromResponse } from './api-client';
import { z } from 'zod';

const anything = z.unknown();

function jsonResponse(status: number, body: unknown) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'Content-Type': 'application/json' },
  });
}

async function caught(promise: Promise<unknown>): Promise<ApiError> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(ApiError);
    return error as ApiError;
  }
  throw new Error('expected the request to fail');
}

describe('api client', () => {
  afterEach(() => {
    document.cookie = 'clerkship_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
  });

  it('maps the server error body to an ApiError with message, code and field', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () =>
        jsonResponse(400, {
          error: { code: 'invalid_argument', message: 'name must not be empty', field: 'name' },
        }),
      ),
    );

    const error = await caught(api.post('/institutions', {}, anything));

    expect(error.status).toBe(400);
    expect(error.code).toBe('invalid_argument');
    expect(error.message).toBe('name must not be empty');
    expect(error.field).toBe('name');
  });

  it('leaves field undefined when the server names none', async () => {
    const error = await errorFromResponse(
      jsonResponse(405, { error: { code: 'method_not_allowed', message: 'method not allowed' } }),
    );
    expect(error.message).toBe('method not allowed');
    expect(error.field).toBeUndefined();
  });

  it('gives a readable message when an error response has no JSON body', async () => {
    const error = await errorFromResponse(new Response('<html>Bad gateway</html>', { status: 502 }));
    expect(error.status).toBe(502);
    expect(error.message).toMatch(/server had a problem \(502\)/i);
  });

  it('turns a network failure into a readable message', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );

    const error = await caught(api.get('/health', anything));

    expect(error.status).toBe(0);
    expect(error.code).toBe('network_error');
    expect(error.message).toMatch(/could not reach the clerkship server/i);
  });

  it('rejects a success response that does not match the schema', async () => {
    vi.stubGlobal('fetch', vi.fn(async () => jsonResponse(200, { unexpected: true })));

    const error = await caught(api.get('/health', z.object({ status: z.string() })));

    expect(error.code).toBe('invalid_response');
  });

  it('sends JSON to /api with same-origin credentials and the CSRF cookie as a header', async () => {
    document.cookie = 'clerkship_csrf=tok%3D123; path=/';
    const fetchMock = vi.fn(async () => jsonResponse(201, { id: 'x' }));
    vi.stubGlobal('fetch', fetchMock);

    await api.post('/institutions', { name: 'A' }, anything);

    expect(fetchMock).toHaveBeenCalledTimes(1);
    const [url, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    const headers = init.headers as Record<string, string>;
    expect(url).toBe('/api/institutions');
    expect(init.method).toBe('POST');
    expect(init.credentials).toBe('same-origin');
    expect(init.body).toBe('{"name":"A"}');
    expect(headers['Content-Type']).toBe('application/json');
    expect(headers['X-CSRF-Token']).toBe('tok=123');
  });

  it('does not send a CSRF header on GET', async () => {
    document.cookie = 'clerkship_csrf=abc; path=/';
    const fetchMock = vi.fn(async () => jsonResponse(200, {}));
    vi.stubGlobal('fetch', fetchMock);

    await api.get('/institutions', anything);

    const [, init] = fetchMock.mock.calls[0] as unknown as [string, RequestInit];
    expect((init.headers as Record<string, string>)['X-CSRF-Token']).toBeUndefined();
  });

  it('asks GET /api/session for a CSRF token before a POST when there is no cookie', async () => {
    document.cookie = 'clerkship_csrf=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/';
    const fetchMock = vi.fn(async (url: string) => {
      if (url === '/api/session') {
        document.cookie = 'clerkship_csrf=fresh; path=/';
        return jsonResponse(200, { user: null, csrf_token: 'fresh' });
      }
      return jsonResponse(202, { status: 'check_email' });
    });
    vi.stubGlobal('fetch', fetchMock);

    await api.post('/auth/password-reset', { email: 'a@b.example' }, anything);

    const calls = fetchMock.mock.calls as unknown as [string, RequestInit][];
    expect(calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'GET /api/session',
      'POST /api/auth/password-reset',
    ]);
    expect((calls[1]![1].headers as Record<string, string>)['X-CSRF-Token']).toBe('fresh');
  });
});
