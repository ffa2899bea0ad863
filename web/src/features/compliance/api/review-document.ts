import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicantDocumentSchema, applicantDocumentsQueryKey, type ApplicantDocument } from './compliance-schema';

export const reviewInputSchema = z.object({
  decision: z.enum(['verify', 'reject']),
  reason: z.string().trim(),
});
export type ReviewInput = z.infer<typeof reviewInputSchema>;

/** POST …/applicants/{uid}/documents/{did}/review (coordinators); a rejection needs a reason. */
export function reviewDocument(institutionId: string, applicantId: string, documentId: string, input: ReviewInput): Promise<ApplicantDocument> {
  const path = `/institutions/${encodeURIComponent(institutionId)}/applicants/${encodeURIComponent(applicantId)}/documents/${encodeURIComponent(documentId)}/review`;
  return api.post(path, reviewInputSchema.parse(input), applicantDocumentSchema);
}

export function useReviewDocument(institutionId: string, applicantId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ documentId, input }: { documentId: string; input: ReviewInput }) =>
      reviewDocument(institutionId, applicantId, documentId, input),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ['institutions', institutionId, 'offerings'] });
      return queryClient.invalidateQueries({ queryKey: applicantDocumentsQueryKey(institutionId, applicantId) });
    },
  });
}
