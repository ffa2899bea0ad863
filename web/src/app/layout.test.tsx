import { screen, within } from '@testing-library/react';
import { mockFetch, renderRoutes } from '@/testing/render';
import { routes } from './router';

describe('layout', () => {
  beforeEach(() => {
    mockFetch({
      'GET /api/health': { body: { status: 'ok', version: '0.1.0', database: 'sqlite' } },
      'GET /api/institutions': { body: { items: [] } },
    });
  });

  it('renders the product name, main navigation, a skip link and the landmarks', async () => {
    renderRoutes(routes, '/');

    const nav = screen.getByRole('navigation', { name: 'Main' });
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('href', '/');
    expect(within(nav).getByRole('link', { name: 'Find a rotation' })).toHaveAttribute('href', '/rotations');
    expect(within(nav).getByRole('link', { name: 'Institutions' })).toHaveAttribute('href', '/institutions');
    expect(within(nav).getByRole('link', { name: 'Home' })).toHaveAttribute('aria-current', 'page');

    expect(screen.getByRole('link', { name: 'Clerkship' })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Skip to main content' })).toHaveAttribute('href', '#main-content');
    expect(screen.getByRole('main')).toHaveAttribute('id', 'main-content');
    expect(screen.getByRole('banner')).toBeInTheDocument();
    expect(screen.getByRole('contentinfo')).toHaveTextContent(/open-source/i);
    expect(screen.getAllByRole('heading', { level: 1 })).toHaveLength(1);
  });

  it('shows the server version and database from /api/health', async () => {
    renderRoutes(routes, '/');
    expect(await screen.findByText(/v0\.1\.0 · SQLite/)).toBeInTheDocument();
  });

  it('says so when the server cannot be reached', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => {
        throw new TypeError('Failed to fetch');
      }),
    );
    renderRoutes(routes, '/');
    expect(await screen.findByText('Server unreachable')).toBeInTheDocument();
  });

  it('shows a not-found page for unknown routes', async () => {
    renderRoutes(routes, '/no/such/page');
    expect(screen.getByRole('heading', { level: 1, name: 'Page not found' })).toBeInTheDocument();
    expect(screen.getByText('/no/such/page')).toBeInTheDocument();
  });
});
