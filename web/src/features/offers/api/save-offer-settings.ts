import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionBase, offerSettingsSchema, type OfferSettings } from './offer-schema';

/** PUT /api/institutions/{id}/offerings/{oid}/offer-settings (coordinator). */
export function useSaveOfferSettings(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: OfferSettings) =>
      api.put(
        `${institutionBase(institutionId)}/offerings/${encodeURIComponent(offeringId)}/offer-settings`,
        offerSettingsSchema.parse(input),
        offerSettingsSchema,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: ['institutions', institutionId] }),
  });
}
