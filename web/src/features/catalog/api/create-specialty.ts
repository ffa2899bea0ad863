import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { getVocabularyQueryOptions } from './get-vocabulary';

export const createSpecialtyInputSchema = z.object({
  code: z.string().trim(),
  name: z.string().trim(),
});
export type CreateSpecialtyInput = z.infer<typeof createSpecialtyInputSchema>;

const specialtySchema = z.object({ code: z.string(), name: z.string() });
export type Specialty = z.infer<typeof specialtySchema>;

/** POST /api/specialties (admins): extends the controlled list; 409 when the code is taken. */
export function createSpecialty(input: CreateSpecialtyInput): Promise<Specialty> {
  return api.post('/specialties', createSpecialtyInputSchema.parse(input), specialtySchema);
}

export function useCreateSpecialty() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createSpecialty,
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getVocabularyQueryOptions().queryKey }),
  });
}
