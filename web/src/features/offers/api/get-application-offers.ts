import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionBase, myApplicationOffersKey, offerListSchema, staffApplicationOffersKey } from './offer-schema';

/** GET /api/applications/{aid}/offers: the caller's offers for their application, newest first. */
export function useMyApplicationOffers(applicationId: string) {
  return useQuery({
    queryKey: myApplicationOffersKey(applicationId),
    queryFn: ({ signal }) =>
      api.get(`/applications/${encodeURIComponent(applicationId)}/offers`, offerListSchema, { signal }).then((r) => r.items),
  });
}

/** GET /api/institutions/{id}/applications/{aid}/offers (staff). */
export function useStaffApplicationOffers(institutionId: string, applicationId: string) {
  return useQuery({
    queryKey: staffApplicationOffersKey(institutionId, applicationId),
    queryFn: ({ signal }) =>
      api
        .get(`${institutionBase(institutionId)}/applications/${encodeURIComponent(applicationId)}/offers`, offerListSchema, { signal })
        .then((r) => r.items),
  });
}
