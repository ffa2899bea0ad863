import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const healthSchema = z.object({
  status: z.string(),
  version: z.string(),
  database: z.string(),
});

export type Health = z.infer<typeof healthSchema>;

export function getHealth(signal?: AbortSignal): Promise<Health> {
  return api.get('/health', healthSchema, signal ? { signal } : undefined);
}

export function getHealthQueryOptions() {
  return queryOptions({
    queryKey: ['health'],
    queryFn: ({ signal }) => getHealth(signal),
    staleTime: 60_000,
  });
}

export function useHealth() {
  return useQuery(getHealthQueryOptions());
}
