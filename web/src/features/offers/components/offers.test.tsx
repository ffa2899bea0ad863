import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { offering } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, coordinator, healthOk, sessionAs } from '@/testing/users';
import { timeLeft } from './applicant-offers';

const base = '/api/institutions/inst-lake';
const block = { id: 'blk-1', start_date: '2027-03-01', end_date: '2027-03-28', seats: 2, filled: 1, seats_left: 1, pending_offers: 1 };
const offer = (extra: Record<string, unknown> = {}) => ({
  id: 'of-1',
  application_id: 'app-1',
  offering_id: 'off-cardio',
  offering_title: 'Cardiology Elective',
  institution_name: 'Lakeshore University Medical Center',
  time_zone: 'America/Chicago',
  block,
  status: 'pending',
  expires_at: '2099-01-22T08:00:00Z',
  reason: '',
  from_waitlist: false,
  placement_id: '',
  version: 1,
  created_at: '2027-01-15T08:00:00Z',
  ...extra,
});
const application = {
  id: 'app-1',
  offering_id: 'off-cardio',
  offering_title: 'Cardiology Elective',
  institution_id: 'inst-lake',
  institution_name: 'Lakeshore University Medical Center',
  time_zone: 'America/Chicago',
  status: 'offer',
  status_reason: '',
  blocks: [{ id: 'blk-1', start_date: '2027-03-01', end_date: '2027-03-28' }],
  created_at: '2027-01-10T16:00:00Z',
  submitted_at: '2027-01-10T16:00:00Z',
  updated_at: '2027-01-15T08:00:00Z',
  timeline: [],
  checklist: [],
};
const staffDetail = {
  id: 'app-1',
  applicant_id: 'u-app-1',
  offering_id: 'off-cardio',
  offering_title: 'Cardiology Elective',
  status: 'under_review',
  status_reason: '',
  version: 3,
  submitted_at: '2027-01-15T08:00:00Z',
  block_ids: ['blk-1'],
  snapshot: null,
  documents: [],
  rubric: [],
  scores: [],
  score_count: 0,
  score_average: null,
  score_spread: null,
  waitlist_rank: null,
  timeline: [],
  allowed_events: ['waitlist', 'reject'],
  unread: 0,
};
const board = (extra: Record<string, unknown> = {}) => ({
  settings: { expiry_days: 7, waitlist_promotion: 'auto' },
  blocks: [{ ...block, waitlist: ['app-9'] }],
  offers: [{ ...offer({ application_id: 'app-2' }), applicant_name: 'Ana Souza' }],
  placements: [
    { id: 'pl-1', application_id: 'app-3', applicant_id: 'u-3', block_id: 'blk-1', source: 'offer', status: 'scheduled', status_reason: '', start_date: '2027-03-01', end_date: '2027-03-28', applicant_name: 'Raj Patel' },
  ],
  ...extra,
});

function bodies(fetchMock: ReturnType<typeof mockFetch>, suffix: string) {
  return fetchMock.mock.calls
    .filter(([url, init]) => String(url).endsWith(suffix) && init?.method === 'POST')
    .map(([, init]) => JSON.parse((init as RequestInit).body as string) as unknown);
}

describe('offers', () => {
  it('counts down to the expiry', () => {
    const now = new Date('2027-01-15T08:00:00Z');
    expect(timeLeft(new Date('2027-01-17T12:00:00Z'), now)).toBe('2 days 4 hours left');
    expect(timeLeft(new Date('2027-01-15T09:30:00Z'), now)).toBe('1 hour 30 min left');
    expect(timeLeft(new Date('2027-01-15T07:00:00Z'), now)).toBe('expired');
  });

  it('lets the applicant accept (declining other offers) and says clearly when the seat is gone', async () => {
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(applicant),
      'GET /api/offerings/off-cardio': { body: offering },
      'GET /api/applications/app-1': { body: application },
      'GET /api/applications/app-1/offers': { body: { items: [offer()] } },
      'POST /api/offers/of-1/accept': {
        status: 409,
        body: { error: { code: 'conflict', message: 'no seat left: the last seat of this block was just taken; you are now first on its waitlist' } },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/applications/app-1');
    const region = await screen.findByRole('region', { name: 'Offer' }, { timeout: 5000 });
    expect(region).toHaveTextContent('Lakeshore University Medical Center offers you a seat');
    expect(region).toHaveTextContent(/CST at the institution|\(your time\)/);
    expect(within(region).getByLabelText('Time left')).toHaveTextContent(/days? .* left/);
    await user.click(within(region).getByRole('checkbox', { name: 'Decline my other pending offers' }));
    await user.click(within(region).getByRole('button', { name: 'Accept the offer' }));
    expect(await within(region).findByText(/no seat left/)).toBeInTheDocument();
    expect(bodies(fetchMock, '/offers/of-1/accept')).toEqual([{ decline_other_offers: true }]);
  });

  it('shows the coordinator the seats left, warns when pending offers cover them, and offers a block', async () => {
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(coordinator),
      [`GET ${base}/applications/app-1`]: { body: staffDetail },
      [`GET ${base}/applications/app-1/messages`]: { body: { items: [] } },
      [`GET ${base}/applications/app-1/offers`]: { body: { items: [] } },
      [`GET ${base}/offerings/off-cardio/offers`]: { body: board() },
      [`POST ${base}/applications/app-1/offers`]: { status: 201, body: offer() },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/applications/app-1');
    const form = await screen.findByRole('form', { name: 'Offer a seat' }, { timeout: 5000 });
    expect(within(form).getByRole('combobox', { name: 'Block' })).toHaveTextContent('1 of 2 seats left, 1 pending offer');
    expect(within(form).getByText('Pending offers already cover the free seats')).toBeInTheDocument();
    const days = within(form).getByRole('textbox', { name: /Days to answer/ });
    await user.clear(days);
    await user.type(days, '5');
    await user.click(within(form).getByRole('button', { name: 'Offer a seat' }));
    await vi.waitFor(() => expect(bodies(fetchMock, '/applications/app-1/offers')).toEqual([{ block_id: 'blk-1', expiry_days: 5 }]));
  });

  it('lists seats, offers and placements and cancels a placement only with a reason', async () => {
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(coordinator),
      'GET /api/offerings/off-cardio': { body: offering },
      [`GET ${base}/offerings/off-cardio/offers`]: { body: board() },
      [`POST ${base}/placements/pl-1/cancel`]: { body: { id: 'pl-1', application_id: 'app-3', applicant_id: 'u-3', block_id: 'blk-1', source: 'offer', status: 'cancelled', status_reason: 'Visa refused', start_date: '2027-03-01', end_date: '2027-03-28' } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/offers');
    const offers = await screen.findByRole('table', { name: /Offers \(1\)/ }, { timeout: 5000 });
    expect(within(offers).getByRole('row', { name: /Ana Souza/ })).toHaveTextContent('Waiting for the applicant');
    await user.click(screen.getByRole('button', { name: 'Cancel the placement of Raj Patel' }));
    const form = screen.getByRole('form', { name: 'Cancel the placement of Raj Patel' });
    await user.click(within(form).getByRole('button', { name: 'Confirm: cancel the placement' }));
    expect(within(form).getByText('Write the reason')).toBeInTheDocument();
    expect(bodies(fetchMock, '/placements/pl-1/cancel')).toEqual([]);
    await user.type(within(form).getByLabelText(/^Reason/), 'Visa refused');
    await user.click(within(form).getByRole('button', { name: 'Confirm: cancel the placement' }));
    await vi.waitFor(() => expect(bodies(fetchMock, '/placements/pl-1/cancel')).toEqual([{ reason: 'Visa refused' }]));
  });
});
