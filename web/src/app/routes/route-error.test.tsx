import { screen } from '@testing-library/react';
import { mockFetch, renderRoutes } from '@/testing/render';
import { Layout } from '../layout';
import { RouteError } from './route-error';

function Broken(): never {
  throw new Error('render failed');
}

describe('route error boundary', () => {
  it('shows an error page inside the layout when a page throws', async () => {
    mockFetch({ 'GET /api/health': { body: { status: 'ok', version: '0.1.0', database: 'sqlite' } } });
    vi.spyOn(console, 'error').mockImplementation(() => {});
    vi.spyOn(console, 'warn').mockImplementation(() => {});

    renderRoutes(
      [{ path: '/', element: <Layout />, errorElement: <RouteError />, children: [{ index: true, element: <Broken /> }] }],
      '/',
    );

    expect(await screen.findByRole('heading', { level: 1, name: 'Something went wrong' })).toBeInTheDocument();
    expect(screen.getByRole('alert')).toHaveTextContent('Something went wrong. Please try again.');
    expect(screen.getByRole('navigation', { name: 'Main' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Reload the page' })).toBeInTheDocument();
  });
});
