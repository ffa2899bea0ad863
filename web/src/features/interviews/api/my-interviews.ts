import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { myInterviewsKey, myInterviewsSchema } from './interview-schema';

/** GET /me/interviews: booked interviews where the caller is a named interviewer (staff only). */
export function getMyInterviewsQueryOptions() {
  return queryOptions({
    queryKey: myInterviewsKey,
    queryFn: ({ signal }) => api.get('/me/interviews', myInterviewsSchema, { signal }).then((r) => r.items),
  });
}

export function useMyInterviews(options: { enabled?: boolean } = {}) {
  return useQuery({ ...getMyInterviewsQueryOptions(), enabled: options.enabled ?? true });
}
