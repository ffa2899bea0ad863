import { readSearchState, searchQueryString, withChanges } from './search-state';

describe('search state in the URL', () => {
  it('reads the known parameters and ignores the rest', () => {
    const state = readSearchState(new URLSearchParams('q=heart+Chicago&type=elective&page=1&bogus=1&visa=&open_now=yes'));
    expect(state).toEqual({ q: 'heart Chicago', type: 'elective' });
  });

  it('writes parameters in a stable order, leaving out empty ones and page 1', () => {
    expect(searchQueryString({ sort: 'fee', q: 'cardiology', specialty: 'cardiology', page: '1' })).toBe(
      'q=cardiology&specialty=cardiology&sort=fee',
    );
  });

  it('starts again at page 1 when the search changes, but not when only the page does', () => {
    const state = { q: 'surgery', page: '3' };
    expect(withChanges(state, { type: 'core' })).toEqual({ q: 'surgery', type: 'core' });
    expect(withChanges(state, { page: '4' })).toEqual({ q: 'surgery', page: '4' });
    expect(withChanges({ q: 'surgery', type: 'core' }, { type: '' })).toEqual({ q: 'surgery' });
  });
});
