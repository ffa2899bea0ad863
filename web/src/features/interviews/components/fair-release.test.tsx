import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { offering } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, coordinator, healthOk, sessionAs } from '@/testing/users';
import { rankedSlotIds } from './preference-ranking';

const offeringBase = '/api/institutions/inst-lake/offerings/off-cardio';
const slot = (id: string, startsAt: string, localTime: string) => ({
  id,
  starts_at: startsAt,
  ends_at: startsAt,
  local_date: '2099-02-01',
  local_time: localTime,
  time_zone: 'America/Chicago',
  minutes: 30,
  format: 'video',
  location: 'https://meet.example.org/card',
  interviewers: 'Dr. Okafor',
  capacity: 1,
  booked: 0,
  full: false,
  bookings: [],
});
const release = (extra: Record<string, unknown> = {}) => ({
  mode: 'first_come',
  release_at: '',
  window_minutes: 0,
  preference_deadline: '',
  seed: '',
  assigned_at: '',
  version: 0,
  ...extra,
});
const applicantRelease = (extra: Record<string, unknown> = {}) => ({
  mode: 'preferences',
  release_at: '',
  turn: -1,
  turn_opens_at: '',
  preference_deadline: '2099-01-20T23:00:00Z',
  assigned: false,
  can_rank: true,
  preferences: [],
  ...extra,
});
const interview = (rel: unknown) => ({
  application_id: 'app-1',
  status: 'interview',
  invited: true,
  offering_title: 'Cardiology Elective',
  institution_name: 'Lakeshore University Medical Center',
  time_zone: 'America/Chicago',
  cutoff_hours: 24,
  slots: [slot('s1', '2099-02-01T15:00:00Z', '09:00'), slot('s2', '2099-02-01T15:30:00Z', '09:30')],
  release: rel,
  booking: null,
});

function bodies(fetchMock: ReturnType<typeof mockFetch>, key: string) {
  return fetchMock.mock.calls
    .filter(([url, init]) => `${init?.method ?? 'GET'} ${String(url)}` === key)
    .map(([, init]) => ((init as RequestInit).body ? (JSON.parse((init as RequestInit).body as string) as unknown) : undefined));
}

describe('fair release for coordinators', () => {
  it('saves preferences mode with the version read, runs the assignment and nudges who has not booked', async () => {
    let current = release();
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(coordinator),
      'GET /api/offerings/off-cardio': { body: offering },
      [`GET ${offeringBase}/interview-slots`]: () => ({
        body: {
          time_zone: 'America/Chicago',
          slots: [slot('s1', '2099-02-01T15:00:00Z', '09:00')],
          not_booked: [{ application_id: 'app-2', applicant_name: 'Ana Souza', turn_opens_at: '', ranked: 2 }],
          release: current,
        },
      }),
      [`PUT ${offeringBase}/interview-release`]: () => {
        current = release({ mode: 'preferences', preference_deadline: '2099-01-20T23:00:00Z', version: 1 });
        return { body: current };
      },
      [`POST ${offeringBase}/interview-assignment`]: { body: { seed: '42', assigned: [{ application_id: 'app-2', applicant_name: 'Ana Souza', slot_id: 's1', starts_at: '2099-02-01T15:00:00Z' }], unassigned: [] } },
      [`POST ${offeringBase}/interview-nudges`]: { body: { sent: 1 } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/institutions/inst-lake/offerings/off-cardio/interviews');
    const form = await screen.findByRole('form', { name: 'Fair release' });
    await user.selectOptions(within(form).getByRole('combobox', { name: 'How invited applicants get a slot' }), 'preferences');
    await user.type(within(form).getByLabelText(/^Preference deadline date/), '2099-01-20');
    await user.clear(within(form).getByLabelText(/^Deadline time/));
    await user.type(within(form).getByLabelText(/^Deadline time/), '17:00');
    await user.click(within(form).getByRole('button', { name: 'Save fair release' }));
    expect(await screen.findByRole('button', { name: 'Run the assignment' })).toBeInTheDocument();
    expect(bodies(fetchMock, `PUT ${offeringBase}/interview-release`)).toEqual([
      { mode: 'preferences', deadline_date: '2099-01-20', deadline_time: '17:00', version: 0 },
    ]);
    expect(screen.getByText('ranked 2 slots')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Run the assignment' }));
    expect(await screen.findByText('Assigned 1; without a slot 0 (seed 42).')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Nudge Ana Souza' }));
    expect(await screen.findByText('Reminder sent to 1 applicant.')).toBeInTheDocument();
    expect(bodies(fetchMock, `POST ${offeringBase}/interview-nudges`)).toEqual([{ application_ids: ['app-2'] }]);
  });
});

describe('fair release for applicants', () => {
  it('ranks slots without ties and sends them best first', async () => {
    const fetchMock = mockFetch({
      ...healthOk,
      ...sessionAs(applicant),
      'GET /api/applications/app-1/interview': { body: interview(applicantRelease()) },
      'PUT /api/applications/app-1/interview/preferences': { body: { application_id: 'app-1', release: applicantRelease({ preferences: ['s2', 's1'] }) } },
    });
    const user = userEvent.setup();
    renderRoutes(routes, '/applications/app-1/interview');
    const form = await screen.findByRole('form', { name: 'Rank the times you can make' });
    expect(screen.queryByRole('form', { name: 'Choose a time' })).not.toBeInTheDocument();
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Rank for slot 2099-02-01 09:00' }), '1');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Rank for slot 2099-02-01 09:30' }), '1');
    await user.click(within(form).getByRole('button', { name: 'Save my ranking' }));
    expect(await within(form).findByText('Each choice number can be used once.')).toBeInTheDocument();
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Rank for slot 2099-02-01 09:00' }), '2');
    await user.click(within(form).getByRole('button', { name: 'Save my ranking' }));
    await vi.waitFor(() => expect(bodies(fetchMock, 'PUT /api/applications/app-1/interview/preferences')).toEqual([{ slot_ids: ['s2', 's1'] }]));
  });

  it('tells an applicant when their randomized turn opens and still shows the times', async () => {
    mockFetch({
      ...healthOk,
      ...sessionAs(applicant),
      'GET /api/applications/app-1/interview': {
        body: interview(applicantRelease({ mode: 'randomized', release_at: '2099-01-16T15:00:00Z', turn: 2, turn_opens_at: '2099-01-16T15:20:00Z', preference_deadline: '', can_rank: false })),
      },
    });
    renderRoutes(routes, '/applications/app-1/interview');
    expect(await screen.findByText(/Your turn opens/)).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Choose a time' })).toBeInTheDocument();
  });

  it('orders ranks and refuses ties', () => {
    expect(rankedSlotIds({ a: '2', b: '1', c: '' })).toEqual(['b', 'a']);
    expect(rankedSlotIds({ a: '1', b: '1' })).toBeNull();
  });
});
