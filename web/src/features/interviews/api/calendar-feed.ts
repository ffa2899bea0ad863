import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { calendarFeedKey, calendarFeedSchema } from './interview-schema';

/** GET /me/calendar-feed: whether the caller has a private feed (the URL is shown once, when made). */
export function useCalendarFeed() {
  return useQuery({
    queryKey: calendarFeedKey,
    queryFn: ({ signal }) => api.get('/me/calendar-feed', calendarFeedSchema, { signal }),
  });
}

/** POST /me/calendar-feed: a new secret URL; the previous one stops working. */
export function useRegenerateCalendarFeed() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post('/me/calendar-feed', {}, calendarFeedSchema),
    onSuccess: (data) => queryClient.setQueryData(calendarFeedKey, { active: data.active }),
  });
}
