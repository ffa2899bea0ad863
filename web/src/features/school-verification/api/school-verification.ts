import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api, putPdfByToken } from '@/lib/api-client';

export const schoolVerificationSchema = z.object({
  id: z.string(),
  school_name: z.string(),
  office_name: z.string(),
  office_email: z.string(),
  status: z.enum(['requested', 'verified', 'declined', 'cancelled']),
  claim: z.string(),
  year: z.number().int().nullable(),
  good_standing: z.boolean(),
  method: z.string(),
  attester_name: z.string(),
  attester_title: z.string(),
  reason: z.string(),
  created_at: z.string(),
  responded_at: z.string(),
});
export type SchoolVerification = z.infer<typeof schoolVerificationSchema>;

const listSchema = z.object({ items: z.array(schoolVerificationSchema) });
const mineKey = ['me', 'school-verifications'] as const;

/** GET /api/me/school-verifications (newest first). */
export function useMySchoolVerifications() {
  return useQuery({
    queryKey: mineKey,
    queryFn: async ({ signal }) => (await api.get('/me/school-verifications', listSchema, { signal })).items,
  });
}

export const schoolRequestSchema = z.object({ office_name: z.string().trim().min(1).max(200), office_email: z.string().trim().min(3) });

/** POST /api/me/school-verifications: e-mails the office a private link. */
export function useRequestSchoolVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { office_name: string; office_email: string }) =>
      api.post('/me/school-verifications', input, schoolVerificationSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mineKey }),
  });
}

/** POST /api/me/school-verifications/{id}/cancel. */
export function useCancelSchoolVerification() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post(`/me/school-verifications/${encodeURIComponent(id)}/cancel`, {}, schoolVerificationSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: mineKey }),
  });
}

// ---- the office's page (no account: the token in the link authorizes)

export const schoolOfficeSchema = z.object({
  applicant_name: z.string(),
  applicant_status: z.string(),
  graduation_date: z.string(),
  school_name: z.string(),
  office_name: z.string(),
  status: z.string(),
  has_letter: z.boolean(),
  letter_pages: z.number().int(),
  responded_at: z.string(),
});
export type SchoolOffice = z.infer<typeof schoolOfficeSchema>;

const officeKey = (token: string) => ['school-verification', token] as const;

export function useSchoolOffice(token: string) {
  return useQuery({
    queryKey: officeKey(token),
    queryFn: ({ signal }) => api.get(`/school-verification?token=${encodeURIComponent(token)}`, schoolOfficeSchema, { signal }),
    enabled: token.length > 0,
    retry: false,
  });
}

export type SchoolAnswer = {
  decision: 'verify' | 'decline';
  claim?: string;
  year?: number;
  good_standing?: boolean;
  attester_name: string;
  attester_title: string;
  attest?: boolean;
  reason?: string;
};

export function useAnswerSchoolVerification(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: SchoolAnswer) =>
      api.post(`/school-verification?token=${encodeURIComponent(token)}`, answer, schoolOfficeSchema),
    onSuccess: (office) => queryClient.setQueryData(officeKey(token), office),
  });
}

export const MAX_SCHOOL_LETTER_BYTES = 10 * 1024 * 1024;

/** PUT /api/school-verification/file?token=… with the PDF as the raw body. Errors are about the `file`. */
export async function uploadSchoolLetter(token: string, file: File): Promise<SchoolOffice> {
  return schoolOfficeSchema.parse(await putPdfByToken('/school-verification/file', token, file, MAX_SCHOOL_LETTER_BYTES));
}

export function useUploadSchoolLetter(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (file: File) => uploadSchoolLetter(token, file),
    onSuccess: (office) => queryClient.setQueryData(officeKey(token), office),
  });
}
