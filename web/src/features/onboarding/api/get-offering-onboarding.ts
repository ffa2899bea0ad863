import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionBase, offeringOnboardingSchema } from './onboarding-schema';

export const offeringOnboardingKey = (institutionId: string, offeringId: string) =>
  ['institutions', institutionId, 'offerings', offeringId, 'onboarding'] as const;

/** GET /api/institutions/{id}/offerings/{oid}/onboarding (staff). */
export function useOfferingOnboarding(institutionId: string, offeringId: string, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: offeringOnboardingKey(institutionId, offeringId),
    queryFn: ({ signal }) =>
      api.get(
        `${institutionBase(institutionId)}/offerings/${encodeURIComponent(offeringId)}/onboarding`,
        offeringOnboardingSchema,
        { signal },
      ),
    enabled: options.enabled ?? true,
  });
}
