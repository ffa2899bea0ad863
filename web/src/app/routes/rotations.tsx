import { Alert, Stack, Title } from '@mantine/core';
import { PageHeader } from '@/components/page-header';
import { InstitutionsTable } from '@/features/institutions/components/institutions-table';

export function RotationsPage() {
  return (
    <>
      <PageHeader title="Find a rotation">
        Search clinical rotations by specialty, dates and location.
      </PageHeader>
      <Stack gap="lg">
        <Alert variant="light" color="indigo">
          Rotation search is coming; these teaching hospitals are on Clerkship. Their rotations will
          be listed here as they publish them.
        </Alert>
        <section aria-labelledby="hospitals-heading">
          <Title order={2} id="hospitals-heading" mb="md">
            Teaching hospitals on Clerkship
          </Title>
          <InstitutionsTable labelledBy="hospitals-heading" />
        </section>
      </Stack>
    </>
  );
}
