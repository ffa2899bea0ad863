import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { mockFetch, renderRoutes } from '@/testing/render';
import { cardiologyItem, searchResult, vocabulary } from '@/testing/catalog';
import { healthOk, sessionAs } from '@/testing/users';
import { routes } from '../router';

function searchCalls(fetchMock: ReturnType<typeof mockFetch>): string[] {
  return fetchMock.mock.calls
    .map(([url]) => String(url))
    .filter((url) => url.startsWith('/api/search/offerings'));
}

/** Answers every search with the same result, whatever the query string. */
function mockSearch(result: unknown = searchResult(), status = 200) {
  const fetchMock = mockFetch({ ...healthOk, ...sessionAs(null), 'GET /api/catalog/vocabulary': { body: vocabulary } });
  const inner = fetchMock.getMockImplementation();
  fetchMock.mockImplementation(async (input: RequestInfo | URL, init?: RequestInit) => {
    if (String(input).startsWith('/api/search/offerings')) {
      return new Response(JSON.stringify(result), { status, headers: { 'Content-Type': 'application/json' } });
    }
    return inner!(input, init);
  });
  return fetchMock;
}

describe('Find a rotation', () => {
  it('runs the search the URL describes and shows facets with counts', async () => {
    const fetchMock = mockSearch();
    renderRoutes(routes, '/rotations?q=heart&specialty=cardiology&open_now=true&page=2&junk=1');

    await screen.findByRole('link', { name: 'Cardiology Elective' });
    expect(searchCalls(fetchMock)).toEqual(['/api/search/offerings?q=heart&specialty=cardiology&open_now=true&page=2']);
    expect(screen.getByRole('searchbox', { name: /Search rotations/ })).toHaveValue('heart');
    expect(screen.getByText('1 rotation found')).toBeInTheDocument();

    const type = screen.getByRole('combobox', { name: 'Type' });
    expect(within(type).getByRole('option', { name: 'Observership (2)' })).toHaveValue('observership');
    expect(within(type).getByRole('option', { name: 'Elective (1)' })).toBeInTheDocument();
    // A chosen facet shows its own count; the others go without a (meaningless) one.
    const specialty = screen.getByRole('combobox', { name: 'Specialty' });
    expect(specialty).toHaveValue('cardiology');
    expect(within(specialty).getByRole('option', { name: 'Cardiology (1)' })).toBeInTheDocument();
    expect(within(specialty).getByRole('option', { name: 'Internal medicine' })).toBeInTheDocument();
    expect(within(screen.getByRole('combobox', { name: 'Patient contact' })).getByRole('option', { name: 'Observation only (2)' })).toHaveValue('false');
    expect(within(screen.getByRole('combobox', { name: 'All-in cost' })).getByRole('option', { name: 'Up to $1,000 (3)' })).toHaveValue('100000');
    expect(within(screen.getByRole('combobox', { name: 'Block starts in' })).getByRole('option', { name: 'March 2027 (3)' })).toHaveValue('2027-03');
    expect(within(screen.getByRole('combobox', { name: 'Visa accepted' })).getByRole('option', { name: 'B-1/B-2 visitor visa (2)' })).toBeInTheDocument();
    expect(screen.getByRole('checkbox', { name: 'Open for applications now (3)' })).toBeChecked();
  });

  it('shows what an applicant needs on each result card', async () => {
    mockSearch(searchResult([{ ...cardiologyItem, fee_min_cents: 123450 }]));
    renderRoutes(routes, '/rotations');

    const card = await screen.findByRole('article', { name: 'Cardiology Elective' });
    expect(within(card).getByRole('link', { name: 'Cardiology Elective' })).toHaveAttribute('href', '/rotations/off-cardio');
    expect(card).toHaveTextContent('Lakeshore University Medical Center');
    expect(card).toHaveTextContent('Chicago, IL');
    expect(card).toHaveTextContent('Cardiology');
    expect(card).toHaveTextContent('Elective');
    expect(card).toHaveTextContent('Hands-on');
    expect(card).toHaveTextContent('4 weeks');
    expect(card).toHaveTextContent('Next startMar 1, 2027');
    expect(card).toHaveTextContent('Apply byJan 15, 2027');
    expect(card).toHaveTextContent('Seats left9');
    expect(card).toHaveTextContent('All-in from$1,234.50');
  });

  it('writes every change into the URL, back to page 1, and the back button undoes it', async () => {
    const fetchMock = mockSearch();
    const user = userEvent.setup();
    const { router } = renderRoutes(routes, '/rotations?type=elective&page=3');
    await screen.findByRole('link', { name: 'Cardiology Elective' });

    await user.selectOptions(screen.getByRole('combobox', { name: 'Visa accepted' }), 'j1');
    expect(router.state.location.search).toBe('?type=elective&visa=j1');

    await user.type(screen.getByRole('searchbox', { name: /Search rotations/ }), 'cardiology chicago');
    await user.click(screen.getByRole('button', { name: 'Search' }));
    expect(router.state.location.search).toBe('?q=cardiology+chicago&type=elective&visa=j1');

    await user.click(screen.getByRole('checkbox', { name: /Open for applications now/ }));
    await user.selectOptions(screen.getByRole('combobox', { name: 'Sort by' }), 'fee');
    expect(router.state.location.search).toBe('?q=cardiology+chicago&type=elective&open_now=true&visa=j1&sort=fee');
    expect(searchCalls(fetchMock).at(-1)).toBe(
      '/api/search/offerings?q=cardiology+chicago&type=elective&open_now=true&visa=j1&sort=fee',
    );

    await act(() => router.navigate(-1));
    expect(router.state.location.search).toBe('?q=cardiology+chicago&type=elective&open_now=true&visa=j1');
    expect(await screen.findByRole('checkbox', { name: /Open for applications now/ })).toBeChecked();
  });

  it('keeps both of two changes made before the URL has caught up with the first', async () => {
    mockSearch();
    const { router } = renderRoutes(routes, '/rotations');
    await screen.findByRole('link', { name: 'Cardiology Elective' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Visa accepted' }), { target: { value: 'j1' } });
    fireEvent.change(screen.getByRole('combobox', { name: 'Block starts in' }), { target: { value: '2027-03' } });
    await waitFor(() => expect(router.state.location.search).toBe('?start_month=2027-03&visa=j1'));
    expect(screen.getByRole('combobox', { name: 'Visa accepted' })).toHaveValue('j1');
  });

  it('pages through results with links that keep the search', async () => {
    mockSearch({ ...searchResult(), total: 45 });
    renderRoutes(routes, '/rotations?q=surgery');
    const pages = await screen.findByRole('navigation', { name: 'Pages of results' });
    expect(pages).toHaveTextContent('Page 1 of 3');
    expect(within(pages).getByRole('link', { name: 'Next page' })).toHaveAttribute('href', '/rotations?q=surgery&page=2');
  });

  it('says so when nothing matches, with a way out', async () => {
    mockSearch({ items: [], total: 0, page: 1, per_page: 20, facets: { open_now: { true: 0 } } });
    renderRoutes(routes, '/rotations?q=zzz&type=core');
    expect(await screen.findByText('No rotations match this search.')).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'Clear the search' })).toHaveAttribute('href', '/rotations');
  });

  it('shows the server message when the search cannot run', async () => {
    mockSearch({ error: { code: 'invalid_argument', message: 'start_month must be a month such as 2027-03', field: 'start_month' } }, 400);
    renderRoutes(routes, '/rotations?start_month=March');
    expect(await screen.findByRole('alert')).toHaveTextContent('start_month must be a month such as 2027-03');
    expect(screen.getByRole('link', { name: 'Start a new search' })).toHaveAttribute('href', '/rotations');
  });
});
