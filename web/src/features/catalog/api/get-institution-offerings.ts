import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { institutionOfferingsQueryKey, offeringSchema, type Offering } from './offering-schema';

const responseSchema = z.object({ items: z.array(offeringSchema) });

/** GET /api/institutions/{id}/offerings: every offering of the institution, any status (its staff). */
export function getInstitutionOfferings(institutionId: string, signal?: AbortSignal): Promise<Offering[]> {
  return api
    .get(`/institutions/${encodeURIComponent(institutionId)}/offerings`, responseSchema, signal ? { signal } : undefined)
    .then((response) => response.items);
}

export function getInstitutionOfferingsQueryOptions(institutionId: string) {
  return queryOptions({
    queryKey: institutionOfferingsQueryKey(institutionId),
    queryFn: ({ signal }) => getInstitutionOfferings(institutionId, signal),
    staleTime: 0,
  });
}

export function useInstitutionOfferings(institutionId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getInstitutionOfferingsQueryOptions(institutionId), enabled: options.enabled ?? true });
}
