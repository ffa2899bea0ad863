import { render, type RenderOptions } from '@testing-library/react';
import type { ReactElement } from 'react';
import { createMemoryRouter, RouterProvider } from 'react-router';
import { AppProvider } from '@/app/provider';
import { createQueryClient } from '@/lib/query-client';

/** Renders UI inside the app's providers with a fresh, non-retrying query client. */
export function renderWithProviders(ui: ReactElement, options?: RenderOptions) {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false }, mutations: { retry: false } });
  return render(<AppProvider queryClient={queryClient}>{ui}</AppProvider>, options);
}

/** Renders a route tree at a path, with the app's providers. */
export function renderRoutes(routes: Parameters<typeof createMemoryRouter>[0], path = '/') {
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  return { router, ...renderWithProviders(<RouterProvider router={router} />) };
}

type JsonRoute = { status?: number; body: unknown };

/**
 * A fetch stand-in keyed by "METHOD /path". Unknown routes answer 404 in the server's error shape.
 * Returns the mock so tests can inspect the calls.
 */
export function mockFetch(routes: Record<string, JsonRoute | ((init: RequestInit) => JsonRoute)>) {
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    const key = `${init.method ?? 'GET'} ${url}`;
    const route = routes[key];
    const answer =
      typeof route === 'function'
        ? route(init)
        : (route ?? { status: 404, body: { error: { code: 'not_found', message: `no route ${key}` } } });
    if (answer.status === 204) return new Response(null, { status: 204 });
    return new Response(JSON.stringify(answer.body), {
      status: answer.status ?? 200,
      headers: { 'Content-Type': 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}
