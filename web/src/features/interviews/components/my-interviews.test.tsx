import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { offering } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, coordinator, healthOk, reviewer, sessionAs } from '@/testing/users';

const slot = {
  id: 's1',
  starts_at: '2099-02-01T15:00:00Z',
  ends_at: '2099-02-01T15:30:00Z',
  local_date: '2099-02-01',
  local_time: '09:00',
  time_zone: 'America/Chicago',
  minutes: 30,
  format: 'video',
  location: 'https://meet.example.org/card',
  interviewers: 'Dr. Outside',
  interviewer_names: 'Ravi Reviewer, Dr. Outside',
  interviewer_ids: ['u-rev'],
  interviewer_accounts: [{ user_id: 'u-rev', name: 'Ravi Reviewer' }],
  capacity: 1,
  booked: 1,
};

const item = {
  booking_id: 'b1',
  application_id: 'app-1',
  institution_id: 'inst-lake',
  institution_name: 'Lakeshore University Medical Center',
  offering_title: 'Cardiology Elective',
  applicant_name: 'Ana Souza',
  slot,
  ended: false,
  scorecard_status: '',
  review_url: '/institutions/inst-lake/applications/app-1',
  scorecard_url: '/institutions/inst-lake/applications/app-1#interview-scorecard',
};

describe('My interviews', () => {
  it('lists the interviews the staff member conducts with links to the review and the scorecard', async () => {
    mockFetch({ ...healthOk, ...sessionAs(reviewer), 'GET /api/me/interviews': { body: { items: [item] } } });
    renderRoutes(routes, '/my-interviews');
    const table = await screen.findByRole('table', { name: 'My interviews (1)' });
    const row = within(table).getAllByRole('row')[1]!;
    expect(within(row).getByRole('link', { name: 'Ana Souza' })).toHaveAttribute('href', '/institutions/inst-lake/applications/app-1');
    expect(within(row).getByRole('link', { name: 'Scorecard for Ana Souza' })).toHaveAttribute(
      'href',
      '/institutions/inst-lake/applications/app-1#interview-scorecard',
    );
    expect(row).toHaveTextContent('Ravi Reviewer, Dr. Outside');
    expect(row).toHaveTextContent('Not started');
    expect(row).toHaveTextContent(/in Chicago|Chicago time/);
  });

  it('says so when nothing names the user', async () => {
    mockFetch({ ...healthOk, ...sessionAs(reviewer), 'GET /api/me/interviews': { body: { items: [] } } });
    renderRoutes(routes, '/my-interviews');
    expect(await screen.findByText('No upcoming interviews name you as an interviewer.')).toBeInTheDocument();
  });

  it('is not shown to an applicant', async () => {
    const fetchMock = mockFetch({ ...healthOk, ...sessionAs(applicant) });
    renderRoutes(routes, '/my-interviews');
    expect(await screen.findByRole('heading', { name: 'Not allowed' })).toBeInTheDocument();
    expect(fetchMock.mock.calls.some(([url]) => String(url).endsWith('/api/me/interviews'))).toBe(false);
  });
});

describe('choosing staff interviewers when publishing', () => {
  it('sends the chosen staff accounts as interviewer_ids and shows the server reason', async () => {
    const slotsPath = '/api/institutions/inst-lake/offerings/off-cardio/interview-slots';
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(coordinator),
      'GET /api/offerings/off-cardio': { body: offering },
      [`GET ${slotsPath}`]: { body: { time_zone: 'America/Chicago', slots: [], not_booked: [] } },
      'GET /api/institutions/inst-lake/staff': {
        body: {
          items: [
            { membership_id: 'm-1', user_id: 'u-coord', email: 'c@x', display_name: 'Lena Coordinator', role: 'coordinator', created_at: '' },
            { membership_id: 'm-2', user_id: 'u-rev', email: 'r@x', display_name: 'Ravi Reviewer', role: 'reviewer', created_at: '' },
            { membership_id: 'm-3', user_id: 'u-rev', email: 'r@x', display_name: 'Ravi Reviewer', role: 'preceptor', created_at: '' },
          ],
        },
      },
      [`POST ${slotsPath}`]: {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'not a staff account of this institution', field: 'interviewer_ids[0]' } },
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/interviews');
    const form = await screen.findByRole('form', { name: 'Publish interview slots' });
    const reviewerBox = await within(form).findByRole('checkbox', { name: 'Ravi Reviewer (reviewer, preceptor)' });
    await user.click(reviewerBox);
    await user.type(within(form).getByLabelText(/^Date/), '2027-02-01');
    await user.type(within(form).getByLabelText(/^Video link/), 'https://meet.example.org/card');
    await user.type(within(form).getByLabelText(/^Interviewers/), 'Dr. Outside');
    await user.click(within(form).getByRole('button', { name: 'Publish' }));
    expect(await within(form).findByText('not a staff account of this institution')).toBeInTheDocument();
    const posts = fetchMock.mock.calls
      .filter(([url, init]) => String(url) === slotsPath && init?.method === 'POST')
      .map(([, init]) => JSON.parse((init as RequestInit).body as string) as Record<string, unknown>);
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ interviewer_ids: ['u-rev'], interviewers: 'Dr. Outside', date: '2027-02-01' });
  });
});
