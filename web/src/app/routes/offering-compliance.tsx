import { Anchor, Button, Card, Group, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { FocusOnMount } from '@/components/focus-on-mount';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog, canSeeCatalog } from '@/features/auth/permissions';
import { useOffering } from '@/features/catalog/api/get-offering';
import { documentLabel } from '@/features/catalog/components/labels';
import type { ComplianceRow } from '@/features/compliance/api/compliance-schema';
import { useOfferingCompliance } from '@/features/compliance/api/get-offering-compliance';
import { ApplicantDocuments } from '@/features/compliance/components/applicant-documents';
import { ComplianceTable } from '@/features/compliance/components/compliance-table';
import { RequireUser } from '../require-user';

function Compliance({ user, institutionId, offeringId }: { user: User; institutionId: string; offeringId: string }) {
  const allowed = canSeeCatalog(user, institutionId);
  const compliance = useOfferingCompliance(institutionId, offeringId, { enabled: allowed });
  const offering = useOffering(offeringId);
  const [applicant, setApplicant] = useState<ComplianceRow['applicant'] | null>(null);

  if (!allowed) return <NotAllowed />;
  if (compliance.isPending) return <PageLoading label="Loading the applicants…" />;
  if (compliance.isError) {
    return <PageErrorState error={compliance.error} title="Compliance" onRetry={() => void compliance.refetch()} />;
  }
  const title = offering.data?.title ?? 'Offering';
  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings`}>
          ← Catalog
        </Anchor>
      </Text>
      <PageHeader title={`Cleared to start: ${title}`}>
        Each applicant&apos;s required documents per block. Open an applicant to see their documents
        {canEditCatalog(user, institutionId) ? ' and verify or reject them' : ''}.
      </PageHeader>
      <section aria-labelledby="applicants-heading">
        <Title order={2} id="applicants-heading" mb="md">
          Applicants
        </Title>
        <ComplianceTable
          rows={compliance.data}
          requirementLabel={documentLabel}
          onOpenApplicant={setApplicant}
          labelledBy="applicants-heading"
        />
      </section>
      {applicant && (
        <Card component="section" withBorder padding="lg" mt="xl" aria-labelledby="applicant-documents-heading">
          <FocusOnMount key={applicant.id} label={`Documents of ${applicant.name}`}>
            <Group justify="space-between" mb="md">
              <Title order={2} size="h3" id="applicant-documents-heading">
                Documents of {applicant.name}
              </Title>
              <Button variant="default" size="xs" onClick={() => setApplicant(null)}>
                Close
              </Button>
            </Group>
            <ApplicantDocuments
              key={applicant.id}
              institutionId={institutionId}
              applicant={applicant}
              canReview={canEditCatalog(user, institutionId)}
              documentLabel={documentLabel}
              labelledBy="applicant-documents-heading"
            />
          </FocusOnMount>
        </Card>
      )}
    </>
  );
}

export function OfferingCompliancePage() {
  const { id = '', offeringId = '' } = useParams();
  return (
    <RequireUser title="Compliance">
      {(user) => <Compliance key={`${id}/${offeringId}`} user={user} institutionId={id} offeringId={offeringId} />}
    </RequireUser>
  );
}
