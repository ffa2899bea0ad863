import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { getStaffQueryOptions } from './get-staff';

/** DELETE /api/institutions/{id}/staff/{membership_id}: takes one role at the institution away (204). */
export async function removeStaff(institutionId: string, membershipId: string): Promise<void> {
  await api.delete(`/institutions/${encodeURIComponent(institutionId)}/staff/${encodeURIComponent(membershipId)}`);
}

export function useRemoveStaff(institutionId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (membershipId: string) => removeStaff(institutionId, membershipId),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: getStaffQueryOptions(institutionId).queryKey }),
  });
}
