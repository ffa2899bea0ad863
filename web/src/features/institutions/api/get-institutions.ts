import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { institutionSchema, type Institution } from './institution-schema';

const institutionsResponseSchema = z.object({ items: z.array(institutionSchema) });

export function getInstitutions(signal?: AbortSignal): Promise<Institution[]> {
  return api
    .get('/institutions', institutionsResponseSchema, signal ? { signal } : undefined)
    .then((response) => response.items);
}

export function getInstitutionsQueryOptions() {
  return queryOptions({
    queryKey: ['institutions'],
    queryFn: ({ signal }) => getInstitutions(signal),
  });
}

export function useInstitutions() {
  return useQuery(getInstitutionsQueryOptions());
}
