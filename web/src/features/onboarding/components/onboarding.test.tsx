import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, coordinator, healthOk, sessionAs } from '@/testing/users';

const base = '/api/institutions/inst-lake';

const item = (extra: Record<string, unknown>) => ({
  id: 'i-1',
  kind: 'information',
  title: 'Parking',
  body: 'Garage C, level 3.',
  date: '',
  time: '',
  starts_at: '',
  starts_at_local: '',
  time_zone: 'America/Chicago',
  place: '',
  version: 1,
  text_hash: 'hash-1',
  action: 'acknowledge',
  updated_at: '2027-01-15T08:00:00Z',
  ...extra,
});

const placement = (extra: Record<string, unknown> = {}) => ({
  placement_id: 'pl-1',
  application_id: 'app-1',
  offering_id: 'off-cardio',
  offering_title: 'Cardiology Elective',
  institution_id: 'inst-lake',
  institution_name: 'Lakeshore University Medical Center',
  time_zone: 'America/Chicago',
  block_id: 'blk-1',
  start_date: '2027-03-01',
  end_date: '2027-03-28',
  status: 'scheduled',
  visa_letter: true,
  cleared: false,
  missing: ['TB test: No TB test in the vault.', 'Sign: Confidentiality'],
  compliance: [
    { requirement: 'tb_test', count: 1, state: 'missing', reason: 'No TB test in the vault.', fix_url: '/documents', document_ids: [] },
  ],
  items: [
    item({
      id: 'i-o',
      kind: 'orientation',
      title: 'Orientation',
      body: '',
      date: '2027-03-01',
      time: '08:00',
      starts_at: '2027-03-01T14:00:00Z',
      starts_at_local: '2027-03-01 08:00 CST',
      place: 'Pavilion B',
      state: 'done',
      reason: 'Acknowledged.',
      recorded_at: '2027-01-20T10:00:00Z',
    }),
    item({
      id: 'i-p',
      kind: 'policy',
      title: 'Confidentiality',
      body: 'I keep patient data private.',
      action: 'sign',
      text_hash: 'abc123',
      state: 'missing',
      reason: 'Read and sign this policy.',
      recorded_at: '',
    }),
  ],
  ...extra,
});

function bodies(fetchMock: ReturnType<typeof mockFetch>, suffix: string, method = 'POST') {
  return fetchMock.mock.calls
    .filter(([url, init]) => String(url).endsWith(suffix) && init?.method === method)
    .map(([, init]) => JSON.parse((init as RequestInit).body as string) as unknown);
}

describe('onboarding', () => {
  it('shows the applicant documents and items, the orientation in both zones, and signs a policy only when ticked', async () => {
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(applicant),
      'GET /api/me/onboarding': { body: { items: [placement()] } },
      'POST /api/placements/pl-1/onboarding/i-p': { body: placement({ cleared: true, missing: [] }) },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/onboarding');
    const section = await screen.findByRole('region', { name: 'Cardiology Elective' }, { timeout: 5000 });
    expect(section).toHaveTextContent('2 items left');
    const docs = within(section).getByRole('list', { name: 'Required documents' });
    expect(docs).toHaveTextContent('TB test');
    expect(within(docs).getByRole('link', { name: 'Fix in your documents' })).toHaveAttribute('href', '/documents');
    expect(section).toHaveTextContent(/Mar 1, 2027, 8:00 AM CST/);
    expect(section).toHaveTextContent('Pavilion B');

    const sign = within(section).getByRole('button', { name: 'Sign Confidentiality' });
    expect(sign).toBeDisabled();
    await user.click(within(section).getByRole('checkbox', { name: 'I have read and agree to Confidentiality' }));
    await user.click(sign);
    await vi.waitFor(() =>
      expect(bodies(fetchMock, '/placements/pl-1/onboarding/i-p')).toEqual([
        { action: 'sign', agree: true, text_hash: 'abc123' },
      ]),
    );
    expect(within(section).getByRole('button', { name: 'Download invitation letter (PDF)' })).toBeInTheDocument();
  });

  it('tells the applicant why there is no letter (409 naming the reason)', async () => {
    mockFetch({
      ...healthOk,
      ...sessionAs(applicant),
      'GET /api/me/onboarding': { body: { items: [placement()] } },
      'GET /api/placements/pl-1/visa-letter.pdf': {
        status: 409,
        body: { error: { code: 'conflict', message: 'add your name exactly as in your passport', field: 'passport_name' } },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/onboarding');
    await user.click(await screen.findByRole('button', { name: 'Download invitation letter (PDF)' }, { timeout: 5000 }));
    expect(await screen.findByRole('alert')).toHaveTextContent('add your name exactly as in your passport');
  });

  it('shows the coordinator the board with what is missing and a CSV link', async () => {
    const row = placement({ applicant_name: 'Amina Khan', applicant_email: 'amina@example.org', reminders: [{ days: 14, sent_at: '2027-02-15T08:00:00Z' }] });
    mockFetch({
      ...healthOk,
      ...sessionAs(coordinator),
      [`GET ${base}/onboarding-board`]: { body: { items: [row, placement({ placement_id: 'pl-2', applicant_name: 'Raj Patel', applicant_email: 'raj@example.org', cleared: true, missing: [], reminders: [] })], cleared: 1, total: 2 } },
      [`GET ${base}/offerings`]: { body: { items: [] } },
      [`GET ${base}/letterhead`]: { body: { institution_id: 'inst-lake', address: '', phone: '', signatory_name: '', signatory_title: '', updated_at: '' } },
    });
    renderRoutes(routes, '/institutions/inst-lake/onboarding');
    const table = await screen.findByRole('table', { name: 'Cleared to start' }, { timeout: 5000 });
    const amina = within(table).getByRole('row', { name: /Amina Khan/ });
    expect(amina).toHaveTextContent('Not cleared');
    expect(amina).toHaveTextContent('Sign: Confidentiality');
    expect(amina).toHaveTextContent('14-day reminder');
    expect(within(table).getByRole('row', { name: /Raj Patel/ })).toHaveTextContent('Cleared');
    expect(screen.getByText('1 of 2 cleared')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', `${base}/onboarding-board.csv`);
    expect(screen.getByRole('form', { name: 'Letterhead' })).toBeInTheDocument();
  });

  it('lets the coordinator add a policy and shows the field the server names', async () => {
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(coordinator),
      [`GET ${base}/offerings/off-cardio/onboarding`]: {
        body: { offering_id: 'off-cardio', offering_title: 'Cardiology Elective', time_zone: 'America/Chicago', visa_letter: true, items: [] },
      },
      [`PUT ${base}/offerings/off-cardio/onboarding`]: {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'the title must be at most 200 characters', field: 'items[0].title' } },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/onboarding');
    const form = await screen.findByRole('form', { name: 'Onboarding items' }, { timeout: 5000 });
    await user.click(within(form).getByRole('button', { name: 'Add policy' }));
    await user.type(within(form).getByRole('textbox', { name: /^Title/ }), 'Code of conduct');
    await user.type(within(form).getByRole('textbox', { name: /^Policy text/ }), 'Be kind.');
    await user.click(within(form).getByRole('button', { name: 'Save onboarding items' }));
    await vi.waitFor(() =>
      expect(bodies(fetchMock, '/offerings/off-cardio/onboarding', 'PUT')).toEqual([
        { items: [{ kind: 'policy', title: 'Code of conduct', body: 'Be kind.', date: '', time: '', place: '' }] },
      ]),
    );
    expect(await within(form).findAllByText('the title must be at most 200 characters')).not.toHaveLength(0);
  });
});
