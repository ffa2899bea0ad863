import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { messageListSchema, messageSchema } from '@/lib/messages';
import { reviewBase } from './review-schema';

function path(institutionId: string, applicationId: string) {
  return `${reviewBase(institutionId)}/applications/${encodeURIComponent(applicationId)}/messages`;
}
export function staffMessagesKey(institutionId: string, applicationId: string) {
  return ['institutions', institutionId, 'applications', applicationId, 'messages'] as const;
}

/** GET …/applications/{aid}/messages (marks the thread read for the caller). */
export function staffMessagesQueryOptions(institutionId: string, applicationId: string) {
  return queryOptions({
    queryKey: staffMessagesKey(institutionId, applicationId),
    queryFn: async ({ signal }) => (await api.get(path(institutionId, applicationId), messageListSchema, { signal })).items,
  });
}
export function useStaffMessages(institutionId: string, applicationId: string) {
  return useQuery(staffMessagesQueryOptions(institutionId, applicationId));
}

export const messageInputSchema = z.object({ body: z.string().trim().min(1, 'Write a message') });

/** POST …/applications/{aid}/messages: e-mails the applicant. */
export function useSendStaffMessage(institutionId: string, applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post(path(institutionId, applicationId), messageInputSchema.parse({ body }), messageSchema),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: staffMessagesKey(institutionId, applicationId) }),
  });
}
