import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { boardQuery, boardSchema, institutionBase, type BoardFilter } from './onboarding-schema';

/** GET /api/institutions/{id}/onboarding-board (staff): accepted placements, cleared or what is missing. */
export function useOnboardingBoard(institutionId: string, filter: BoardFilter, options: { enabled?: boolean } = {}) {
  return useQuery({
    queryKey: ['institutions', institutionId, 'onboarding-board', filter],
    queryFn: ({ signal }) =>
      api.get(`${institutionBase(institutionId)}/onboarding-board${boardQuery(filter)}`, boardSchema, { signal }),
    enabled: options.enabled ?? true,
  });
}

/** The same board as CSV (a plain link downloads it). */
export function boardCsvUrl(institutionId: string, filter: BoardFilter): string {
  return `/api${institutionBase(institutionId)}/onboarding-board.csv${boardQuery(filter)}`;
}
