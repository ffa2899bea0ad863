import { Anchor, Text } from '@mantine/core';
import { Link, useLocation, useParams } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { ResponseTime } from '@/components/response-time';
import { ApplyPanel } from '@/features/applications/components/apply-panel';
import { useSession } from '@/features/auth/api/get-session';
import { useOffering } from '@/features/catalog/api/get-offering';
import { useVocabulary } from '@/features/catalog/api/get-vocabulary';
import { OfferingDetails } from '@/features/catalog/components/offering-details';
import { OfferingRatings } from '@/features/catalog/components/offering-ratings';

/** One offering, for anyone when published (and for its staff as a draft). */
export function OfferingPage() {
  const { offeringId = '' } = useParams();
  const location = useLocation();
  const offering = useOffering(offeringId);
  const vocabulary = useVocabulary();
  const session = useSession();
  const fromSearch = (location.state as { fromSearch?: string } | null)?.fromSearch;

  const back = (
    <Text mb="sm">
      <Anchor component={Link} to={fromSearch !== undefined ? `/rotations${fromSearch ? `?${fromSearch}` : ''}` : '/rotations'}>
        {fromSearch !== undefined ? '← Back to your search' : '← Find a rotation'}
      </Anchor>
    </Text>
  );

  if (offering.isPending) return <PageLoading label="Loading the rotation…" />;
  if (offering.isError) {
    return <PageErrorState error={offering.error} title="Rotation" onRetry={() => void offering.refetch()} />;
  }
  const data = offering.data;
  const where = [data.city, data.state].filter(Boolean).join(', ');
  return (
    <>
      {back}
      <PageHeader title={data.title}>
        {data.institution_name}
        {where ? ` · ${where}` : ''}
      </PageHeader>
      <ResponseTime days={data.median_response_days} />
      <OfferingRatings ratings={data.ratings} />
      {session.data?.user?.is_applicant && data.status === 'published' && (
        <div style={{ marginBottom: 'var(--mantine-spacing-lg)' }}>
          <ApplyPanel offeringId={data.id} blocks={data.blocks} />
        </div>
      )}
      <OfferingDetails offering={data} vocabulary={vocabulary.data} />
    </>
  );
}
