import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { applicationQueryKey, applicationSchema, type Application } from './application-schema';

/** GET /api/applications/{id}: one of the caller's applications with its checklist per block. */
export function getApplication(id: string, signal?: AbortSignal): Promise<Application> {
  return api.get(`/applications/${encodeURIComponent(id)}`, applicationSchema, signal ? { signal } : undefined);
}

export function getApplicationQueryOptions(id: string) {
  return queryOptions({ queryKey: applicationQueryKey(id), queryFn: ({ signal }) => getApplication(id, signal) });
}

export function useApplication(id: string) {
  return useQuery(getApplicationQueryOptions(id));
}
