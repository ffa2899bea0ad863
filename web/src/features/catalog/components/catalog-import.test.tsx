import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { routes } from '@/app/router';
import { offering, vocabulary } from '@/testing/catalog';
import { mockFetch, renderRoutes, renderWithProviders } from '@/testing/render';
import { coordinator, healthOk, reviewer, sessionAs } from '@/testing/users';
import type { ImportReport } from '../api/import-catalog-csv';
import { CatalogImport } from './catalog-import';

const URL = '/api/institutions/inst-lake/catalog.csv';

function report(overrides: Partial<ImportReport> = {}): ImportReport {
  return {
    dry_run: true,
    applied: false,
    valid: true,
    summary: {
      rows: 2,
      offerings_created: 1,
      offerings_updated: 0,
      offerings_unchanged: 0,
      blocks_created: 2,
      blocks_updated: 0,
      blocks_unchanged: 0,
    },
    rows: [
      { line: 2, offering_ref: 'n1', offering_id: '', title: 'Neurology Elective', offering: 'create', status: 'published', block: 'create', block_id: '', start_date: '2027-03-01', end_date: '2027-03-28' },
      { line: 3, offering_ref: 'n1', offering_id: '', title: 'Neurology Elective', offering: 'create', status: 'published', block: 'create', block_id: '', start_date: '2027-04-05', end_date: '2027-05-02' },
    ],
    errors: [],
    ...overrides,
  };
}

const file = () => new File(['offering_ref,title\r\n'], 'catalog.csv', { type: 'text/csv' });

describe('catalog CSV import', () => {
  it('offers coordinators Export CSV and Import CSV on the catalog page, and reviewers neither', async () => {
    const page = (user: typeof coordinator) =>
      mockFetch({
        ...healthOk,
        ...sessionAs(user),
        'GET /api/catalog/vocabulary': { body: vocabulary },
        'GET /api/institutions/inst-lake/offerings': { body: { items: [offering] } },
      });
    page(coordinator);
    const user = userEvent.setup();
    const { unmount } = renderRoutes(routes, '/institutions/inst-lake/offerings');
    expect(await screen.findByRole('link', { name: 'Export CSV' })).toHaveAttribute('href', URL);
    await user.click(screen.getByRole('button', { name: 'Import CSV' }));
    expect(screen.getByRole('heading', { level: 2, name: 'Import from CSV' })).toBeInTheDocument();
    expect(screen.getByLabelText(/CSV file/)).toHaveAttribute('type', 'file');
    await user.click(screen.getByRole('button', { name: 'Cancel' }));
    expect(screen.queryByRole('heading', { name: 'Import from CSV' })).not.toBeInTheDocument();
    unmount();

    page(reviewer);
    renderRoutes(routes, '/institutions/inst-lake/offerings');
    await screen.findByRole('table', { name: 'Offerings' });
    expect(screen.queryByRole('link', { name: 'Export CSV' })).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: 'Import CSV' })).not.toBeInTheDocument();
  });

  it('previews the file with a dry run, then imports on confirmation', async () => {
    const fetchMock = mockFetch({
      [`POST ${URL}?dry_run=1`]: { body: report() },
      [`POST ${URL}`]: { body: report({ dry_run: false, applied: true }) },
    });
    const user = userEvent.setup();
    renderWithProviders(<CatalogImport institutionId="inst-lake" onClose={() => {}} />);

    await user.upload(screen.getByLabelText(/CSV file/), file());
    const preview = await screen.findByRole('table', { name: 'Preview' });
    expect(within(preview).getAllByRole('row')).toHaveLength(3);
    expect(within(preview).getByRole('row', { name: /^3 Neurology Elective/ })).toHaveTextContent('2027-04-05 to 2027-05-02');
    expect(screen.getByText(/2 rows\. Offerings: 1 new\. Blocks: 2 new\./)).toBeInTheDocument();
    // Only the dry run so far, with the file as the raw body.
    expect(fetchMock.mock.calls.map(([u]) => u)).toEqual([`${URL}?dry_run=1`]);
    const [, init] = fetchMock.mock.calls[0]!;
    expect((init as RequestInit).headers).toMatchObject({ 'Content-Type': 'text/csv' });
    expect((init as RequestInit).body).toBeInstanceOf(File);

    await user.click(screen.getByRole('button', { name: 'Import 2 rows' }));
    expect(await screen.findByText('Imported')).toBeInTheDocument();
    expect(fetchMock.mock.calls.map(([u]) => u)).toEqual([`${URL}?dry_run=1`, URL]);
  });

  it('lists each problem with its line and column, and refuses to import', async () => {
    const fetchMock = mockFetch({
      [`POST ${URL}?dry_run=1`]: {
        body: report({
          valid: false,
          errors: [
            { line: 3, field: 'start_date', message: 'duplicate row: the same block as line 2' },
            { line: 4, field: 'specialty', message: 'specialty must be one of …' },
          ],
        }),
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<CatalogImport institutionId="inst-lake" onClose={() => {}} />);
    await user.upload(screen.getByLabelText(/CSV file/), file());

    expect(await screen.findByRole('alert')).toHaveTextContent('2 problems found; nothing will be imported');
    const problems = screen.getByRole('table', { name: 'Problems' });
    expect(within(problems).getByRole('row', { name: /3 start_date duplicate row/ })).toBeInTheDocument();
    expect(within(problems).getByRole('row', { name: /4 specialty/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Import 2 rows' })).toBeDisabled();
    expect(fetchMock.mock.calls.filter(([u]) => u === URL)).toHaveLength(0);
  });

  it('shows why an unreadable file was refused', async () => {
    mockFetch({
      [`POST ${URL}?dry_run=1`]: {
        status: 400,
        body: { error: { code: 'invalid_argument', message: 'line 1: wrong header: missing column "title"', field: 'header' } },
      },
    });
    const user = userEvent.setup();
    renderWithProviders(<CatalogImport institutionId="inst-lake" onClose={() => {}} />);
    await user.upload(screen.getByLabelText(/CSV file/), file());
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent('missing column "title"'));
    expect(screen.queryByRole('button', { name: /^Import/ })).not.toBeInTheDocument();
  });
});
