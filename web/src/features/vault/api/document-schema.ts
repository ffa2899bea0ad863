import { z } from 'zod';

const text = z.string().nullish();

export const vaccineSchema = z.object({
  vaccine: z.string(),
  kind: z.string(),
  date: text,
  result: text,
});
export type Vaccine = z.infer<typeof vaccineSchema>;

export const documentVersionSchema = z.object({
  version: z.number().int(),
  mime: z.string(),
  size: z.number(),
  pages: z.number().nullish(),
  filename: text,
  issued_on: text,
  expires_on: text,
  vaccines: z.array(vaccineSchema).nullish(),
  uploaded_at: z.string(),
});
export type DocumentVersion = z.infer<typeof documentVersionSchema>;

/** A vault document with its versions, newest first (docs/decisions/005). */
export const documentSchema = z.object({
  id: z.string(),
  type: z.string(),
  title: text,
  status: z.string(),
  status_reason: text,
  reviewed_at: text,
  current_version: z.number().int(),
  created_at: z.string(),
  updated_at: z.string(),
  versions: z.array(documentVersionSchema),
});
export type VaultDocument = z.infer<typeof documentSchema>;

export const documentListSchema = z.object({ items: z.array(documentSchema) });

export const uploadSchema = z.object({
  upload_id: z.string(),
  mime: z.string(),
  size: z.number(),
  pages: z.number().nullish(),
});
export type Upload = z.infer<typeof uploadSchema>;

export const documentsQueryKey = ['me', 'documents'] as const;

/** The stored file of one version (the current one without `version`). */
export function myDocumentFileUrl(documentId: string, version?: number): string {
  const base = `/api/me/documents/${encodeURIComponent(documentId)}/file`;
  return version === undefined ? base : `${base}?version=${version}`;
}

/** The version the document's status and dates are about. */
export function currentVersion(document: VaultDocument): DocumentVersion | undefined {
  return document.versions.find((v) => v.version === document.current_version) ?? document.versions[0];
}
