import { Anchor, Card, Text, Title } from '@mantine/core';
import { Link, useNavigate, useParams } from 'react-router';
import { NotAllowed, PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog } from '@/features/auth/permissions';
import { useCreateOffering } from '@/features/catalog/api/create-offering';
import { useVocabulary } from '@/features/catalog/api/get-vocabulary';
import { emptyOfferingValues } from '@/features/catalog/api/offering-input';
import { OfferingForm } from '@/features/catalog/components/offering-form';
import { useInstitution } from '@/features/institutions/api/get-institution';
import { RequireUser } from '../require-user';
import { institutionName } from './institution-offerings';

function NewOffering({ user, institutionId }: { user: User; institutionId: string }) {
  const vocabulary = useVocabulary();
  const institution = useInstitution(institutionId);
  const create = useCreateOffering(institutionId);
  const navigate = useNavigate();

  if (!canEditCatalog(user, institutionId)) return <NotAllowed />;
  if (vocabulary.isPending || institution.isPending) return <PageLoading label="Loading…" />;
  if (vocabulary.isError) {
    return <PageErrorState error={vocabulary.error} title="New offering" onRetry={() => void vocabulary.refetch()} />;
  }
  const name = institutionName(user, institutionId, institution.data?.name);
  const place = institution.data;

  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings`}>
          ← Catalog of {name}
        </Anchor>
      </Text>
      <PageHeader title="New offering">
        It starts as a draft: add its blocks (dates and seats), then publish it.
      </PageHeader>
      <Card withBorder padding="lg" component="section" aria-labelledby="details-heading">
        <Title order={2} size="h3" id="details-heading" mb="sm">
          Offering details
        </Title>
        <OfferingForm
          initial={emptyOfferingValues(place ? { city: place.city, state: place.state, country: place.country } : {})}
          vocabulary={vocabulary.data}
          mutation={create}
          submitLabel="Create draft"
          failureTitle="The offering was not created"
          labelledBy="details-heading"
          onSaved={(offering) =>
            void navigate(`/institutions/${institutionId}/offerings/${offering.id}`, {
              state: { notice: `“${offering.title}” is saved as a draft. Add its blocks, then publish it.` },
            })
          }
        />
      </Card>
    </>
  );
}

export function NewOfferingPage() {
  const { id = '' } = useParams();
  return (
    <RequireUser title="New offering">{(user) => <NewOffering key={id} user={user} institutionId={id} />}</RequireUser>
  );
}
