import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { User } from '@/features/auth/api/session-schema';
import { mockFetch, renderRoutes } from '@/testing/render';
import { offering, vocabulary } from '@/testing/catalog';
import { coordinator, healthOk, reviewer, sessionAs } from '@/testing/users';
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

const draft = { ...offering, id: 'off-draft', title: 'Cardiology Night Float', status: 'draft', blocks: [] };

function mockAs(user: User, extra: Parameters<typeof mockFetch>[0] = {}) {
  return mockFetch({
    ...healthOk,
    ...sessionAs(user),
    'GET /api/catalog/vocabulary': { body: vocabulary },
    'GET /api/institutions/inst-lake': { body: lakeshore },
    'GET /api/institutions/inst-lake/offerings': { body: { items: [offering, draft] } },
    'GET /api/offerings/off-draft': { body: draft },
    ...extra,
  });
}

function bodyOf(fetchMock: ReturnType<typeof mockFetch>, method: string, url: string): unknown {
  const call = fetchMock.mock.calls.find(([u, init]) => u === url && init?.method === method);
  if (!call) throw new Error(`no ${method} ${url}`);
  return JSON.parse((call[1] as RequestInit).body as string);
}

describe('coordinator catalog', () => {
  it('lists the offerings with status and each block’s fill, with editing for coordinators', async () => {
    mockAs(coordinator);
    renderRoutes(routes, '/institutions/inst-lake/offerings');
    const table = await screen.findByRole('table', { name: 'Offerings' });
    const row = within(table).getByRole('row', { name: /Cardiology Elective/ });
    expect(row).toHaveTextContent('Published');
    expect(row).toHaveTextContent('Mar 1, 2027: 1/3 filled · 2 applications');
    expect(within(row).getByRole('link', { name: 'Cardiology Elective' })).toHaveAttribute(
      'href',
      '/institutions/inst-lake/offerings/off-cardio',
    );
    expect(screen.getByRole('link', { name: 'New offering' })).toHaveAttribute('href', '/institutions/inst-lake/offerings/new');
  });

  it('shows a reviewer the list without editing controls', async () => {
    mockAs(reviewer);
    renderRoutes(routes, '/institutions/inst-lake/offerings');
    const table = await screen.findByRole('table', { name: 'Offerings' });
    expect(within(table).getByRole('link', { name: 'Cardiology Elective' })).toHaveAttribute('href', '/rotations/off-cardio');
    expect(screen.queryByRole('link', { name: 'New offering' })).not.toBeInTheDocument();
  });

  it('sends money as integer cents and puts a nested server error on the right input', async () => {
    const fetchMock = mockAs(coordinator, {
      'POST /api/institutions/inst-lake/offerings': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'a fee cannot be negative', field: 'fees[1].amount_cents' } },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/new');
    const form = await screen.findByRole('form', { name: 'Offering details' });

    await user.type(within(form).getByRole('textbox', { name: /^Title/ }), '  Night Float Elective ');
    await user.selectOptions(within(form).getByRole('combobox', { name: /^Specialty/ }), 'cardiology');
    await user.click(within(form).getByRole('button', { name: 'Add a fee' }));
    await user.click(within(form).getByRole('button', { name: 'Add a fee' }));
    const fee1 = within(form).getByRole('group', { name: 'Fee 1' });
    const fee2 = within(form).getByRole('group', { name: 'Fee 2' });
    await user.type(within(fee1).getByRole('textbox', { name: 'Amount (USD)' }), '1,200.50');
    await user.selectOptions(within(fee2).getByRole('combobox', { name: 'Kind' }), 'deposit');
    await user.selectOptions(within(fee2).getByRole('combobox', { name: 'Who pays' }), 'graduate');
    await user.type(within(fee2).getByRole('textbox', { name: 'Amount (USD)' }), '-5');
    await user.click(within(form).getByRole('button', { name: 'Add a document' }));
    await user.click(within(form).getByRole('checkbox', { name: 'J-1' }));
    await user.click(within(form).getByRole('button', { name: 'Create draft' }));

    expect(await within(form).findByRole('alert')).toHaveTextContent('a fee cannot be negative');
    const amount2 = within(fee2).getByRole('textbox', { name: 'Amount (USD)' });
    expect(amount2).toHaveAttribute('aria-invalid', 'true');
    expect(amount2).toHaveAccessibleDescription(/a fee cannot be negative/);
    expect(amount2).toHaveFocus();
    expect(within(fee1).getByRole('textbox', { name: 'Amount (USD)' })).not.toHaveAttribute('aria-invalid', 'true');

    const body = bodyOf(fetchMock, 'POST', '/api/institutions/inst-lake/offerings') as Record<string, unknown>;
    expect(body).toMatchObject({
      title: 'Night Float Elective',
      specialty: 'cardiology',
      type: 'elective',
      city: 'Chicago',
      state: 'IL',
      country: 'US',
      duration_weeks: 4,
      currency: 'USD',
      fees: [
        { kind: 'application', category: 'all', amount_cents: 120050, label: '' },
        { kind: 'deposit', category: 'graduate', amount_cents: -500, label: '' },
      ],
      required_documents: [{ type: 'immunization_record', count: 1 }],
    });
    expect((body.eligibility as Record<string, unknown>).visas_accepted).toEqual(['j1']);
  });

  it('puts an error about one item of a list on the group (eligibility.visas_accepted[0])', async () => {
    mockAs(coordinator, {
      'PUT /api/institutions/inst-lake/offerings/off-draft': {
        status: 400,
        body: {
          error: {
            code: 'invalid_argument',
            message: 'eligibility.visas_accepted[0] must be one of: b1_b2, j1',
            field: 'eligibility.visas_accepted[0]',
          },
        },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-draft');
    const form = await screen.findByRole('form', { name: 'Details' });
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));
    await within(form).findByRole('alert');
    const group = within(form).getByRole('group', { name: 'Visas accepted' });
    expect(group).toHaveAccessibleDescription('eligibility.visas_accepted[0] must be one of: b1_b2, j1');
    expect(within(group).getAllByRole('checkbox')[0]).toHaveFocus();
  });

  it('shows the server’s message when publishing a draft without blocks', async () => {
    mockAs(coordinator, {
      'POST /api/institutions/inst-lake/offerings/off-draft/status': {
        status: 409,
        body: {
          error: {
            code: 'failed_precondition',
            field: 'status',
            message: 'add at least one block (dates and seats) before publishing',
          },
        },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-draft');
    const publishing = await screen.findByRole('region', { name: 'Publishing' });
    expect(publishing).toHaveTextContent('Draft');
    await user.click(within(publishing).getByRole('button', { name: 'Publish' }));
    expect(await within(publishing).findByRole('alert')).toHaveTextContent(
      'add at least one block (dates and seats) before publishing',
    );
  });

  it('adds a block with the server naming a bad date next to its input', async () => {
    const fetchMock = mockAs(coordinator, {
      'POST /api/institutions/inst-lake/offerings/off-draft/blocks': {
        status: 400,
        body: { error: { code: 'invalid_argument', field: 'deadline', message: 'deadline must be before start_date' } },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-draft');
    const form = await screen.findByRole('form', { name: 'Add a block' });
    await user.type(within(form).getByLabelText(/^Starts/), '2027-03-01');
    await user.type(within(form).getByLabelText(/^Ends/), '2027-03-28');
    await user.type(within(form).getByLabelText(/^Seats/), '3');
    await user.type(within(form).getByLabelText(/^Applications open/), '2026-11-01');
    await user.type(within(form).getByLabelText(/^Deadline/), '2027-03-05');
    await user.click(within(form).getByRole('button', { name: 'Add block' }));
    const deadline = within(form).getByLabelText(/^Deadline/);
    await vi.waitFor(() => expect(deadline).toHaveAttribute('aria-invalid', 'true'));
    expect(deadline).toHaveAccessibleDescription(/deadline must be before start_date/);
    expect(bodyOf(fetchMock, 'POST', '/api/institutions/inst-lake/offerings/off-draft/blocks')).toEqual({
      start_date: '2027-03-01',
      end_date: '2027-03-28',
      seats: 3,
      opens_on: '2026-11-01',
      deadline: '2027-03-05',
    });
  });
});
