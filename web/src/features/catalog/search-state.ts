/**
 * The search lives in the page's query string, so a search can be shared, bookmarked and
 * walked through with the back button. These are the parameters of GET /api/search/offerings
 * the page uses, in the order they appear in the URL.
 */
export const SEARCH_KEYS = [
  'q',
  'type',
  'specialty',
  'state',
  'country',
  'hands_on',
  'fee_max',
  'open_now',
  'start_month',
  'visa',
  'sort',
  'page',
] as const;
export type SearchKey = (typeof SEARCH_KEYS)[number];
export type SearchState = Partial<Record<SearchKey, string>>;

/** Results per page (the server's default too). */
export const PER_PAGE = 20;

/** The search a URL describes; unknown parameters are ignored so an old link never fails. */
export function readSearchState(params: URLSearchParams): SearchState {
  const state: SearchState = {};
  for (const key of SEARCH_KEYS) {
    const value = params.get(key);
    if (value !== null && value.trim() !== '') state[key] = key === 'q' ? value : value.trim();
  }
  if (state.page === '1') delete state.page;
  if (state.open_now !== undefined && state.open_now !== 'true') delete state.open_now;
  return state;
}

/** The query string for a search (empty values left out, page 1 implied). */
export function searchQueryString(state: SearchState): string {
  const params = new URLSearchParams();
  for (const key of SEARCH_KEYS) {
    const value = state[key];
    if (value === undefined || value.trim() === '') continue;
    if (key === 'page' && value === '1') continue;
    params.set(key, value);
  }
  return params.toString();
}

/**
 * The search after changing some parameters. Any change other than the page starts again at
 * page 1, since the old page number means nothing for different results.
 */
export function withChanges(state: SearchState, changes: SearchState): SearchState {
  const next: SearchState = { ...state };
  for (const [key, value] of Object.entries(changes) as [SearchKey, string | undefined][]) {
    if (value === undefined || value === '') delete next[key];
    else next[key] = value;
  }
  if (!('page' in changes)) delete next.page;
  return next;
}

/** Whether any filter (not the text, sort or page) is set. */
export function hasFilters(state: SearchState): boolean {
  return SEARCH_KEYS.some((key) => key !== 'q' && key !== 'sort' && key !== 'page' && state[key] !== undefined);
}

/** Fee choices: the filter is fee_max in cents; the server counts offerings in these buckets. */
export const FEE_CHOICES = [
  { value: '0', label: 'Free', buckets: ['free'] },
  { value: '100000', label: 'Up to $1,000', buckets: ['free', 'under_1000'] },
  { value: '300000', label: 'Up to $3,000', buckets: ['free', 'under_1000', '1000_to_3000'] },
] as const;
