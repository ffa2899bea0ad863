import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { adminRoundSchema } from '../api/match-round-schema';
import { AdminRoundView } from './admin-round';

const draft = adminRoundSchema.parse({
  id: 'r1',
  name: 'Spring match',
  status: 'draft',
  applications_close: '2027-04-30T17:00:00Z',
  rank_lists_due: '2027-05-10T17:00:00Z',
  match_day: '2027-05-15T12:00:00Z',
  matched_at: null,
  published_at: null,
  created_at: '2026-11-27T10:00:00Z',
  blocks: [
    {
      block_id: 'b1',
      offering_id: 'o1',
      offering_title: 'Cardiology',
      institution_id: 'i1',
      institution_name: 'Lakeshore',
      start_date: '2027-06-07',
      end_date: '2027-07-04',
      quota: 1,
      seats: 2,
      seats_left: 2,
    },
  ],
  progress: { applicants: { total: 2, saved: 1, certified: 0 }, programs: { total: 1, saved: 0, certified: 0 }, couples: 0 },
  stats: null,
  stable: null,
  blocking_pairs: [],
  results: null,
});

describe('AdminRoundView', () => {
  it('shows a draft with its blocks, progress and the open button', () => {
    renderWithProviders(<AdminRoundView round={draft} />);
    expect(screen.getByText(/Applicants: 0 of 2 certified/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Open the round' })).toBeInTheDocument();
    expect(screen.getByRole('cell', { name: 'Cardiology' })).toBeInTheDocument();
  });

  it('shows stats and the stability verdict after the run', () => {
    renderWithProviders(
      <AdminRoundView
        round={{
          ...draft,
          status: 'matched',
          stats: { applicants: 2, programs: 1, matched: 1, unfilled_seats: 0, proposals: 2, milliseconds: 0 },
          stable: true,
        }}
      />,
    );
    expect(screen.getByText(/1 of 2 applicants matched/)).toBeInTheDocument();
    expect(screen.getByText('Stable')).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Publish results' })).toBeInTheDocument();
  });

  it('schedules the automatic run on match day and shows the outcome once it ran', async () => {
    let scheduled = false;
    const fetchMock = mockFetch({
      'GET /api/match-rounds/r1/match-day': () => ({ body: { scheduled, claimed_at: null, outcome: null, finished_at: null } }),
      'PUT /api/match-rounds/r1/match-day': () => {
        scheduled = true;
        return { body: { scheduled, claimed_at: null, outcome: null, finished_at: null } };
      },
    });
    renderWithProviders(<AdminRoundView round={draft} />);
    await userEvent.setup().click(await screen.findByRole('checkbox', { name: 'Run and publish automatically on match day' }));
    expect(await screen.findByText(/^Scheduled for /)).toBeInTheDocument();
    const put = fetchMock.mock.calls.find(([, init]) => init?.method === 'PUT');
    expect(JSON.parse(String(put?.[1]?.body))).toEqual({ scheduled: true });
  });

  it('shows the outcome of the automatic run', async () => {
    mockFetch({
      'GET /api/match-rounds/r1/match-day': {
        body: { scheduled: true, claimed_at: '2027-05-15T12:00:10Z', outcome: 'published: 1 placed, 1 not matched, 0 lapsed', finished_at: '2027-05-15T12:00:11Z' },
      },
    });
    renderWithProviders(<AdminRoundView round={{ ...draft, status: 'published', published_at: '2027-05-15T12:00:11Z' }} />);
    expect(await screen.findByText(/published: 1 placed/)).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Run and publish automatically on match day' })).toBeDisabled();
  });
});
