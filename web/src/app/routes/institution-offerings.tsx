import { Alert, Anchor, Button, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog, canSeeCatalog } from '@/features/auth/permissions';
import { useInstitutionOfferings } from '@/features/catalog/api/get-institution-offerings';
import { catalogCsvUrl } from '@/features/catalog/api/import-catalog-csv';
import { CatalogImport } from '@/features/catalog/components/catalog-import';
import { useVocabulary } from '@/features/catalog/api/get-vocabulary';
import { InstitutionOfferingsTable } from '@/features/catalog/components/institution-offerings-table';
import { useInstitution } from '@/features/institutions/api/get-institution';
import { RequireUser } from '../require-user';

export function institutionName(user: User, institutionId: string, fromApi: string | undefined): string {
  return (
    fromApi ?? user.memberships.find((m) => m.institution_id === institutionId)?.institution_name ?? 'Institution'
  );
}

function Catalog({ user, institutionId }: { user: User; institutionId: string }) {
  const allowed = canSeeCatalog(user, institutionId);
  const offerings = useInstitutionOfferings(institutionId, { enabled: allowed });
  const institution = useInstitution(institutionId);
  const vocabulary = useVocabulary();
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [importing, setImporting] = useState(false);

  if (!allowed) return <NotAllowed />;
  if (offerings.isPending) return <PageLoading label="Loading the catalog…" />;
  if (offerings.isError) {
    return <PageErrorState error={offerings.error} title="Catalog" onRetry={() => void offerings.refetch()} />;
  }
  const name = institutionName(user, institutionId, institution.data?.name);
  const edit = canEditCatalog(user, institutionId);

  return (
    <>
      <PageHeader title={`Catalog of ${name}`}>
        The rotations {name} offers on Clerkship, with each block&apos;s seats and applications.
      </PageHeader>
      <Text mb="md">
        <Anchor component={Link} to={`/institutions/${institutionId}/onboarding`}>
          Cleared to start: accepted placements and what they still miss
        </Anchor>
      </Text>
      {notice && (
        <Alert color="green" variant="light" role="status" mb="md">
          {notice}
        </Alert>
      )}
      <section aria-labelledby="offerings-heading">
        <Group justify="space-between" mb="md">
          <Title order={2} id="offerings-heading">
            Offerings
          </Title>
          {edit && (
            <Group gap="sm">
              <Button component="a" href={catalogCsvUrl(institutionId)} download="catalog.csv" variant="default">
                Export CSV
              </Button>
              <Button variant="default" onClick={() => setImporting(true)} disabled={importing}>
                Import CSV
              </Button>
              <Button component={Link} to={`/institutions/${institutionId}/review-settings`} variant="default">
                Review settings
              </Button>
              <Button component={Link} to={`/institutions/${institutionId}/offerings/new`}>
                New offering
              </Button>
            </Group>
          )}
        </Group>
        {edit && importing && <CatalogImport institutionId={institutionId} onClose={() => setImporting(false)} />}
        <InstitutionOfferingsTable
          institutionId={institutionId}
          offerings={offerings.data}
          vocabulary={vocabulary.data}
          canEdit={edit}
          labelledBy="offerings-heading"
        />
      </section>
    </>
  );
}

export function InstitutionOfferingsPage() {
  const { id = '' } = useParams();
  return (
    <RequireUser title="Catalog">{(user) => <Catalog key={id} user={user} institutionId={id} />}</RequireUser>
  );
}
