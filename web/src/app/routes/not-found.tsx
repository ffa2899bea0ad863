import { Button, Stack, Text } from '@mantine/core';
import { Link, useLocation } from 'react-router';
import { PageHeader } from '@/components/page-header';

export function NotFoundPage() {
  const location = useLocation();
  return (
    <>
      <PageHeader title="Page not found">
        There is no page at <code>{location.pathname}</code>. It may have moved, or the address may
        be mistyped.
      </PageHeader>
      <Stack gap="md" align="flex-start">
        <Text>You can start again from the home page or search for a rotation.</Text>
        <Button component={Link} to="/">
          Go to the home page
        </Button>
      </Stack>
    </>
  );
}
