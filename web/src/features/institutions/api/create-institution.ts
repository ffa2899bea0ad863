import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { getInstitutionsQueryOptions } from './get-institutions';
import { institutionSchema, type Institution } from './institution-schema';

/**
 * The request body of POST /api/institutions. It trims and normalises what the user typed;
 * the rules (required fields, ISO country, IANA zone, URL) are the server's, so its messages
 * are the ones the user sees and the two can never disagree.
 */
export const createInstitutionInputSchema = z.object({
  name: z.string().trim(),
  city: z.string().trim(),
  state: z.string().trim(),
  country: z.string().trim().toUpperCase(),
  time_zone: z.string().trim(),
  website: z.string().trim(),
});

export type CreateInstitutionInput = z.input<typeof createInstitutionInputSchema>;
export type InstitutionField = keyof CreateInstitutionInput;

export function createInstitution(input: CreateInstitutionInput): Promise<Institution> {
  const body = createInstitutionInputSchema.parse(input);
  return api.post('/institutions', body, institutionSchema);
}

export function useCreateInstitution(options: { onSuccess?: (institution: Institution) => void } = {}) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createInstitution,
    onSuccess: async (institution) => {
      await queryClient.invalidateQueries({ queryKey: getInstitutionsQueryOptions().queryKey });
      options.onSuccess?.(institution);
    },
  });
}
