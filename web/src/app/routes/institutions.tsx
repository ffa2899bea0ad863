import { Card, Grid, Title } from '@mantine/core';
import { PageHeader } from '@/components/page-header';
import { useCurrentUser } from '@/features/auth/api/get-session';
import { canSeeStaff } from '@/features/auth/permissions';
import { CreateInstitutionForm } from '@/features/institutions/components/create-institution-form';
import { InstitutionsTable } from '@/features/institutions/components/institutions-table';

export function InstitutionsPage() {
  const user = useCurrentUser();
  const isAdmin = user?.is_admin ?? false;
  return (
    <>
      <PageHeader title="Institutions">
        Teaching hospitals and medical schools that offer rotations through Clerkship.
      </PageHeader>
      <Grid gap="xl">
        <Grid.Col span={{ base: 12, md: isAdmin ? 7 : 12 }}>
          <section aria-labelledby="institutions-list-heading">
            <Title order={2} id="institutions-list-heading" mb="md">
              On Clerkship
            </Title>
            <InstitutionsTable
              labelledBy="institutions-list-heading"
              staffHref={(institution) =>
                canSeeStaff(user, institution.id) ? `/institutions/${institution.id}/staff` : undefined
              }
            />
          </section>
        </Grid.Col>
        {isAdmin && (
          <Grid.Col span={{ base: 12, md: 5 }}>
            <Card component="section" withBorder padding="lg" aria-labelledby="add-institution-heading">
              <Title order={2} id="add-institution-heading" mb="md">
                Add an institution
              </Title>
              <CreateInstitutionForm />
            </Card>
          </Grid.Col>
        )}
      </Grid>
    </>
  );
}
