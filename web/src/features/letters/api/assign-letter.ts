import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { letterSchema, lettersQueryKey, type Letter } from './letter-schema';

type Change = { applicationId: string; letterId: string; assign: boolean };

function path({ applicationId, letterId }: Change): string {
  return `/applications/${encodeURIComponent(applicationId)}/letters/${encodeURIComponent(letterId)}`;
}

/** PUT (assign) or DELETE (unassign) /api/applications/{id}/letters/{letter_id}. */
export async function changeAssignment(change: Change): Promise<Letter> {
  if (change.assign) return api.put(path(change), undefined, letterSchema);
  return letterSchema.parse(await api.delete(path(change)));
}

export function useChangeAssignment(onChanged?: () => void) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: changeAssignment,
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: lettersQueryKey });
      onChanged?.();
    },
  });
}
