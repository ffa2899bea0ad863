import { Alert, Anchor, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog } from '@/features/auth/permissions';
import { useOffering } from '@/features/catalog/api/get-offering';
import { useVocabulary } from '@/features/catalog/api/get-vocabulary';
import { offeringFormValues } from '@/features/catalog/api/offering-input';
import { useUpdateOffering } from '@/features/catalog/api/update-offering';
import { CoordinatorBlocks } from '@/features/catalog/components/coordinator-blocks';
import { OfferingForm } from '@/features/catalog/components/offering-form';
import { OfferingStatusActions } from '@/features/catalog/components/offering-status-actions';
import { ApiError } from '@/lib/api-client';
import { RequireUser } from '../require-user';

function EditOffering({ user, institutionId, offeringId }: { user: User; institutionId: string; offeringId: string }) {
  const allowed = canEditCatalog(user, institutionId);
  const offering = useOffering(offeringId);
  const vocabulary = useVocabulary();
  const update = useUpdateOffering(institutionId, offeringId);
  const location = useLocation();
  const notice = (location.state as { notice?: string } | null)?.notice;
  const [saved, setSaved] = useState(false);

  if (!allowed) return <NotAllowed />;
  if (offering.isPending || vocabulary.isPending) return <PageLoading label="Loading the offering…" />;
  if (offering.isError) {
    return <PageErrorState error={offering.error} title="Offering" onRetry={() => void offering.refetch()} />;
  }
  if (vocabulary.isError) {
    return <PageErrorState error={vocabulary.error} title="Offering" onRetry={() => void vocabulary.refetch()} />;
  }
  const data = offering.data;
  if (data.institution_id !== institutionId) {
    return (
      <PageErrorState error={new ApiError({ status: 404, code: 'not_found', message: 'No such offering here.' })} title="Offering" />
    );
  }

  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings`}>
          ← Catalog of {data.institution_name}
        </Anchor>
      </Text>
      <PageHeader title={data.title}>
        Edit the offering, its blocks and whether applicants can see it.
      </PageHeader>
      <Stack gap="lg">
        {notice && (
          <Alert color="green" variant="light" role="status">
            {notice}
          </Alert>
        )}
        <Card withBorder padding="lg" component="section" aria-labelledby="publishing-heading">
          <Group justify="space-between" align="flex-start" mb="sm">
            <Title order={2} size="h3" id="publishing-heading">
              Publishing
            </Title>
            <Anchor component={Link} to={`/rotations/${data.id}`}>
              See it as applicants do
            </Anchor>
          </Group>
          <OfferingStatusActions institutionId={institutionId} offering={data} />
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="blocks-heading">
          <Title order={2} size="h3" id="blocks-heading" mb="sm">
            Blocks
          </Title>
          <CoordinatorBlocks institutionId={institutionId} offering={data} canEdit />
        </Card>

        <Card withBorder padding="lg" component="section" aria-labelledby="details-heading">
          <Title order={2} size="h3" id="details-heading" mb="sm">
            Details
          </Title>
          {saved && !update.isError && (
            <Alert color="green" variant="light" role="status" mb="md">
              Changes saved.
            </Alert>
          )}
          <OfferingForm
            key={data.id}
            initial={offeringFormValues(data)}
            vocabulary={vocabulary.data}
            mutation={update}
            submitLabel="Save changes"
            failureTitle="The changes were not saved"
            labelledBy="details-heading"
            onSaved={() => setSaved(true)}
          />
        </Card>
      </Stack>
    </>
  );
}

export function EditOfferingPage() {
  const { id = '', offeringId = '' } = useParams();
  return (
    <RequireUser title="Offering">
      {(user) => <EditOffering key={`${id}/${offeringId}`} user={user} institutionId={id} offeringId={offeringId} />}
    </RequireUser>
  );
}
