import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { searchResult, vocabulary } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, coordinator, healthOk, sessionAs } from '@/testing/users';
import type { User } from '@/features/auth/api/session-schema';

const saved = {
  id: 'ss-1',
  name: 'Cardiology in Illinois',
  query: { q: 'cardiology', state: 'IL' },
  query_string: 'q=cardiology&state=IL',
  created_at: '2026-11-27T10:00:00Z',
  last_alert_at: '',
};

function mockAs(user: User | null, extra: Parameters<typeof mockFetch>[0] = {}) {
  const fetchMock = mockFetch({
    ...healthOk,
    ...sessionAs(user),
    'GET /api/catalog/vocabulary': { body: vocabulary },
    'GET /api/saved-searches': { body: { items: [saved] } },
    ...extra,
  });
  const inner = fetchMock.getMockImplementation();
  fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).startsWith('/api/search/offerings')) {
      return new Response(JSON.stringify(searchResult()), { status: 200, headers: { 'Content-Type': 'application/json' } });
    }
    return inner!(input, init);
  });
  return fetchMock;
}

describe('saved searches', () => {
  it('saves the current search (without the page) under a name', async () => {
    const fetchMock = mockAs(applicant, {
      'POST /api/saved-searches': { status: 201, body: { ...saved, name: 'Heart in IL' } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/rotations?q=cardiology&state=IL&page=2');
    await user.click(await screen.findByRole('button', { name: 'Save this search' }));
    const form = screen.getByRole('form', { name: 'Save this search' });
    const name = within(form).getByRole('textbox', { name: /Name of the saved search/ });
    expect(name).toHaveValue('cardiology');
    await user.clear(name);
    await user.type(name, 'Heart in IL');
    await user.click(within(form).getByRole('button', { name: 'Save search' }));

    expect(await screen.findByText(/Search saved as “Heart in IL”/)).toBeInTheDocument();
    const call = fetchMock.mock.calls.find(([u, init]) => u === '/api/saved-searches' && init?.method === 'POST');
    expect(JSON.parse((call![1] as RequestInit).body as string)).toEqual({
      name: 'Heart in IL',
      query: { q: 'cardiology', state: 'IL' },
    });
  });

  it('puts a name the server refuses on the name field', async () => {
    mockAs(applicant, {
      'POST /api/saved-searches': {
        status: 409,
        body: { error: { code: 'conflict', message: 'you already have a saved search with this name', field: 'name' } },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/rotations?q=cardiology');
    await user.click(await screen.findByRole('button', { name: 'Save this search' }));
    await user.click(screen.getByRole('button', { name: 'Save search' }));
    const name = await screen.findByRole('textbox', { name: /Name of the saved search/ });
    await waitFor(() => expect(name).toHaveAccessibleDescription(/already have a saved search with this name/));
  });

  it('is offered to applicants only', async () => {
    mockAs(coordinator);
    renderRoutes(routes, '/rotations?q=cardiology');
    await screen.findByRole('link', { name: 'Cardiology Elective' });
    expect(screen.queryByRole('button', { name: 'Save this search' })).not.toBeInTheDocument();
  });

  it('lists saved searches with a link that opens the search, and deletes one', async () => {
    const fetchMock = mockAs(applicant, { 'DELETE /api/saved-searches/ss-1': { status: 204, body: null } });
    const user = userEvent.setup();
    renderRoutes(routes, '/saved-searches');
    const table = await screen.findByRole('table', { name: 'Your searches' });
    const row = within(table).getByRole('row', { name: /Cardiology in Illinois/ });
    expect(within(row).getByRole('link', { name: 'Cardiology in Illinois' })).toHaveAttribute(
      'href',
      '/rotations?q=cardiology&state=IL',
    );
    expect(row).toHaveTextContent('Text: cardiology · State: IL');
    await user.click(within(row).getByRole('button', { name: 'Delete Cardiology in Illinois' }));
    await waitFor(() =>
      expect(fetchMock.mock.calls.some(([u, init]) => u === '/api/saved-searches/ss-1' && init?.method === 'DELETE')).toBe(true),
    );
  });
});
