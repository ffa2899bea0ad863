import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User } from '@/features/auth/api/session-schema';
import { mockFetch, renderRoutes } from '@/testing/render';
import { admin, applicant, coordinator, healthOk, reviewer, sessionAs } from '@/testing/users';
import { routes } from './router';

function mockAs(user: User | null) {
  return mockFetch({ ...healthOk, ...sessionAs(user), 'GET /api/institutions': { body: { items: [] } } });
}

/** The names of the main navigation's links and buttons, in order, once the session is known. */
async function navNames(): Promise<string[]> {
  const nav = screen.getByRole('navigation', { name: 'Main' });
  // "Account" or "Log in" appears once the session has loaded.
  await within(nav).findByRole('link', { name: /^(Account|Log in)$/ });
  return [...nav.querySelectorAll('a, button')].map((element) => element.textContent ?? '');
}

describe('layout', () => {
  it('renders the product name, main navigation, a skip link and the landmarks', async () => {
    mockAs(null);
    renderRoutes(routes, '/');

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
    expect(within(nav).getByRole('link', { name: 'Find a rotation' })).toHaveAttribute('href', '/rotations');
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');
    expect(await within(nav).findByRole('link', { name: 'Log in' })).toHaveAttribute('href', '/login');

    expect(screen.getByRole('link', { name: 'Clerkship' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main-content');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent(/open-source/i);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('asks the server for the session (and so a CSRF cookie) on start', async () => {
    const fetchMock = mockAs(null);
    renderRoutes(routes, '/');
    await navNames();
    expect(fetchMock.mock.calls.map(([url]) => url)).toContain('/api/session');
  });

  it('shows the server version and database from /api/health', async () => {
    mockAs(null);
    renderRoutes(routes, '/');
    expect(await screen.findByText(/v0\.1\.0 · SQLite/)).toBeInTheDocument();
  });

  it('says so when the server cannot be reached, and still shows the anonymous navigation', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    renderRoutes(routes, '/');
    expect(await screen.findByText('Server unreachable')).toBeInTheDocument();
    expect(await navNames()).toEqual(['Home', 'Find a rotation', 'Log in', 'Register']);
  });

  it('shows a not-found page for unknown routes', async () => {
    mockAs(null);
    renderRoutes(routes, '/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
  });
});

describe('navigation per role', () => {
  it('anonymous: Home, Find a rotation, Log in, Register', async () => {
    mockAs(null);
    renderRoutes(routes, '/');
    expect(await navNames()).toEqual(['Home', 'Find a rotation', 'Log in', 'Register']);
  });

  it('applicant: Home, Find a rotation, Profile, Documents, Letters, Applications, Onboarding, Match, Rotations, Saved searches, Account, Log out', async () => {
    mockAs(applicant);
    renderRoutes(routes, '/');
    expect(await navNames()).toEqual([
      'Home',
      'Find a rotation',
      'Profile',
      'Documents',
      'Letters',
      'Applications',
      'Onboarding',
      'Match',
      'Rotations',
      'Saved searches',
      'Account',
      'Log out',
    ]);
  });

  it('reviewer: adds My institutions, but no audit log', async () => {
    mockAs(reviewer);
    renderRoutes(routes, '/');
    expect(await navNames()).toEqual(['Home', 'Find a rotation', 'My institutions', 'Account', 'Log out']);
  });

  it('coordinator: My institutions lists their staff pages, and the audit log', async () => {
    mockAs(coordinator);
    const user = userEvent.setup();
    renderRoutes(routes, '/');
    expect(await navNames()).toEqual([
      'Home',
      'Find a rotation',
      'My institutions',
      'Audit log',
      'Account',
      'Log out',
    ]);

    await user.click(screen.getByRole('button', { name: 'My institutions' }));
    const item = await screen.findByRole('menuitem', { name: 'Lakeshore University Medical Center' });
    expect(item).toHaveAttribute('href', '/institutions/inst-lake/staff');
    // Each institution's rotation catalog follows its staff page (queried as the dropdown may be closing).
    expect(screen.getByRole('menuitem', { name: 'Catalog of Lakeshore University Medical Center', hidden: true })).toHaveAttribute(
      'href',
      '/institutions/inst-lake/offerings',
    );
    expect(
      screen.getByRole('menuitem', { name: 'Match rounds of Lakeshore University Medical Center', hidden: true }),
    ).toHaveAttribute('href', '/institutions/inst-lake/match-rounds');
    expect(
      screen.getByRole('menuitem', { name: 'Placements of Lakeshore University Medical Center', hidden: true }),
    ).toHaveAttribute('href', '/institutions/inst-lake/placements');
  });

  it('coordinator who manages an institution group: My groups', async () => {
    mockFetch({
      ...healthOk,
      ...sessionAs(coordinator),
      'GET /api/institution-groups': {
        body: {
          items: [
            { id: 'g1', name: 'Lake network', institution_ids: [], manager_ids: [], institutions: [], managers: [], created_at: '2026-11-28T06:00:00Z' },
          ],
        },
      },
    });
    renderRoutes(routes, '/');
    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'My groups' })).toHaveAttribute('href', '/institution-groups');
  });

  it('admin: Institutions, Specialties, Match rounds, Institution groups, Audit log, Account', async () => {
    mockAs(admin);
    renderRoutes(routes, '/');
    expect(await navNames()).toEqual([
      'Home',
      'Find a rotation',
      'Institutions',
      'Specialties',
      'Match rounds',
      'Institution groups',
      'Audit log',
      'Account',
      'Log out',
    ]);
  });

  it('logging out posts to /api/auth/logout and shows the anonymous navigation', async () => {
    let loggedIn = true;
    const fetchMock = mockFetch({
      ...healthOk,
      'GET /api/session': () => ({ body: { user: loggedIn ? applicant : null, csrf_token: 'test-csrf' } }),
      'POST /api/auth/logout': () => {
        loggedIn = false;
        return { status: 204, body: null };
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/');
    await navNames();

    await user.click(screen.getByRole('button', { name: 'Log out' }));

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(await within(nav).findByRole('link', { name: 'Log in' })).toBeInTheDocument();
    const logout = fetchMock.mock.calls.find(([url, init]) => url === '/api/auth/logout' && init?.method === 'POST');
    expect((logout?.[1]?.headers as Record<string, string>)['X-CSRF-Token']).toBe('test-csrf');
  });
});
