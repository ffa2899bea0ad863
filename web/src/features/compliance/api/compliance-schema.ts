import { z } from 'zod';

import { documentSchema, type VaultDocument } from '@/features/vault/api/document-schema';

/** One requirement's state for one block (core/compliance.h). */
export const complianceItemSchema = z.object({
  requirement: z.string(),
  count: z.number().int(),
  state: z.string(),
  reason: z.string(),
  document_ids: z.array(z.string()).nullish(),
});
export type ComplianceItem = z.infer<typeof complianceItemSchema>;

/** GET /api/institutions/{id}/offerings/{oid}/compliance: one row per applicant. */
export const complianceRowSchema = z.object({
  applicant: z.object({ id: z.string(), name: z.string(), email: z.string() }),
  application_id: z.string(),
  status: z.string(),
  blocks: z.array(
    z.object({
      block_id: z.string(),
      start_date: z.string(),
      end_date: z.string(),
      cleared: z.boolean(),
      items: z.array(complianceItemSchema),
    }),
  ),
});
export type ComplianceRow = z.infer<typeof complianceRowSchema>;
export const complianceListSchema = z.object({ items: z.array(complianceRowSchema) });

/** An applicant's document as institution staff see it: the same shape the vault returns. */
export const applicantDocumentSchema = documentSchema;
export type ApplicantDocument = VaultDocument;
export const applicantDocumentListSchema = z.object({ items: z.array(applicantDocumentSchema) });

export function complianceQueryKey(institutionId: string, offeringId: string) {
  return ['institutions', institutionId, 'offerings', offeringId, 'compliance'] as const;
}

export function applicantDocumentsQueryKey(institutionId: string, applicantId: string) {
  return ['institutions', institutionId, 'applicants', applicantId, 'documents'] as const;
}

/** The stored file of an applicant's document, for staff (each view is audit-logged). */
export function applicantDocumentFileUrl(institutionId: string, applicantId: string, documentId: string, version?: number) {
  const base = `/api/institutions/${encodeURIComponent(institutionId)}/applicants/${encodeURIComponent(applicantId)}/documents/${encodeURIComponent(documentId)}/file`;
  return version === undefined ? base : `${base}?version=${version}`;
}
