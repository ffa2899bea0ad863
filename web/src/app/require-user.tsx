import type { ReactNode } from 'react';
import { NotAllowed, PageErrorState, PageLoading, PleaseLogIn } from '@/components/access-states';
import { useSession } from '@/features/auth/api/get-session';
import type { User } from '@/features/auth/api/session-schema';

type Props = {
  /** The page, given the logged-in user. */
  children: (user: User) => ReactNode;
  /** Whether this user's roles allow the page; the server checks again on every request. */
  allow?: (user: User) => boolean;
  title: string;
};

/** Renders a page only for a logged-in user it allows; otherwise "please log in" or "not allowed". */
export function RequireUser({ children, allow, title }: Props) {
  const session = useSession();
  if (session.isPending) return <PageLoading label="Checking your session…" />;
  if (session.isError) {
    return <PageErrorState error={session.error} title={title} onRetry={() => void session.refetch()} />;
  }
  const user = session.data.user;
  if (!user) return <PleaseLogIn />;
  if (allow && !allow(user)) return <NotAllowed />;
  return <>{children(user)}</>;
}
