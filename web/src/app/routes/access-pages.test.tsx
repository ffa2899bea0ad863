import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User } from '@/features/auth/api/session-schema';
import { mockFetch, renderRoutes } from '@/testing/render';
import { admin, applicant, coordinator, healthOk, reviewer, sessionAs } from '@/testing/users';
import { routes } from '../router';

const lakeshore = {
  id: 'inst-lake',
  name: 'Lakeshore University Medical Center',
  city: 'Chicago',
  state: 'IL',
  country: 'US',
  time_zone: 'America/Chicago',
  website: '',
  created_at: '2026-11-27T16:00:00Z',
};

const staffList = {
  items: [
    {
      membership_id: 'm-1',
      user_id: 'u-coord',
      email: 'coordinator@lakeshore.example',
      display_name: 'Lena Coordinator',
      role: 'coordinator',
      created_at: '2026-11-27T16:00:00Z',
    },
    {
      membership_id: 'm-2',
      user_id: 'u-rev',
      email: 'reviewer@lakeshore.example',
      display_name: 'Ravi Reviewer',
      role: 'reviewer',
      created_at: '2026-11-27T16:00:00Z',
    },
  ],
};

function mockAs(user: User | null, extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...healthOk,
    ...sessionAs(user),
    'GET /api/institutions': { body: { items: [lakeshore] } },
    'GET /api/institutions/inst-lake': { body: lakeshore },
    'GET /api/institutions/inst-lake/staff': { body: staffList },
    ...extra,
  });
}

describe('pages that need a login or a role', () => {
  it('/account asks an anonymous visitor to log in, with a link back', async () => {
    mockAs(null);
    renderRoutes(routes, '/account');
    expect(await screen.findByRole('heading', { level: 1, name: 'Please log in' })).toBeInTheDocument();
    expect(within(screen.getByRole('main')).getByRole('link', { name: 'Log in' })).toHaveAttribute(
      'href',
      '/login?next=%2Faccount',
    );
  });

  it('/audit shows "Not allowed" to an applicant without asking the API', async () => {
    const fetchMock = mockAs(applicant);
    renderRoutes(routes, '/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([url]) => String(url).startsWith('/api/audit'))).toBe(false);
  });

  it('a staff page of another institution shows "Not allowed"', async () => {
    mockAs(coordinator);
    renderRoutes(routes, '/institutions/inst-other/staff');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
  });

  it('shows "Not allowed" when the API answers 403', async () => {
    mockAs(reviewer, {
      'GET /api/institutions/inst-lake/staff': { status: 403, body: { error: { code: 'forbidden', message: 'forbidden' } } },
    });
    renderRoutes(routes, '/institutions/inst-lake/staff');
    expect(await screen.findByRole('heading', { level: 1, name: 'Not allowed' })).toBeInTheDocument();
  });

  it('shows "Please log in" when the API answers 401 (session expired)', async () => {
    mockAs(reviewer, {
      'GET /api/institutions/inst-lake/staff': {
        status: 401,
        body: { error: { code: 'unauthenticated', message: 'log in first' } },
      },
    });
    renderRoutes(routes, '/institutions/inst-lake/staff');
    expect(await screen.findByRole('heading', { level: 1, name: 'Please log in' })).toBeInTheDocument();
  });
});

describe('staff page', () => {
  it('a reviewer sees the staff list but cannot invite or remove', async () => {
    mockAs(reviewer);
    renderRoutes(routes, '/institutions/inst-lake/staff');
    expect(
      await screen.findByRole('heading', { level: 1, name: 'Staff of Lakeshore University Medical Center' }),
    ).toBeInTheDocument();
    expect(screen.getByRole('rowheader', { name: 'Ravi Reviewer' })).toBeInTheDocument();
    expect(screen.queryByRole('form', { name: 'Invite someone' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /^Remove/ })).not.toBeInTheDocument();
  });

  it('a coordinator invites by e-mail and role; a server field error shows next to that field', async () => {
    const fetchMock = mockAs(coordinator, {
      'POST /api/institutions/inst-lake/invitations': (init) => {
        const body = JSON.parse(init.body as string) as { email: string; role: string };
        if (!body.email.includes('@')) {
          return {
            status: 400,
            body: { error: { code: 'invalid_argument', message: 'enter a valid e-mail address', field: 'email' } },
          };
        }
        return { status: 201, body: { id: 'inv-1', email: body.email, role: body.role, expires_at: '2026-12-04T16:00:00Z' } };
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/staff');
    const form = await screen.findByRole('form', { name: 'Invite someone' });

    await user.type(within(form).getByLabelText(/^E-mail/), 'not-an-address');
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));
    const email = within(form).getByLabelText(/^E-mail/);
    await vi.waitFor(() => expect(email).toHaveAttribute('aria-invalid', 'true'));
    expect(email).toHaveAccessibleDescription(/enter a valid e-mail address/);
    expect(email).toHaveFocus();

    await user.clear(email);
    await user.type(email, 'new.preceptor@lakeshore.example');
    await user.selectOptions(within(form).getByLabelText(/^Role/), 'preceptor');
    await user.click(within(form).getByRole('button', { name: 'Send invitation' }));

    expect(await within(form).findByRole('status')).toHaveTextContent(
      'We e-mailed new.preceptor@lakeshore.example an invitation to join as preceptor',
    );
    const posts = fetchMock.mock.calls.filter(([url]) => url === '/api/institutions/inst-lake/invitations');
    expect(JSON.parse((posts[1]?.[1] as RequestInit).body as string)).toEqual({
      email: 'new.preceptor@lakeshore.example',
      role: 'preceptor',
    });
  });

  it('a coordinator removes someone after confirming in a dialog', async () => {
    let staff = staffList;
    const fetchMock = mockAs(coordinator, {
      'GET /api/institutions/inst-lake/staff': () => ({ body: staff }),
      'DELETE /api/institutions/inst-lake/staff/m-2': () => {
        staff = { items: staffList.items.filter((s) => s.membership_id !== 'm-2') };
        return { status: 204, body: null };
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/staff');

    await user.click(await screen.findByRole('button', { name: 'Remove Ravi Reviewer (Reviewer)' }));
    const dialog = await screen.findByRole('dialog', { name: 'Remove from staff?' });
    expect(dialog).toHaveTextContent('Ravi Reviewer (reviewer@lakeshore.example) will no longer be a reviewer');
    await user.click(within(dialog).getByRole('button', { name: 'Remove' }));

    expect(await screen.findByRole('status')).toHaveTextContent('Ravi Reviewer (reviewer) no longer has that role');
    await vi.waitFor(() => expect(screen.queryByRole('rowheader', { name: 'Ravi Reviewer' })).not.toBeInTheDocument());
    expect(fetchMock.mock.calls.some(([url, init]) => url === '/api/institutions/inst-lake/staff/m-2' && init?.method === 'DELETE')).toBe(true);
  });
});

describe('audit page', () => {
  const entry = {
    id: 'a1',
    at: '2026-11-27T17:00:11Z',
    actor_id: 'u-coord',
    actor_ip: '127.0.0.1',
    action: 'staff.invite',
    record_type: 'invitation',
    record_id: 'inv-1',
    institution_id: 'inst-lake',
    detail: '',
  };

  it('a coordinator sees the log of their institution', async () => {
    mockAs(coordinator, { 'GET /api/audit?institution_id=inst-lake&limit=100': { body: { items: [entry] } } });
    renderRoutes(routes, '/audit');
    const table = await screen.findByRole('table', { name: 'Recorded changes' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(row).toHaveTextContent('staff.invite');
    expect(row).toHaveTextContent('invitation');
    expect(row).toHaveTextContent('inv-1');
    expect(row).toHaveTextContent('u-coord');
    expect(row).toHaveTextContent('127.0.0.1');
    expect(screen.getByText('Lakeshore University Medical Center')).toBeInTheDocument();
  });

  it('an admin starts with every entry and can pick an institution', async () => {
    mockAs(admin, {
      'GET /api/audit?limit=100': { body: { items: [entry, { ...entry, id: 'a2', action: 'user.login' }] } },
    });
    renderRoutes(routes, '/audit');
    const table = await screen.findByRole('table', { name: 'Recorded changes' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);
    expect(screen.getByLabelText('Institution')).toHaveValue('');
  });
});

describe('institutions page', () => {
  it('hides "Add an institution" from non-admins and shows staff links only where allowed', async () => {
    mockAs(reviewer, {
      'GET /api/institutions': { body: { items: [lakeshore, { ...lakeshore, id: 'inst-b', name: 'Bayview' }] } },
    });
    renderRoutes(routes, '/institutions');
    expect(await screen.findByRole('rowheader', { name: /Bayview/ })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Add an institution' })).not.toBeInTheDocument();
    const links = await screen.findAllByRole('link', { name: /^Staff of/ });
    expect(links).toHaveLength(1);
    expect(links[0]).toHaveAttribute('href', '/institutions/inst-lake/staff');
  });

  it('shows the form and every staff link to an admin', async () => {
    mockAs(admin, {
      'GET /api/institutions': { body: { items: [lakeshore, { ...lakeshore, id: 'inst-b', name: 'Bayview' }] } },
    });
    renderRoutes(routes, '/institutions');
    expect(await screen.findByRole('heading', { name: 'Add an institution' })).toBeInTheDocument();
    await screen.findByRole('rowheader', { name: /Bayview/ });
    expect(await screen.findAllByRole('link', { name: /^Staff of/ })).toHaveLength(2);
  });
});
