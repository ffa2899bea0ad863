import { queryOptions, useQuery } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';

/** GET /api/invitations/{token}: what the invitation is for, and whether the invitee has an account. */
export const invitationSchema = z.object({
  institution_name: z.string(),
  role: z.string(),
  email: z.string(),
  has_account: z.boolean(),
});
export type Invitation = z.infer<typeof invitationSchema>;

export function getInvitation(token: string, signal?: AbortSignal): Promise<Invitation> {
  return api.get(`/invitations/${encodeURIComponent(token)}`, invitationSchema, signal ? { signal } : undefined);
}

export function getInvitationQueryOptions(token: string) {
  return queryOptions({
    queryKey: ['invitations', token],
    queryFn: ({ signal }) => getInvitation(token, signal),
    staleTime: Infinity,
  });
}

export function useInvitation(token: string) {
  return useQuery({ ...getInvitationQueryOptions(token), enabled: token.length > 0 });
}
