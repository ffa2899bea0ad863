import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicationQueryKey, applicationSchema, type Application } from './application-schema';

/** At most this many characters in a written cover letter (services/materials.h). */
export const MAX_COVER_LETTER = 20000;

export const coverLetterInputSchema = z.object({ text: z.string().max(MAX_COVER_LETTER) });

/** PUT /api/applications/{id}/cover-letter: a written letter ({text}) or an uploaded PDF ({upload_id}); {} clears it. */
export function saveCoverLetter(id: string, body: { text?: string; upload_id?: string }): Promise<Application> {
  return api.put(`/applications/${encodeURIComponent(id)}/cover-letter`, body, applicationSchema);
}

/** PUT /api/applications/{id}/cv: {kind: 'generated'} or {kind: 'document', document_id}. */
export function saveCvChoice(id: string, body: { kind: string; document_id?: string }): Promise<Application> {
  return api.put(`/applications/${encodeURIComponent(id)}/cv`, body, applicationSchema);
}

const uploadAnswerSchema = z.object({ upload_id: z.string() });

/** PUT /api/me/uploads with the PDF as the raw body, then makes it the application's cover letter. */
export async function uploadCoverLetter(id: string, file: File): Promise<Application> {
  const upload = await api.put('/me/uploads', undefined, uploadAnswerSchema, {
    raw: { body: file, contentType: 'application/octet-stream' },
    headers: { 'X-Filename': /^[\x20-\x7e]*$/.test(file.name) ? file.name : encodeURIComponent(file.name) },
  });
  return saveCoverLetter(id, { upload_id: upload.upload_id });
}

function useSetApplication(id: string) {
  const queryClient = useQueryClient();
  return (application: Application) => queryClient.setQueryData(applicationQueryKey(id), application);
}

export function useSaveCoverLetter(id: string) {
  const set = useSetApplication(id);
  return useMutation({ mutationFn: (text: string) => saveCoverLetter(id, text ? { text } : {}), onSuccess: set });
}

export function useUploadCoverLetter(id: string) {
  const set = useSetApplication(id);
  return useMutation({ mutationFn: (file: File) => uploadCoverLetter(id, file), onSuccess: set });
}

export function useSaveCvChoice(id: string) {
  const set = useSetApplication(id);
  return useMutation({
    mutationFn: (choice: { kind: string; document_id?: string }) => saveCvChoice(id, choice),
    onSuccess: set,
  });
}

const cvDocumentsSchema = z.object({
  items: z.array(z.object({ id: z.string(), type: z.string(), title: z.string() })),
});

/** The applicant's CV documents in the vault (GET /api/me/documents, type cv). */
export function useCvDocuments() {
  return useQuery({
    queryKey: ['me', 'documents', 'cv'] as const,
    queryFn: async () => (await api.get('/me/documents', cvDocumentsSchema)).items.filter((d) => d.type === 'cv'),
  });
}
