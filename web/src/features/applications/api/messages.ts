import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { messageListSchema, messageSchema } from '@/lib/messages';
import { applicationQueryKey, myApplicationsQueryKey } from './application-schema';

function path(id: string) {
  return `/applications/${encodeURIComponent(id)}/messages`;
}
export function applicationMessagesKey(id: string) {
  return ['applications', id, 'messages'] as const;
}

/** GET /api/applications/{id}/messages: the thread with the program (marks it read). */
export function applicationMessagesQueryOptions(id: string) {
  return queryOptions({
    queryKey: applicationMessagesKey(id),
    queryFn: async ({ signal }) => (await api.get(path(id), messageListSchema, { signal })).items,
  });
}
export function useApplicationMessages(id: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...applicationMessagesQueryOptions(id), enabled: options.enabled ?? true });
}

export const messageInputSchema = z.object({ body: z.string().trim().min(1, 'Write a message') });

/** POST /api/applications/{id}/messages: e-mails the program's coordinators. */
export function useSendApplicationMessage(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: string) => api.post(path(id), messageInputSchema.parse({ body }), messageSchema),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: myApplicationsQueryKey });
      return queryClient.invalidateQueries({ queryKey: applicationMessagesKey(id) });
    },
  });
}

export const answerInputSchema = z.object({ answer: z.string().trim().min(1, 'Write your answer') });

/** POST /api/applications/{id}/answer: answers the program's request for information. */
export function useAnswerInfo(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (answer: string) =>
      api.post(`/applications/${encodeURIComponent(id)}/answer`, answerInputSchema.parse({ answer }), z.object({ status: z.string() })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: myApplicationsQueryKey });
      return queryClient.invalidateQueries({ queryKey: applicationQueryKey(id) });
    },
  });
}
