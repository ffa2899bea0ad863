import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoutes, renderWithProviders } from '@/testing/render';
import type { Application } from '../api/application-schema';
import { ApplySimilar } from './apply-similar';
import { FeePanel } from './fee-panel';
import { OverlapWarnings } from './overlap-warnings';

const draft: Application = {
  id: 'app-1',
  offering_id: 'off-cardio',
  offering_title: 'Cardiology Elective',
  institution_id: 'inst-lake',
  institution_name: 'Lakeshore University Medical Center',
  time_zone: 'America/Chicago',
  status: 'draft',
  blocks: [],
  created_at: '2026-11-27T16:00:00Z',
  updated_at: '2026-11-27T16:00:00Z',
};

const due = {
  amount_cents: 7500,
  currency: 'USD',
  category: 'graduate',
  status: 'due' as const,
  method: '',
  reference: '',
  recorded_at: '',
  decided_at: '',
  note: '',
};

describe('application fee', () => {
  it('shows the fee due and records the payment with method and reference', async () => {
    const user = userEvent.setup();
    let sent: unknown;
    mockFetch({
      'PUT /api/applications/app-1/fee': (init) => {
        sent = JSON.parse(String(init.body));
        return { body: { ...draft, fee: { ...due, status: 'recorded', method: 'bank_transfer', reference: 'TX-9' } } };
      },
    });
    renderWithProviders(<FeePanel applicationId="app-1" fee={due} withdrawn={false} />);
    expect(screen.getByText(/You cannot submit while the fee is due/)).toBeInTheDocument();
    expect(screen.getByText('Due')).toBeInTheDocument();
    await user.selectOptions(screen.getByLabelText('Payment method'), 'bank_transfer');
    await user.type(screen.getByLabelText(/Receipt or transaction number/), 'TX-9');
    await user.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(sent).toEqual({ method: 'bank_transfer', reference: 'TX-9' });
  });

  it('names the field the server refused', async () => {
    const user = userEvent.setup();
    mockFetch({
      'PUT /api/applications/app-1/fee': {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'reference is at most 200 characters', field: 'reference' } },
      },
    });
    renderWithProviders(<FeePanel applicationId="app-1" fee={due} withdrawn={false} />);
    await user.type(screen.getByLabelText(/Receipt or transaction number/), 'x');
    await user.click(screen.getByRole('button', { name: 'Record payment' }));
    expect(await screen.findByText('reference is at most 200 characters')).toBeInTheDocument();
  });

  it('shows a confirmed fee without a form', () => {
    renderWithProviders(
      <FeePanel applicationId="app-1" fee={{ ...due, status: 'confirmed', method: 'card', reference: 'TX-1' }} withdrawn={false} />,
    );
    expect(screen.getByText('Confirmed by the program')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /payment/ })).toBeNull();
  });
});

describe('overlap warnings', () => {
  it('lists each overlap and nothing when there is none', () => {
    const { unmount } = renderWithProviders(
      <OverlapWarnings warnings={[{ field: 'block_ids[0]', message: 'Your choice 1 overlaps your accepted rotation Surgery.' }]} />,
    );
    expect(screen.getByText('Dates overlap an accepted rotation')).toBeInTheDocument();
    expect(screen.getByText('Your choice 1 overlaps your accepted rotation Surgery.')).toBeInTheDocument();
    unmount();
    renderWithProviders(<OverlapWarnings warnings={[]} />);
    expect(screen.queryByText('Dates overlap an accepted rotation')).toBeNull();
  });
});

describe('apply to similar', () => {
  it('starts a pre-filled draft for the chosen block and opens it', async () => {
    const user = userEvent.setup();
    let sent: unknown;
    mockFetch({
      'GET /api/applications/app-1/similar': {
        body: {
          items: [
            {
              offering_id: 'off-bay',
              title: 'Bayview Cardiology Elective',
              institution_id: 'inst-bay',
              institution_name: 'Bayview General Hospital',
              city: 'Oakland',
              state: 'CA',
              country: 'US',
              specialty: 'cardiology',
              type: 'elective',
              blocks: [{ id: 'blk-may', start_date: '2027-05-03', end_date: '2027-05-30', deadline: '2027-03-31', seats: 2 }],
            },
          ],
        },
      },
      'POST /api/applications/app-1/similar': (init) => {
        sent = JSON.parse(String(init.body));
        return { status: 201, body: { ...draft, id: 'app-2', offering_id: 'off-bay' } };
      },
    });
    const { router } = renderRoutes([
      { path: '/applications/app-1', element: <ApplySimilar applicationId="app-1" /> },
      { path: '/applications/app-2', element: <p>New draft</p> },
    ], '/applications/app-1');
    expect(await screen.findByRole('heading', { name: 'Bayview Cardiology Elective' })).toBeInTheDocument();
    const start = screen.getByRole('button', { name: 'Start an application to Bayview Cardiology Elective' });
    expect(start).toBeDisabled();
    await user.click(screen.getByRole('checkbox', { name: /May 3/ }));
    await user.click(start);
    expect(await screen.findByText('New draft')).toBeInTheDocument();
    expect(sent).toEqual({ offering_id: 'off-bay', block_ids: ['blk-may'] });
    expect(router.state.location.pathname).toBe('/applications/app-2');
  });

  it('says so when there is nothing similar', async () => {
    mockFetch({ 'GET /api/applications/app-1/similar': { body: { items: [] } } });
    renderWithProviders(<ApplySimilar applicationId="app-1" />);
    expect(await screen.findByText(/No other open rotation/)).toBeInTheDocument();
  });
});
