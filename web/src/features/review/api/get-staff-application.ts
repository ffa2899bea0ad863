import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { reviewBase, staffApplicationKey, staffApplicationSchema, type StaffApplication } from './review-schema';

/** GET /api/institutions/{id}/applications/{aid}: snapshot, documents, scores, timeline, allowed events. */
export function getStaffApplication(institutionId: string, applicationId: string, signal?: AbortSignal): Promise<StaffApplication> {
  const path = `${reviewBase(institutionId)}/applications/${encodeURIComponent(applicationId)}`;
  return api.get(path, staffApplicationSchema, signal ? { signal } : undefined);
}

export function getStaffApplicationQueryOptions(institutionId: string, applicationId: string) {
  return queryOptions({
    queryKey: staffApplicationKey(institutionId, applicationId),
    queryFn: ({ signal }) => getStaffApplication(institutionId, applicationId, signal),
  });
}

export function useStaffApplication(institutionId: string, applicationId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getStaffApplicationQueryOptions(institutionId, applicationId), enabled: options.enabled ?? true });
}
