import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { mockFetch, renderRoutes } from '@/testing/render';
import { healthOk, reviewer, sessionAs } from '@/testing/users';

const base = '/api/institutions/inst-lake';
const rubric = [
  { key: 'academics', label: 'Academics', weight: 30 },
  { key: 'clinical_experience', label: 'Clinical experience', weight: 30 },
  { key: 'letters', label: 'Letters', weight: 20 },
  { key: 'fit', label: 'Fit', weight: 20 },
];
const card = (who: string, name: string, total: number, extra: Record<string, unknown> = {}) => ({
  booking_id: 'b1',
  interviewer_id: who,
  interviewer_name: name,
  scores: { academics: 4, clinical_experience: 4, letters: 4, fit: 4 },
  total,
  recommendation: 'yes',
  notes: `Notes of ${name}`,
  status: 'submitted',
  version: 2,
  submitted_at: '2027-02-01T16:00:00Z',
  updated_at: '2027-02-01T16:00:00Z',
  ...extra,
});
const detail = (scorecards: unknown[]) => ({
  id: 'app-1',
  applicant_id: 'u-app-1',
  offering_id: 'off-cardio',
  offering_title: 'Cardiology Elective',
  status: 'interview',
  status_reason: '',
  version: 3,
  submitted_at: '2027-01-15T08:00:00Z',
  block_ids: ['blk-1'],
  snapshot: null,
  documents: [],
  rubric,
  scores: [],
  score_count: 0,
  score_average: null,
  score_spread: null,
  waitlist_rank: null,
  timeline: [],
  allowed_events: [],
  interview: {
    booking_id: 'b1',
    starts_at: '2027-02-01T15:00:00Z',
    interviewers: 'Dr. Okafor',
    scorecards,
    submitted_count: scorecards.filter((c) => (c as { status: string }).status === 'submitted').length,
    average: 90,
  },
  unread: 0,
});

function putBodies(fetchMock: ReturnType<typeof mockFetch>) {
  return fetchMock.mock.calls
    .filter(([url, init]) => String(url).endsWith('/scorecard') && init?.method === 'PUT')
    .map(([, init]) => JSON.parse((init as RequestInit).body as string) as unknown);
}

describe('interview scorecards in the application view', () => {
  it('shows each interviewer’s total and the average, and submits the reviewer’s card with the version read', async () => {
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(reviewer),
      [`GET ${base}/applications/app-1`]: {
        body: detail([card('u-a', 'Dr. Okafor', 80), card('u-b', 'Dr. Lee', 100, { recommendation: 'strong_yes' }), card('u-rev', 'Me', 60, { status: 'draft', version: 1, recommendation: '' })]),
      },
      [`GET ${base}/applications/app-1/messages`]: { body: { items: [] } },
      [`PUT ${base}/applications/app-1/scorecard`]: { status: 409, body: { error: { code: 'conflict', message: 'changed by someone else; reload', field: 'version' } } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/applications/app-1');
    const section = await screen.findByRole('region', { name: 'Interview' });
    expect(within(section).getByText('Interview average 90.0 · 2 interviewers')).toBeInTheDocument();
    const table = within(section).getByRole('table', { name: 'Interview scorecards' });
    expect(within(table).getAllByRole('row')).toHaveLength(3);  // header + the two submitted; my draft is not listed
    expect(table).toHaveTextContent('Dr. Lee100.0Strong yes');
    expect(table).not.toHaveTextContent('Notes of Me');

    const form = within(section).getByRole('form', { name: 'Your interview scorecard' });
    expect(within(form).getByText('Draft')).toBeInTheDocument();
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Interview: Fit (weight 20)' }), '5');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Recommendation' }), 'yes');
    await user.click(within(form).getByRole('button', { name: 'Submit scorecard' }));
    expect(await within(form).findByText('changed by someone else; reload')).toBeInTheDocument();
    expect(putBodies(fetchMock)).toEqual([
      { scores: { academics: 4, clinical_experience: 4, letters: 4, fit: 5 }, recommendation: 'yes', notes: 'Notes of Me', submit: true, version: 1 },
    ]);
  });

  it('saves a first draft with version 0 and shows no section without an interview', async () => {
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(reviewer),
      [`GET ${base}/applications/app-1`]: { body: detail([]) },
      [`GET ${base}/applications/app-1/messages`]: { body: { items: [] } },
      [`PUT ${base}/applications/app-1/scorecard`]: { body: card('u-rev', 'Me', 24, { status: 'draft', version: 1, scores: { academics: 4 } }) },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/applications/app-1');
    const form = await screen.findByRole('form', { name: 'Your interview scorecard' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Interview: Academics (weight 30)' }), '4');
    await user.click(within(form).getByRole('button', { name: 'Save draft' }));
    await vi.waitFor(() =>
      expect(putBodies(fetchMock)).toEqual([{ scores: { academics: 4 }, recommendation: '', notes: '', submit: false, version: 0 }]),
    );
  });

  it('offers the form first to the named interviewers; other staff can still score from a button', async () => {
    const named = (you: boolean) => ({
      ...detail([]),
      interview: {
        ...detail([]).interview,
        interviewers: 'Dr. Rivera, Dr. Okafor',
        interviewer_accounts: [{ user_id: 'u-rivera', name: 'Dr. Rivera' }],
        you_interview: you,
      },
    });
    mockFetch({
      ...healthOk,
      ...sessionAs(reviewer),
      [`GET ${base}/applications/app-1`]: { body: named(false) },
      [`GET ${base}/applications/app-1/messages`]: { body: { items: [] } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/applications/app-1');
    const section = await screen.findByRole('region', { name: 'Interview' });
    expect(within(section).getByText(/The interviewers \(Dr\. Rivera\) fill the scorecard/)).toBeInTheDocument();
    expect(within(section).queryByRole('form', { name: 'Your interview scorecard' })).not.toBeInTheDocument();
    await user.click(within(section).getByRole('button', { name: 'Score this interview anyway' }));
    expect(within(section).getByRole('form', { name: 'Your interview scorecard' })).toBeInTheDocument();
  });

  it('shows the form at once to a named interviewer', async () => {
    mockFetch({
      ...healthOk,
      ...sessionAs(reviewer),
      [`GET ${base}/applications/app-1`]: {
        body: {
          ...detail([]),
          interview: { ...detail([]).interview, interviewer_accounts: [{ user_id: 'u-rev', name: 'Ravi Reviewer' }], you_interview: true },
        },
      },
      [`GET ${base}/applications/app-1/messages`]: { body: { items: [] } },
    });
    renderRoutes(routes, '/institutions/inst-lake/applications/app-1');
    expect(await screen.findByRole('form', { name: 'Your interview scorecard' })).toBeInTheDocument();
    expect(screen.getByText('You are an interviewer of this interview.')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Score this interview anyway' })).not.toBeInTheDocument();
  });
});
