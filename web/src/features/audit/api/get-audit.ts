import { keepPreviousData, queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const auditEntrySchema = z.object({
  id: z.string(),
  at: z.string(),
  actor_id: z.string(),
  actor_ip: z.string(),
  action: z.string(),
  record_type: z.string(),
  record_id: z.string(),
  institution_id: z.string(),
  detail: z.string().optional(),
});
export type AuditEntry = z.infer<typeof auditEntrySchema>;

const auditResponseSchema = z.object({ items: z.array(auditEntrySchema) });

export type AuditFilter = {
  /** Empty = every institution (admins only). */
  institutionId: string;
  limit: number;
};

/** GET /api/audit, newest first. Admins may ask for everything; coordinators for one of their institutions. */
export function getAudit(filter: AuditFilter, signal?: AbortSignal): Promise<AuditEntry[]> {
  const params = new URLSearchParams();
  if (filter.institutionId) params.set('institution_id', filter.institutionId);
  params.set('limit', String(filter.limit));
  return api
    .get(`/audit?${params.toString()}`, auditResponseSchema, signal ? { signal } : undefined)
    .then((response) => response.items);
}

export function getAuditQueryOptions(filter: AuditFilter) {
  return queryOptions({
    queryKey: ['audit', filter.institutionId, filter.limit],
    queryFn: ({ signal }) => getAudit(filter, signal),
    placeholderData: keepPreviousData,
  });
}

export function useAudit(filter: AuditFilter) {
  return useQuery(getAuditQueryOptions(filter));
}
