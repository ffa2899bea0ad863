import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicationQueryKey, applicationSchema, myApplicationsQueryKey, type Application } from './application-schema';

export const withdrawInputSchema = z.object({ reason: z.string().trim() });

/** POST /api/applications/{id}/withdraw with the applicant's reason. */
export function withdrawApplication(id: string, reason: string): Promise<Application> {
  return api.post(`/applications/${encodeURIComponent(id)}/withdraw`, withdrawInputSchema.parse({ reason }), applicationSchema);
}

export function useWithdrawApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => withdrawApplication(id, reason),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationQueryKey(application.id), application);
      return queryClient.invalidateQueries({ queryKey: myApplicationsQueryKey });
    },
  });
}
