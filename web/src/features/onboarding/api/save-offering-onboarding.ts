import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionBase, offeringOnboardingSchema, type OnboardingItemInput } from './onboarding-schema';

/** PUT /api/institutions/{id}/offerings/{oid}/onboarding (coordinator): the whole list of items. */
export function useSaveOfferingOnboarding(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (items: OnboardingItemInput[]) =>
      api.put(
        `${institutionBase(institutionId)}/offerings/${encodeURIComponent(offeringId)}/onboarding`,
        { items },
        offeringOnboardingSchema,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['institutions', institutionId] }),
  });
}
