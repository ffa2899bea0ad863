import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { documentSchema, documentsQueryKey, type VaultDocument } from './document-schema';
import { uploadFile } from './upload-file';

/** What the upload form collects besides the file. */
export type DocumentMeta = {
  type: string;
  title: string;
  issued_on: string;
  expires_on: string;
  vaccines: { vaccine: string; kind: string; date: string; result: string }[];
};

function metaBody(meta: DocumentMeta, withType: boolean): Record<string, unknown> {
  const body: Record<string, unknown> = {};
  if (withType) body.type = meta.type;
  if (withType && meta.title.trim()) body.title = meta.title.trim();
  if (meta.issued_on) body.issued_on = meta.issued_on;
  if (meta.expires_on) body.expires_on = meta.expires_on;
  if (meta.type === 'immunization_record' && meta.vaccines.length > 0) {
    body.vaccines = meta.vaccines.map((v) => {
      const entry: Record<string, string> = { vaccine: v.vaccine, kind: v.kind, date: v.date };
      if (v.result.trim()) entry.result = v.result.trim();
      return entry;
    });
  }
  return body;
}

/**
 * Stores a new document: the file first (PUT /api/me/uploads), then the metadata with its
 * upload_id (POST /api/me/documents), which attaches it in one transaction.
 */
export async function uploadDocument(file: File, meta: DocumentMeta): Promise<VaultDocument> {
  const upload = await uploadFile(file);
  return api.post('/me/documents', { upload_id: upload.upload_id, ...metaBody(meta, true) }, documentSchema);
}

/** Replaces a document: a new upload, then POST …/{id}/versions (the old version is kept). */
export async function replaceDocument(documentId: string, file: File, meta: DocumentMeta): Promise<VaultDocument> {
  const upload = await uploadFile(file);
  return api.post(
    `/me/documents/${encodeURIComponent(documentId)}/versions`,
    { upload_id: upload.upload_id, ...metaBody(meta, false) },
    documentSchema,
  );
}

export type SaveDocumentInput = { file: File; meta: DocumentMeta };

/** Upload (documentId undefined) or replace (a new version of documentId). */
export function useSaveDocument(documentId?: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ file, meta }: SaveDocumentInput) =>
      documentId ? replaceDocument(documentId, file, meta) : uploadDocument(file, meta),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: documentsQueryKey }),
  });
}
