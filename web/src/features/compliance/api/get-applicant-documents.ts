import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { applicantDocumentListSchema, applicantDocumentsQueryKey, type ApplicantDocument } from './compliance-schema';

/** GET /api/institutions/{id}/applicants/{uid}/documents (audited; only while they have an application here). */
export async function getApplicantDocuments(institutionId: string, applicantId: string, signal?: AbortSignal): Promise<ApplicantDocument[]> {
  const path = `/institutions/${encodeURIComponent(institutionId)}/applicants/${encodeURIComponent(applicantId)}/documents`;
  return (await api.get(path, applicantDocumentListSchema, signal ? { signal } : undefined)).items;
}

export function getApplicantDocumentsQueryOptions(institutionId: string, applicantId: string) {
  return queryOptions({
    queryKey: applicantDocumentsQueryKey(institutionId, applicantId),
    queryFn: ({ signal }) => getApplicantDocuments(institutionId, applicantId, signal),
  });
}

export function useApplicantDocuments(institutionId: string, applicantId: string) {
  return useQuery(getApplicantDocumentsQueryOptions(institutionId, applicantId));
}
