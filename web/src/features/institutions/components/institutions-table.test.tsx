import { screen } from '@testing-library/react';
import { mockFetch, renderWithProviders } from '@/testing/render';
import { InstitutionsTable } from './institutions-table';

const base = {
  city: 'Boston',
  state: 'MA',
  country: 'US',
  time_zone: 'America/New_York',
  created_at: '2026-11-27T16:00:00Z',
};

describe('InstitutionsTable', () => {
  it('lists institutions by name with a safe website link', async () => {
    mockFetch({
      'GET /api/institutions': {
        body: {
          items: [
            { ...base, id: '2', name: 'Zeta Medical Center', website: 'javascript:alert(1)' },
            { ...base, id: '1', name: 'Alpha General', website: 'https://www.alpha.example/' },
          ],
        },
      },
    });
    renderWithProviders(<InstitutionsTable labelledBy="x" />);

    const rows = await screen.findAllByRole('rowheader');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toHaveTextContent(/^Alpha General/);
    expect(rows[1]).toHaveTextContent(/^Zeta Medical Center$/);
    expect(screen.getAllByText('Boston, MA, United States')).toHaveLength(2);
    expect(screen.getByRole('link', { name: /alpha\.example/ })).toHaveAttribute('href', 'https://www.alpha.example/');
    expect(screen.getAllByRole('link')).toHaveLength(1);
  });

  it('shows the server error with a way to retry', async () => {
    mockFetch({
      'GET /api/institutions': { status: 500, body: { error: { code: 'internal', message: 'internal error' } } },
    });
    renderWithProviders(<InstitutionsTable labelledBy="x" />);

    expect(await screen.findByRole('alert')).toHaveTextContent('internal error');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
