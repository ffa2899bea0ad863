import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

export const staffMemberSchema = z.object({
  membership_id: z.string(),
  user_id: z.string(),
  email: z.string(),
  display_name: z.string(),
  role: z.string(),
  created_at: z.string(),
});
export type StaffMember = z.infer<typeof staffMemberSchema>;

const staffResponseSchema = z.object({ items: z.array(staffMemberSchema) });

/** GET /api/institutions/{id}/staff: the people who work at an institution on Clerkship. */
export function getStaff(institutionId: string, signal?: AbortSignal): Promise<StaffMember[]> {
  return api
    .get(`/institutions/${encodeURIComponent(institutionId)}/staff`, staffResponseSchema, signal ? { signal } : undefined)
    .then((response) => response.items);
}

export function getStaffQueryOptions(institutionId: string) {
  return queryOptions({
    queryKey: ['institutions', institutionId, 'staff'],
    queryFn: ({ signal }) => getStaff(institutionId, signal),
  });
}

export function useStaff(institutionId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getStaffQueryOptions(institutionId), enabled: options.enabled ?? true });
}
