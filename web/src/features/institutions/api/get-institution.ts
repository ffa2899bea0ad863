import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { institutionSchema, type Institution } from './institution-schema';

/** GET /api/institutions/{id} (public). */
export function getInstitution(id: string, signal?: AbortSignal): Promise<Institution> {
  return api.get(`/institutions/${encodeURIComponent(id)}`, institutionSchema, signal ? { signal } : undefined);
}

export function getInstitutionQueryOptions(id: string) {
  return queryOptions({
    queryKey: ['institutions', id],
    queryFn: ({ signal }) => getInstitution(id, signal),
  });
}

export function useInstitution(id: string) {
  return useQuery(getInstitutionQueryOptions(id));
}
