import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicantInterviewKey, applicantInterviewSchema } from './interview-schema';

const path = (applicationId: string) => `/applications/${encodeURIComponent(applicationId)}/interview`;

/** The .ics download of the booked interview (same origin; the browser sends the session cookie). */
export const icsUrl = (applicationId: string) => `/api${path(applicationId)}.ics`;

export function getApplicantInterviewQueryOptions(applicationId: string) {
  return queryOptions({
    queryKey: applicantInterviewKey(applicationId),
    queryFn: ({ signal }) => api.get(path(applicationId), applicantInterviewSchema, { signal }),
  });
}

export function useApplicantInterview(applicationId: string) {
  return useQuery(getApplicantInterviewQueryOptions(applicationId));
}

const choiceSchema = z.object({ slot_id: z.string().min(1) });

/** Book (POST), move (PUT) or cancel (DELETE) the applicant's interview. */
export function useInterviewBooking(applicationId: string) {
  const queryClient = useQueryClient();
  const onSuccess = (data: z.infer<typeof applicantInterviewSchema>) =>
    queryClient.setQueryData(applicantInterviewKey(applicationId), data);
  const onSettled = () => queryClient.invalidateQueries({ queryKey: applicantInterviewKey(applicationId) });
  const book = useMutation({
    mutationFn: (slotId: string) => api.post(path(applicationId), choiceSchema.parse({ slot_id: slotId }), applicantInterviewSchema),
    onSuccess,
    onSettled,
  });
  const move = useMutation({
    mutationFn: (slotId: string) => api.put(path(applicationId), choiceSchema.parse({ slot_id: slotId }), applicantInterviewSchema),
    onSuccess,
    onSettled,
  });
  const cancel = useMutation({
    mutationFn: async () => applicantInterviewSchema.parse(await api.delete(path(applicationId))),
    onSuccess,
    onSettled,
  });
  return { book, move, cancel };
}
