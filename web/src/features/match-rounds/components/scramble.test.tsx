import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { countdown } from '../api/scramble';
import { ApplicantScrambleView, CoordinatorScrambleView } from './scramble';

const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString().replace(/\.\d{3}Z$/, 'Z');

const schedule = {
  application_limit: 10,
  rounds: [
    { id: 's1', number: 1, starts_at: inHours(-1), ends_at: inHours(2), state: 'open' },
    { id: 's2', number: 2, starts_at: inHours(24), ends_at: inHours(27), state: 'upcoming' },
  ],
  current: 's1',
  next: 's2',
  now: inHours(0),
};
const block = {
  block_id: 'b1',
  offering_id: 'o1',
  offering_title: 'Cardiology',
  institution_id: 'i1',
  institution_name: 'Lakeshore',
  start_date: '2027-06-07',
  end_date: '2027-07-04',
  seats: 2,
  seats_left: 1,
};

describe('countdown', () => {
  it('counts down in days, hours, minutes and seconds', () => {
    const now = Date.parse('2027-03-15T12:00:00Z');
    expect(countdown('2027-03-15T14:05:00Z', now)).toBe('2 h 05 min');
    expect(countdown('2027-03-17T13:00:00Z', now)).toBe('2 d 1 h');
    expect(countdown('2027-03-15T12:00:45Z', now)).toBe('45 s');
    expect(countdown('2027-03-15T11:00:00Z', now)).toBe('now');
  });
});

describe('ApplicantScrambleView', () => {
  it('shows the open round with a countdown and applies to a block', async () => {
    let applied = false;
    const fetchMock = mockFetch({
      'GET /api/match-rounds/r1/scramble/me': () => ({
        body: {
          schedule,
          used: applied ? 1 : 0,
          can_apply: true,
          reason: null,
          blocks: [block],
          applications: applied
            ? [{ id: 'sa1', block, application_id: 'a1', application_status: 'submitted', created_at: inHours(0), offer: null }]
            : [],
        },
      }),
      'POST /api/match-rounds/r1/scramble/applications': () => {
        applied = true;
        return { status: 201, body: { id: 'sa1' } };
      },
    });
    renderWithProviders(<ApplicantScrambleView roundId="r1" />);
    expect(await screen.findByText('Scramble round 1 is open')).toBeInTheDocument();
    expect(screen.getByLabelText('time left')).toHaveTextContent(/h/);
    expect(screen.getByText('Applications used: 0 of 10')).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Apply to Cardiology 2027-06-07' }));
    expect(await screen.findByText('Applications used: 1 of 10')).toBeInTheDocument();
    const call = fetchMock.mock.calls.find(([url, init]) => String(url).endsWith('/scramble/applications') && init?.method === 'POST');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ block_id: 'b1' });
    expect(within(screen.getByRole('table', { name: 'Your scramble applications' })).getByText('No offer yet')).toBeInTheDocument();
  });

  it('shows the server reason for a matched applicant', async () => {
    mockFetch({
      'GET /api/match-rounds/r1/scramble/me': {
        status: 403,
        body: { error: { code: 'forbidden', message: 'you matched in this round and hold a placement' } },
      },
    });
    renderWithProviders(<ApplicantScrambleView roundId="r1" />);
    expect(await screen.findByText(/you matched in this round/)).toBeInTheDocument();
  });
});

describe('CoordinatorScrambleView', () => {
  it('lists unfilled blocks with their scramble applicants and makes an offer', async () => {
    const fetchMock = mockFetch({
      'GET /api/institutions/i1/match-rounds/r1/scramble': {
        body: {
          round: { id: 'r1', name: 'Spring' },
          schedule,
          blocks: [
            {
              ...block,
              pending_offers: 0,
              applicants: [
                { id: 'sa1', applicant_id: 'u1', name: 'Kim Park', application_id: 'a1', application_status: 'submitted', created_at: inHours(0), offer: null },
              ],
            },
          ],
        },
      },
      'POST /api/institutions/i1/match-rounds/r1/scramble/offers': { status: 201, body: { id: 'o1' } },
    });
    renderWithProviders(<CoordinatorScrambleView institutionId="i1" roundId="r1" />);
    const section = await screen.findByRole('region', { name: 'Scramble for Cardiology 2027-06-07' });
    expect(within(section).getByText('Kim Park')).toBeInTheDocument();
    await userEvent.setup().click(within(section).getByRole('button', { name: 'Offer Kim Park a seat' }));
    const call = fetchMock.mock.calls.find(([url, init]) => String(url).endsWith('/scramble/offers') && init?.method === 'POST');
    expect(JSON.parse(String(call?.[1]?.body))).toEqual({ scramble_application_id: 'sa1' });
  });
});
