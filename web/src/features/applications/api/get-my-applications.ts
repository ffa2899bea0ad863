import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { applicationListSchema, myApplicationsQueryKey, type Application } from './application-schema';

/** GET /api/me/applications: the caller's applications, without checklists. */
export async function getMyApplications(signal?: AbortSignal): Promise<Application[]> {
  return (await api.get('/me/applications', applicationListSchema, signal ? { signal } : undefined)).items;
}

export function getMyApplicationsQueryOptions() {
  return queryOptions({ queryKey: myApplicationsQueryKey, queryFn: ({ signal }) => getMyApplications(signal) });
}

export function useMyApplications() {
  return useQuery(getMyApplicationsQueryOptions());
}
