import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { offering } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { coordinator, healthOk, reviewer, sessionAs } from '@/testing/users';
import type { User } from '@/features/auth/api/session-schema';

const base = '/api/institutions/inst-lake';
const rubric = [
  { key: 'academics', label: 'Academics', weight: 30 },
  { key: 'clinical_experience', label: 'Clinical experience', weight: 30 },
  { key: 'letters', label: 'Letters', weight: 20 },
  { key: 'fit', label: 'Fit', weight: 20 },
];
const row = (id: string, name: string, extra: Record<string, unknown> = {}) => ({
  application_id: id,
  applicant: { id: `u-${id}`, name },
  school: { name: 'Hanoi Medical University', country: 'VN' },
  exams: 'usmle_step1: pass',
  status: 'submitted',
  version: 2,
  submitted_at: '2027-01-15T08:00:00Z',
  score_count: 0,
  score_average: null,
  score_spread: null,
  waitlist_rank: null,
  compliance_cleared: true,
  unread: 0,
  ...extra,
});
const detail = {
  id: 'app-1',
  applicant_id: 'u-app-1',
  offering_id: 'off-cardio',
  offering_title: 'Cardiology Elective',
  status: 'under_review',
  status_reason: '',
  version: 3,
  submitted_at: '2027-01-15T08:00:00Z',
  block_ids: ['blk-1'],
  snapshot: { applicant_name: 'Minh Nguyen', school: { name: 'Hanoi Medical University', country: 'VN' }, exams: 'usmle_step1: pass', created_at: '2027-01-15T08:00:00Z', profile: {} },
  documents: [],
  rubric,
  scores: [{ reviewer_id: 'u-other', reviewer_name: 'Other Reviewer', scores: { academics: 5, clinical_experience: 5, letters: 5, fit: 5 }, total: 100, note: 'Excellent', version: 1, updated_at: '2027-01-16T08:00:00Z' }],
  score_count: 1,
  score_average: 100,
  score_spread: 0,
  waitlist_rank: null,
  timeline: [{ id: 'e1', kind: 'status', event: 'submit', from: 'draft', to: 'submitted', actor_kind: 'applicant', detail: '', created_at: '2027-01-15T08:00:00Z' }],
  allowed_events: ['request_info', 'invite_interview', 'waitlist', 'reject', 'offer'],
  unread: 0,
};

function calls(fetchMock: ReturnType<typeof mockFetch>, suffix: string) {
  return fetchMock.mock.calls
    .filter(([url, init]) => String(url).endsWith(suffix) && init?.method && init.method !== 'GET')
    .map(([, init]) => JSON.parse((init as RequestInit).body as string) as unknown);
}

function mock(user: User, overrides: Record<string, unknown> = {}) {
  return mockFetch({
    ...healthOk,
    ...sessionAs(user),
    'GET /api/offerings/off-cardio': { body: offering },
    [`GET ${base}/offerings/off-cardio/review?sort=submitted&offset=0`]: {
      body: { items: [row('app-1', 'Minh Nguyen', { unread: 2 }), row('app-2', 'Ana Souza', { score_count: 2, score_average: 72.5, score_spread: 10 })], total: 2, rubric },
    },
    [`GET ${base}/offerings/off-cardio/review?status=waitlisted&sort=waitlist&limit=200`]: { body: { items: [], total: 0, rubric } },
    [`GET ${base}/offerings/off-cardio/review?sort=submitted&offset=0&q=ana`]: { body: { items: [row('app-2', 'Ana Souza')], total: 1, rubric } },
    [`POST ${base}/bulk-transition`]: {
      body: { items: [{ application_id: 'app-1', ok: true, status: 'rejected' }, { application_id: 'app-2', ok: false, status_code: 409, error: { code: 'conflict', message: 'an application that is rejected cannot be rejected' } }], succeeded: 1, failed: 1 },
    },
    [`GET ${base}/applications/app-1`]: { body: detail },
    [`GET ${base}/applications/app-1/messages`]: { body: { items: [] } },
    [`POST ${base}/applications/app-1/transition`]: { body: { id: 'app-1', status: 'rejected', status_reason: '', version: 4, updated_at: '' } },
    [`PUT ${base}/applications/app-1/score`]: { status: 409, body: { error: { code: 'conflict', message: 'changed by someone else; reload' } } },
    ...overrides,
  });
}

describe('review queue', () => {
  it('lists applications with scores and unread messages, searches, and reports bulk results one by one', async () => {
    const fetchMock = mock(coordinator);
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/review');
    const table = await screen.findByRole('table', { name: /Applications \(2\)/ });
    const minh = within(table).getByRole('row', { name: /Minh Nguyen/ });
    expect(within(minh).getByLabelText('2 unread messages')).toBeInTheDocument();
    expect(within(table).getByRole('row', { name: /Ana Souza/ })).toHaveTextContent('72.5 (±10.0, 2)');

    await user.click(within(table).getByRole('checkbox', { name: 'Select all on this page' }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Action for the selected applications' }), 'reject');
    await user.click(screen.getByRole('button', { name: 'Apply to 2 selected' }));
    expect(await screen.findByText('1 done, 1 not changed')).toBeInTheDocument();
    expect(screen.getByText('an application that is rejected cannot be rejected')).toBeInTheDocument();
    expect(calls(fetchMock, '/bulk-transition')).toEqual([{ event: 'reject', application_ids: ['app-1', 'app-2'] }]);

    await user.type(screen.getByRole('textbox', { name: 'Search by name' }), 'ana');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(await screen.findByRole('table', { name: /Applications \(1\)/ })).toBeInTheDocument();
  });

  it('offers a reviewer only moving to review in bulk', async () => {
    mock(reviewer);
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/review');
    await screen.findByRole('table', { name: /Applications/ });
    const select = screen.getByRole('combobox', { name: 'Action for the selected applications' });
    expect(within(select).getAllByRole('option').map((o) => o.textContent)).toEqual(['Move to review']);
  });
});

describe('staff application page', () => {
  it('shows scores, decides with the version read, and explains a stale score', async () => {
    const fetchMock = mock(coordinator);
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/applications/app-1');
    expect(await screen.findByRole('heading', { level: 1, name: 'Minh Nguyen' })).toBeInTheDocument();
    expect(screen.getByText(/Average 100.0 · spread 0.0 · 1 reviewers/)).toBeInTheDocument();
    expect(screen.getByText('Excellent')).toBeInTheDocument();
    expect(screen.getByRole('list', { name: 'Timeline' })).toHaveTextContent('Submitted');

    // A question is required before asking for information.
    await user.click(screen.getByRole('button', { name: 'Request information' }));
    const ask = await screen.findByRole('dialog', { name: 'Request information' });
    await user.click(within(ask).getByRole('button', { name: /Confirm/ }));
    expect(within(ask).getByLabelText('Question for the applicant')).toHaveAttribute('aria-invalid', 'true');
    expect(calls(fetchMock, '/transition')).toEqual([]);
    await user.click(within(ask).getByRole('button', { name: 'Close' }));

    await user.click(screen.getByRole('button', { name: 'Reject' }));
    const dialog = await screen.findByRole('dialog', { name: 'Reject' });
    await user.type(within(dialog).getByLabelText(/^Reason/), 'Seats are full.');
    await user.click(within(dialog).getByRole('button', { name: /Confirm/ }));
    await vi.waitFor(() => expect(calls(fetchMock, '/transition')).toEqual([{ event: 'reject', version: 3, reason: 'Seats are full.' }]));

    for (const label of ['Academics (weight 30)', 'Clinical experience (weight 30)', 'Letters (weight 20)', 'Fit (weight 20)']) {
      await user.selectOptions(screen.getByRole('combobox', { name: label }), '4');
    }
    await user.click(screen.getByRole('button', { name: 'Save score' }));
    expect(await screen.findByText('changed by someone else; reload')).toBeInTheDocument();
    expect(calls(fetchMock, '/score')).toEqual([{ scores: { academics: 4, clinical_experience: 4, letters: 4, fit: 4 }, note: '', version: 0 }]);
  });
});
