import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { documentListSchema, documentsQueryKey, type VaultDocument } from './document-schema';

/** GET /api/me/documents: the caller's vault (deleted documents left out). */
export async function getDocuments(signal?: AbortSignal): Promise<VaultDocument[]> {
  return (await api.get('/me/documents', documentListSchema, signal ? { signal } : undefined)).items;
}

export function getDocumentsQueryOptions() {
  return queryOptions({ queryKey: documentsQueryKey, queryFn: ({ signal }) => getDocuments(signal) });
}

export function useDocuments() {
  return useQuery(getDocumentsQueryOptions());
}
