import { Alert, Button, Group, Loader, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { ApiError, errorMessage } from '@/lib/api-client';
import { PageHeader } from './page-header';

/** The login page's address with a way back to where the user was. */
export function loginPath(from: string): string {
  return from && from !== '/' ? `/login?next=${encodeURIComponent(from)}` : '/login';
}

/** Shown instead of a page the user may not see (the API said 403, or their roles do not allow it). */
export function NotAllowed() {
  return (
    <>
      <PageHeader title="Not allowed">
        Your account does not have access to this page.
      </PageHeader>
      <Stack gap="md" align="flex-start">
        <Text>
          If you think you should have access, ask a coordinator of the institution to invite you,
          or log in with a different account.
        </Text>
        <Button component={Link} to="/">
          Go to the home page
        </Button>
      </Stack>
    </>
  );
}

/** Shown instead of a page that needs a logged-in user (no session, or the API said 401). */
export function PleaseLogIn() {
  const location = useLocation();
  return (
    <>
      <PageHeader title="Please log in">You need to log in to see this page.</PageHeader>
      <Group gap="md">
        <Button component={Link} to={loginPath(location.pathname + location.search)}>
          Log in
        </Button>
        <Button component={Link} to="/register" variant="default">
          Register
        </Button>
      </Group>
    </>
  );
}

export function PageLoading({ label }: { label: string }) {
  return (
    <Group gap="sm" role="status" py="xl">
      <Loader size="sm" aria-hidden="true" />
      <Text>{label}</Text>
    </Group>
  );
}

type ErrorStateProps = {
  error: unknown;
  /** The page title to show for errors that are not about access. */
  title: string;
  onRetry?: () => void;
};

/**
 * A whole page for a failed request: 401 → please log in, 403 → not allowed, 404 → not found,
 * anything else → the message with a retry button.
 */
export function PageErrorState({ error, title, onRetry }: ErrorStateProps) {
  if (error instanceof ApiError && error.status === 401) return <PleaseLogIn />;
  if (error instanceof ApiError && error.status === 403) return <NotAllowed />;
  if (error instanceof ApiError && error.status === 404) {
    return (
      <>
        <PageHeader title="Not found">This item does not exist, or you cannot see it.</PageHeader>
        <Button component={Link} to="/">
          Go to the home page
        </Button>
      </>
    );
  }
  return (
    <>
      <PageHeader title={title} />
      <Alert color="red" variant="light" title="Could not load this page" role="alert">
        <Text size="sm" mb={onRetry ? 'sm' : 0}>
          {errorMessage(error)}
        </Text>
        {onRetry && (
          <Button size="xs" variant="outline" color="red" onClick={onRetry}>
            Try again
          </Button>
        )}
      </Alert>
    </>
  );
}
