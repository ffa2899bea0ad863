import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { myOnboardingSchema } from './onboarding-schema';

export const myOnboardingKey = ['me', 'onboarding'] as const;

/** GET /api/me/onboarding: my accepted placements with their checklists. */
export function useMyOnboarding() {
  return useQuery({
    queryKey: myOnboardingKey,
    queryFn: ({ signal }) => api.get('/me/onboarding', myOnboardingSchema, { signal }),
  });
}
