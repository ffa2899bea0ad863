import { queryOptions, useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api, rememberCsrfToken } from '@/lib/api-client';
import { sessionSchema, type Session } from './session-schema';

export const SESSION_QUERY_KEY = ['session'] as const;

/** GET /api/session: who is logged in (user null when nobody); also sets the CSRF cookie. */
export async function getSession(signal?: AbortSignal): Promise<Session> {
  const session = await api.get('/session', sessionSchema, signal ? { signal } : undefined);
  rememberCsrfToken(session.csrf_token);
  return session;
}

export function getSessionQueryOptions() {
  return queryOptions({
    queryKey: SESSION_QUERY_KEY,
    queryFn: ({ signal }) => getSession(signal),
    staleTime: 60_000,
    refetchOnWindowFocus: true,
  });
}

export function useSession() {
  return useQuery(getSessionQueryOptions());
}

/** The logged-in user, or null while loading, when logged out, or when the session check failed. */
export function useCurrentUser() {
  return useSession().data?.user ?? null;
}

/**
 * After the identity changes (login, logout, accepting an invitation, password change): store the
 * new session and drop everything cached for the previous one, since what a user may see depends
 * on who they are.
 */
export function replaceSession(queryClient: QueryClient, session: Session | null) {
  if (session) {
    rememberCsrfToken(session.csrf_token);
    queryClient.setQueryData(SESSION_QUERY_KEY, session);
  } else {
    rememberCsrfToken(undefined);
    queryClient.setQueryData(SESSION_QUERY_KEY, (old: Session | undefined) => ({
      user: null,
      csrf_token: old?.csrf_token ?? '',
    }));
    // A logged-out browser needs a fresh CSRF cookie before its next POST.
    void queryClient.invalidateQueries({ queryKey: SESSION_QUERY_KEY });
  }
  void queryClient.resetQueries({ predicate: (query) => query.queryKey[0] !== SESSION_QUERY_KEY[0] });
}

export function useReplaceSession() {
  const queryClient = useQueryClient();
  return (session: Session | null) => replaceSession(queryClient, session);
}
