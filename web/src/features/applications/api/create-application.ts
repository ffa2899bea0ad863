import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicationQueryKey, applicationSchema, myApplicationsQueryKey, type Application } from './application-schema';

export const createApplicationInputSchema = z.object({
  offering_id: z.string(),
  block_ids: z.array(z.string()),
});
export type CreateApplicationInput = z.infer<typeof createApplicationInputSchema>;

/** POST /api/applications: a draft for the chosen blocks, in order of preference. */
export function createApplication(input: CreateApplicationInput): Promise<Application> {
  return api.post('/applications', createApplicationInputSchema.parse(input), applicationSchema);
}

export function useCreateApplication() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: createApplication,
    onSuccess: (application) => {
      queryClient.setQueryData(applicationQueryKey(application.id), application);
      return queryClient.invalidateQueries({ queryKey: myApplicationsQueryKey });
    },
  });
}
