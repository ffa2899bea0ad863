import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { offering } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { coordinator, healthOk, sessionAs } from '@/testing/users';

const base = '/api/institutions/inst-lake';
const rubric = [{ key: 'fit', label: 'Fit', weight: 100 }];
const row = (id: string, name: string, rank: number) => ({
  application_id: id,
  applicant: { id: `u-${id}`, name },
  school: { name: 'Hanoi Medical University', country: 'VN' },
  exams: '',
  status: 'waitlisted',
  version: 2,
  submitted_at: '2027-01-15T08:00:00Z',
  score_count: 0,
  score_average: null,
  score_spread: null,
  waitlist_rank: rank,
  compliance_cleared: true,
  unread: 0,
});

describe('waitlist panel', () => {
  it('moves an applicant up and saves the whole order', async () => {
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(coordinator),
      'GET /api/offerings/off-cardio': { body: offering },
      [`GET ${base}/offerings/off-cardio/review?sort=submitted&offset=0`]: { body: { items: [], total: 0, rubric } },
      [`GET ${base}/offerings/off-cardio/review?status=waitlisted&sort=waitlist&limit=200`]: {
        body: { items: [row('a1', 'Ana Souza', 1), row('a2', 'Raj Iyer', 2)], total: 2, rubric },
      },
      [`PUT ${base}/offerings/off-cardio/waitlist`]: { status: 204, body: null },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/review');
    const table = await screen.findByRole('table', { name: 'Waitlist in rank order' });
    expect(screen.getByRole('button', { name: 'Save waitlist order' })).toBeDisabled();
    await user.click(within(table).getByRole('button', { name: 'Move Raj Iyer up' }));
    const names = within(table)
      .getAllByRole('row')
      .slice(1)
      .map((r) => within(r).getByRole('link').textContent);
    expect(names).toEqual(['Raj Iyer', 'Ana Souza']);
    await user.click(screen.getByRole('button', { name: 'Save waitlist order' }));
    expect(await screen.findByText('Waitlist order saved.')).toBeInTheDocument();
    const sent = fetchMock.mock.calls
      .filter(([url, init]) => String(url).endsWith('/waitlist') && init?.method === 'PUT')
      .map(([, init]) => JSON.parse(init?.body as string));
    expect(sent).toEqual([{ application_ids: ['a2', 'a1'] }]);
  });
});
