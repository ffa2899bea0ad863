import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { myOnboardingKey } from './get-my-onboarding';
import { placementOnboardingSchema } from './onboarding-schema';

export type RecordInput = { itemId: string; action: 'acknowledge' | 'sign'; textHash?: string };

/** POST /api/placements/{pid}/onboarding/{item}: acknowledge an item, or sign a policy (agree + text hash). */
export function useRecordOnboarding(placementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ itemId, action, textHash }: RecordInput) =>
      api.post(
        `/placements/${encodeURIComponent(placementId)}/onboarding/${encodeURIComponent(itemId)}`,
        action === 'sign' ? { action, agree: true, text_hash: textHash ?? '' } : { action },
        placementOnboardingSchema,
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: myOnboardingKey }),
  });
}
