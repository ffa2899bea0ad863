import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { roundListSchema, roundsKey } from '@/features/match-rounds/api/match-round-schema';
import { groupRoundsBase } from '@/features/match-rounds/api/rounds';

/** An institution group as /api/institution-groups… returns it. */
export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  institution_ids: z.array(z.string()),
  manager_ids: z.array(z.string()),
  institutions: z.array(z.object({ id: z.string(), name: z.string() })),
  managers: z.array(z.object({ id: z.string(), email: z.string() })),
  created_at: z.string(),
});
export type InstitutionGroup = z.infer<typeof groupSchema>;
const groupListSchema = z.object({ items: z.array(groupSchema) });

export const groupsKey = ['institution-groups'] as const;
export const groupKey = (id: string) => [...groupsKey, id] as const;

/** GET /api/institution-groups: every group for admins, the ones you manage otherwise. */
export function useInstitutionGroups(enabled = true) {
  return useQuery({
    queryKey: groupsKey,
    queryFn: ({ signal }) => api.get('/institution-groups', groupListSchema, { signal }),
    enabled,
  });
}

/** GET /api/institution-groups/{id}: its managers and admins. */
export function useInstitutionGroup(id: string) {
  return useQuery({
    queryKey: groupKey(id),
    queryFn: ({ signal }) => api.get(`/institution-groups/${encodeURIComponent(id)}`, groupSchema, { signal }),
  });
}

export type GroupInput = { name: string; institution_ids: string[]; manager_emails: string[] };

/** POST /api/institution-groups (admin), or PUT /api/institution-groups/{id} when `id` is given. */
export function useSaveGroup(id?: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: GroupInput) =>
      id
        ? api.put(`/institution-groups/${encodeURIComponent(id)}`, input, groupSchema)
        : api.post('/institution-groups', input, groupSchema),
    onSuccess: () => qc.invalidateQueries({ queryKey: groupsKey }),
  });
}

/** GET /api/institution-groups/{id}/match-rounds: the group's rounds (managers and admins). */
export function useGroupRounds(groupId: string) {
  return useQuery({
    queryKey: [...roundsKey, 'group', groupId],
    queryFn: ({ signal }) => api.get(groupRoundsBase(groupId), roundListSchema, { signal }),
  });
}
