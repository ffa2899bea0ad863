import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { offeringQueryKey, offeringSchema, type Offering } from './offering-schema';

/** GET /api/offerings/{id}: a published offering for anyone; drafts and archived ones for its staff. */
export function getOffering(offeringId: string, signal?: AbortSignal): Promise<Offering> {
  return api.get(`/offerings/${encodeURIComponent(offeringId)}`, offeringSchema, signal ? { signal } : undefined);
}

export function getOfferingQueryOptions(offeringId: string) {
  return queryOptions({
    queryKey: offeringQueryKey(offeringId),
    queryFn: ({ signal }) => getOffering(offeringId, signal),
  });
}

export function useOffering(offeringId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getOfferingQueryOptions(offeringId), enabled: options.enabled ?? true });
}
