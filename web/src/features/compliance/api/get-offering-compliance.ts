import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { complianceListSchema, complianceQueryKey, type ComplianceRow } from './compliance-schema';

/** GET /api/institutions/{id}/offerings/{oid}/compliance: each applicant's items per block. */
export async function getOfferingCompliance(institutionId: string, offeringId: string, signal?: AbortSignal): Promise<ComplianceRow[]> {
  const path = `/institutions/${encodeURIComponent(institutionId)}/offerings/${encodeURIComponent(offeringId)}/compliance`;
  return (await api.get(path, complianceListSchema, signal ? { signal } : undefined)).items;
}

export function getOfferingComplianceQueryOptions(institutionId: string, offeringId: string) {
  return queryOptions({
    queryKey: complianceQueryKey(institutionId, offeringId),
    queryFn: ({ signal }) => getOfferingCompliance(institutionId, offeringId, signal),
  });
}

export function useOfferingCompliance(institutionId: string, offeringId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getOfferingComplianceQueryOptions(institutionId, offeringId), enabled: options.enabled ?? true });
}
