import { Anchor, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { NotAllowed } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { canEditCatalog, canSeeCatalog } from '@/features/auth/permissions';
import { useOffering } from '@/features/catalog/api/get-offering';
import { OfferingOffersBoard } from '@/features/offers/components/offering-offers-board';
import { RequireUser } from '../require-user';

function Offers({ user, institutionId, offeringId }: { user: User; institutionId: string; offeringId: string }) {
  const offering = useOffering(offeringId);
  if (!canSeeCatalog(user, institutionId)) return <NotAllowed />;
  return (
    <>
      <Text mb="sm">
        <Anchor component={Link} to={`/institutions/${institutionId}/offerings/${offeringId}/review`}>
          ← Review queue
        </Anchor>
      </Text>
      <PageHeader title={`Offers: ${offering.data?.title ?? 'Offering'}`}>Seats, offers and placements of this rotation.</PageHeader>
      <OfferingOffersBoard institutionId={institutionId} offeringId={offeringId} coordinator={canEditCatalog(user, institutionId)} />
    </>
  );
}

export function OfferingOffersPage() {
  const { id = '', offeringId = '' } = useParams();
  return (
    <RequireUser title="Offers">
      {(user) => <Offers key={`${id}/${offeringId}`} user={user} institutionId={id} offeringId={offeringId} />}
    </RequireUser>
  );
}
