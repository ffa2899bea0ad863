import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { GroupRounds } from './group-rounds';

const group = {
  id: 'g1',
  name: 'Lake network',
  institution_ids: ['i1', 'i2'],
  manager_ids: ['u1'],
  institutions: [
    { id: 'i1', name: 'Lakeshore' },
    { id: 'i2', name: 'Bayview' },
  ],
  managers: [{ id: 'u1', email: 'coord@lakeshore.example' }],
  created_at: '2026-11-28T06:00:00Z',
};
const round = {
  id: 'r1',
  name: 'Network match',
  status: 'draft',
  applications_close: '2027-04-30T17:00:00Z',
  rank_lists_due: '2027-05-10T17:00:00Z',
  match_day: '2027-05-15T12:00:00Z',
  matched_at: null,
  published_at: null,
  created_at: '2026-11-28T06:00:00Z',
};

describe('GroupRounds', () => {
  it("lists the group's rounds and opens one through the group's route", async () => {
    const fetchMock = mockFetch({
      'GET /api/institution-groups/g1/match-rounds': { body: { items: [round] } },
      'POST /api/institution-groups/g1/match-rounds/r1/status': { body: { ...round, status: 'open' } },
    });
    renderWithProviders(<GroupRounds group={group} />);
    expect(await screen.findByRole('cell', { name: 'Network match' })).toBeInTheDocument();
    await userEvent.setup().click(screen.getByRole('button', { name: 'Open the round' }));
    await screen.findByRole('cell', { name: 'Network match' });
    const post = fetchMock.mock.calls.find(([, init]) => init?.method === 'POST');
    expect(String(post?.[0])).toBe('/api/institution-groups/g1/match-rounds/r1/status');
    expect(JSON.parse(String(post?.[1]?.body))).toEqual({ action: 'open' });
  });

  it("creates rounds under the group's base and says which institutions' blocks may be picked", async () => {
    mockFetch({ 'GET /api/institution-groups/g1/match-rounds': { body: { items: [] } } });
    renderWithProviders(<GroupRounds group={group} />);
    expect(await screen.findByText('No rounds yet: create the first one below.')).toBeInTheDocument();
    expect(screen.getByText(/blocks of the group's institutions \(Lakeshore, Bayview\)/)).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Create round' })).toBeDisabled();
  });
});
