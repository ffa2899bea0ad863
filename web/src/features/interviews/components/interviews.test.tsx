import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { offering } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, coordinator, healthOk, sessionAs } from '@/testing/users';
import type { User } from '@/features/auth/api/session-schema';

const slotsPath = '/api/institutions/inst-lake/offerings/off-cardio/interview-slots';
const slot = (id: string, startsAt: string, extra: Record<string, unknown> = {}) => ({
  id,
  starts_at: startsAt,
  ends_at: startsAt,
  local_date: '2027-02-01',
  local_time: '09:00',
  time_zone: 'America/Chicago',
  minutes: 30,
  format: 'video',
  location: 'https://meet.example.org/card',
  interviewers: 'Dr. Okafor',
  capacity: 2,
  booked: 0,
  ...extra,
});

function bodies(fetchMock: ReturnType<typeof mockFetch>, key: string) {
  return fetchMock.mock.calls
    .filter(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}` === key)
    .map(([, init]) => ((init as RequestInit).body ? (JSON.parse((init as RequestInit).body as string) as unknown) : undefined));
}

function mock(user: User, overrides: Record<string, unknown> = {}) {
  return mockFetch({
    ...healthOk,
    ...sessionAs(user),
    'GET /api/offerings/off-cardio': { body: offering },
    [`GET ${slotsPath}`]: {
      body: {
        time_zone: 'America/Chicago',
        slots: [
          slot('s1', '2027-02-01T15:00:00Z', { booked: 1, bookings: [{ booking_id: 'b1', application_id: 'app-1', applicant_name: 'Minh Nguyen' }] }),
          slot('s2', '2027-02-01T15:30:00Z', { bookings: [] }),
        ],
        not_booked: [{ application_id: 'app-2', applicant_name: 'Ana Souza' }],
      },
    },
    [`POST ${slotsPath}`]: { status: 201, body: { items: [slot('s3', '2027-03-08T15:00:00Z')], count: 60 } },
    ...overrides,
  });
}

describe('coordinator interviews page', () => {
  it('lists slots with bookings and who has not booked, and publishes a weekday pattern', async () => {
    const fetchMock = mock(coordinator);
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/interviews');
    const table = await screen.findByRole('table', { name: 'Interview slots (2)' });
    const booked = within(table).getAllByRole('row')[1]!;
    expect(booked).toHaveTextContent('1/2');
    expect(booked).toHaveTextContent('Minh Nguyen');
    expect(screen.getByRole('link', { name: 'Ana Souza' })).toBeInTheDocument();

    await user.click(screen.getByText('Repeating pattern'));
    const form = screen.getByRole('form', { name: 'Publish interview slots' });
    await user.type(within(form).getByLabelText(/^From/), '2027-03-08');
    await user.type(within(form).getByLabelText(/^To/), '2027-03-19');
    await user.type(within(form).getByLabelText(/^Video link/), 'https://meet.example.org/card');
    await user.click(within(form).getByRole('button', { name: 'Publish' }));
    expect(await screen.findByText('Published 60 slots.')).toBeInTheDocument();
    expect(bodies(fetchMock, `POST ${slotsPath}`)).toEqual([
      {
        minutes: 30,
        format: 'video',
        location: 'https://meet.example.org/card',
        interviewers: '',
        capacity: 1,
        pattern: { from: '2027-03-08', to: '2027-03-19', weekdays: [1, 2, 3, 4, 5], window_start: '09:00', window_end: '12:00' },
      },
    ]);
  });

  it('shows the server reason next to the field it names', async () => {
    mock(coordinator, {
      [`POST ${slotsPath}`]: { status: 400, body: { error: { code: 'invalid_argument', message: 'a video interview needs its link (http:// or https://)', field: 'location' } } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/interviews');
    const form = await screen.findByRole('form', { name: 'Publish interview slots' });
    await user.type(within(form).getByLabelText(/^Date/), '2027-02-01');
    await user.click(within(form).getByRole('button', { name: 'Publish' }));
    expect(await within(form).findByText('a video interview needs its link (http:// or https://)')).toBeInTheDocument();
    expect(within(form).getByLabelText(/^Video link/)).toHaveAttribute('aria-invalid', 'true');
  });
});

const interview = (booking: unknown = null) => ({
  application_id: 'app-1',
  status: 'interview',
  invited: true,
  offering_title: 'Cardiology Elective',
  institution_name: 'Lakeshore University Medical Center',
  time_zone: 'America/Chicago',
  cutoff_hours: 24,
  slots: [slot('s1', '2099-02-01T15:00:00Z', { full: false }), slot('s2', '2099-02-01T15:30:00Z', { full: true })],
  booking,
});

describe('applicant interview page', () => {
  it('books a free slot and then offers the .ics download, reschedule and cancel', async () => {
    const booked = interview({ id: 'b1', sequence: 0, slot: slot('s1', '2099-02-01T15:00:00Z'), change_until: '2099-01-31T15:00:00Z', ics_url: '/api/applications/app-1/interview.ics' });
    let current = interview();
    const fetchMock = mock(applicant, {
      'GET /api/applications/app-1/interview': () => ({ body: current }),
      'POST /api/applications/app-1/interview': () => {
        current = booked;
        return { status: 201, body: booked };
      },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/applications/app-1/interview');
    const form = await screen.findByRole('form', { name: 'Choose a time' });
    expect(within(form).getAllByRole('radio')).toHaveLength(1);  // the full slot is not offered
    expect(within(form).getByRole('radio')).toHaveAccessibleName(/in Chicago/);
    await user.click(within(form).getByRole('radio'));
    await user.click(within(form).getByRole('button', { name: 'Book this time' }));
    expect(await screen.findByRole('heading', { name: 'Your interview' })).toBeInTheDocument();
    expect(bodies(fetchMock, 'POST /api/applications/app-1/interview')).toEqual([{ slot_id: 's1' }]);
    expect(screen.getByRole('link', { name: 'Add to calendar (.ics)' })).toHaveAttribute('href', '/api/applications/app-1/interview.ics');
    expect(screen.getByRole('button', { name: 'Reschedule' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Cancel interview' })).toBeInTheDocument();
  });

  it('explains a refusal from the server', async () => {
    mock(applicant, {
      'GET /api/applications/app-1/interview': { body: interview() },
      'POST /api/applications/app-1/interview': { status: 409, body: { error: { code: 'conflict', message: 'this slot is full; choose another', field: 'slot_id' } } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/applications/app-1/interview');
    const form = await screen.findByRole('form', { name: 'Choose a time' });
    await user.click(within(form).getByRole('radio'));
    await user.click(within(form).getByRole('button', { name: 'Book this time' }));
    expect(await screen.findByText('this slot is full; choose another')).toBeInTheDocument();
  });
});

describe('calendar feed', () => {
  it('makes a private webcal link to copy', async () => {
    mock(applicant, {
      'GET /api/me/calendar-feed': { body: { active: false } },
      'POST /api/me/calendar-feed': { status: 201, body: { active: true, url: 'http://x/api/calendar/t.ics', webcal_url: 'webcal://x/api/calendar/t.ics' } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/account');
    await user.click(await screen.findByRole('button', { name: 'Make my calendar link' }));
    expect(await screen.findByLabelText('Your calendar link')).toHaveValue('webcal://x/api/calendar/t.ics');
    expect(screen.getByRole('button', { name: 'Copy link' })).toBeInTheDocument();
  });
});
