import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { offering, vocabulary } from '@/testing/catalog';
import { mockFetch, renderRoutes } from '@/testing/render';
import { applicant, healthOk, sessionAs } from '@/testing/users';
import type { User } from '@/features/auth/api/session-schema';

const twoBlocks = {
  ...offering,
  blocks: [
    offering.blocks[0]!,
    { ...offering.blocks[0]!, id: 'blk-2', start_date: '2027-05-03', end_date: '2027-05-30' },
  ],
};

const draft = {
  id: 'app-1',
  offering_id: 'off-cardio',
  offering_title: 'Cardiology Elective',
  institution_id: 'inst-lake',
  institution_name: 'Lakeshore University Medical Center',
  time_zone: 'America/Chicago',
  status: 'draft',
  status_reason: '',
  blocks: [
    { id: 'blk-2', start_date: '2027-05-03', end_date: '2027-05-30' },
    { id: 'blk-1', start_date: '2027-03-01', end_date: '2027-03-28' },
  ],
  created_at: '2026-11-27T16:00:00Z',
  submitted_at: '',
  updated_at: '2026-11-27T16:00:00Z',
  checklist: [
    {
      block_id: 'blk-2',
      cleared: false,
      items: [{ requirement: 'immunization_record', count: 1, state: 'pending', reason: 'Awaiting verification.', document_ids: ['d1'] }],
    },
    {
      block_id: 'blk-1',
      cleared: true,
      items: [{ requirement: 'immunization_record', count: 1, state: 'satisfied', reason: 'Verified.', document_ids: ['d1'] }],
    },
  ],
};

function mock(user: User | null) {
  return mockFetch({
    ...healthOk,
    ...sessionAs(user),
    'GET /api/catalog/vocabulary': { body: vocabulary },
    'GET /api/offerings/off-cardio': { body: twoBlocks },
    'POST /api/applications': { status: 201, body: draft },
    'GET /api/applications/app-1': { body: draft },
    'POST /api/applications/app-1/submit': { body: { ...draft, status: 'submitted', submitted_at: '2026-11-28T10:00:00Z' } },
    'POST /api/applications/app-1/withdraw': { body: { ...draft, status: 'withdrawn', status_reason: 'Dates changed' } },
  });
}

describe('applying', () => {
  it('an applicant picks blocks in preference order, applies, and lands on the application with its checklist', async () => {
    const fetchMock = mock(applicant);
    const user = userEvent.setup();
    renderRoutes(routes, '/rotations/off-cardio');
    const panel = await screen.findByRole('region', { name: 'Apply for this rotation' });
    const apply = within(panel).getByRole('button', { name: 'Apply' });
    expect(apply).toBeDisabled();
    await user.click(within(panel).getByRole('checkbox', { name: /May 3 – May 30, 2027/ }));
    await user.click(within(panel).getByRole('checkbox', { name: /Mar 1 – Mar 28, 2027/ }));
    expect(within(panel).getByRole('checkbox', { name: /Mar 1 – Mar 28, 2027 \(choice 2\)/ })).toBeChecked();
    await user.click(apply);

    const first = await screen.findByRole('region', { name: 'Choice 1: May 3 – May 30, 2027' });
    const call = fetchMock.mock.calls.find(([url, init]) => url === '/api/applications' && init?.method === 'POST');
    expect(JSON.parse((call![1] as RequestInit).body as string)).toEqual({ offering_id: 'off-cardio', block_ids: ['blk-2', 'blk-1'] });

    expect(first).toHaveTextContent('Documents needed');
    expect(first).toHaveTextContent('Pending verification');
    const second = screen.getByRole('region', { name: 'Choice 2: Mar 1 – Mar 28, 2027' });
    expect(second).toHaveTextContent('Ready to start');
    expect(second).toHaveTextContent('Satisfied');

    await user.click(screen.getByRole('button', { name: 'Submit application' }));
    expect(await screen.findByText(/^Submitted /)).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Submit application' })).not.toBeInTheDocument();
  });

  it('withdraws with a reason', async () => {
    const fetchMock = mock(applicant);
    const user = userEvent.setup();
    renderRoutes(routes, '/applications/app-1');
    await user.click(await screen.findByRole('button', { name: 'Withdraw' }));
    const dialog = await screen.findByRole('dialog', { name: 'Withdraw this application?' });
    await user.type(within(dialog).getByLabelText(/^Reason/), 'Dates changed');
    await user.click(within(dialog).getByRole('button', { name: 'Withdraw' }));
    expect(await screen.findByText('Withdrawn: Dates changed')).toBeInTheDocument();
    const call = fetchMock.mock.calls.find(([url]) => url === '/api/applications/app-1/withdraw');
    expect(JSON.parse((call![1] as RequestInit).body as string)).toEqual({ reason: 'Dates changed' });
  });

  it('shows no Apply panel to visitors', async () => {
    mock(null);
    renderRoutes(routes, '/rotations/off-cardio');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cardiology Elective' })).toBeInTheDocument();
    expect(screen.queryByRole('region', { name: 'Apply for this rotation' })).not.toBeInTheDocument();
  });
});
