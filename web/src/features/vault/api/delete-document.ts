import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { documentsQueryKey } from './document-schema';

/** DELETE /api/me/documents/{id} (204); 409 while a submitted application references it. */
export async function deleteDocument(documentId: string): Promise<void> {
  await api.delete(`/me/documents/${encodeURIComponent(documentId)}`);
}

export function useDeleteDocument() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: deleteDocument,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsQueryKey }),
  });
}
