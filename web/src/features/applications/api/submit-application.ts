import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { applicationQueryKey, applicationSchema, myApplicationsQueryKey, type Application } from './application-schema';

/**
 * POST /api/applications/{id}/submit: a draft becomes submitted. 409 when it is not a draft, or when it is
 * incomplete (the error names every problem: letters, documents, eligibility).
 */
export function submitApplication(id: string): Promise<Application> {
  return api.post(`/applications/${encodeURIComponent(id)}/submit`, {}, applicationSchema);
}

export function useSubmitApplication(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => submitApplication(id),
    onSuccess: (application) => {
      queryClient.setQueryData(applicationQueryKey(application.id), application);
      return queryClient.invalidateQueries({ queryKey: myApplicationsQueryKey });
    },
    // Refused (e.g. incomplete): show the checklist as the server sees it now.
    onError: () => queryClient.invalidateQueries({ queryKey: applicationQueryKey(id) }),
  });
}
