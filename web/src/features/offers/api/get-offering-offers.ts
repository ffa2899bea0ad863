import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionBase, offeringOffersKey, offeringOffersSchema, type OfferingOffers } from './offer-schema';

/** GET /api/institutions/{id}/offerings/{oid}/offers: blocks with seats and waitlists, offers, placements. */
export function getOfferingOffers(institutionId: string, offeringId: string, signal?: AbortSignal): Promise<OfferingOffers> {
  const path = `${institutionBase(institutionId)}/offerings/${encodeURIComponent(offeringId)}/offers`;
  return api.get(path, offeringOffersSchema, signal ? { signal } : undefined);
}

export function useOfferingOffers(institutionId: string, offeringId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    ...queryOptions({
      queryKey: offeringOffersKey(institutionId, offeringId),
      queryFn: ({ signal }) => getOfferingOffers(institutionId, offeringId, signal),
    }),
    enabled: (options.enabled ?? true) && offeringId !== '',
  });
}
