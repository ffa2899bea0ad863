import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

/** GET /api/catalog/vocabulary: the controlled lists (admins can add specialties). */
export const vocabularySchema = z.object({
  specialties: z.array(z.object({ code: z.string(), name: z.string() })),
  types: z.array(z.string()),
  document_types: z.array(z.string()),
  exams: z.array(z.string()),
  visa_types: z.array(z.string()),
  fee_kinds: z.array(z.string()),
  fee_categories: z.array(z.string()),
  settings: z.array(z.string()),
});
export type Vocabulary = z.infer<typeof vocabularySchema>;

export function getVocabulary(signal?: AbortSignal): Promise<Vocabulary> {
  return api.get('/catalog/vocabulary', vocabularySchema, signal ? { signal } : undefined);
}

export function getVocabularyQueryOptions() {
  return queryOptions({
    queryKey: ['catalog', 'vocabulary'],
    queryFn: ({ signal }) => getVocabulary(signal),
    staleTime: 10 * 60_000,
  });
}

export function useVocabulary() {
  return useQuery(getVocabularyQueryOptions());
}
