import { Alert, Button, Stack } from '@mantine/core';
import { isRouteErrorResponse, useRouteError } from 'react-router';
import { Layout } from '@/app/layout';
import { PageHeader } from '@/components/page-header';
import { errorMessage } from '@/lib/api-client';

/** Shown instead of a page when rendering it throws; keeps the header so the user can move on. */
export function RouteError() {
  const error = useRouteError();
  const detail = isRouteErrorResponse(error)
    ? `${error.status} ${error.statusText}`
    : errorMessage(error);

  if (import.meta.env.DEV) console.error(error);

  return (
    <Layout>
      <PageHeader title="Something went wrong">
        This page could not be shown. Reloading often helps; if it keeps happening, please tell us.
      </PageHeader>
      <Stack gap="md" align="flex-start">
        <Alert color="red" variant="light" title="Error" role="alert">
          {detail}
        </Alert>
        <Button onClick={() => window.location.reload()}>Reload the page</Button>
      </Stack>
    </Layout>
  );
}
