import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { publishResultSchema, slotListSchema, slotsKey } from './interview-schema';

const base = (institutionId: string, offeringId: string) =>
  `/institutions/${encodeURIComponent(institutionId)}/offerings/${encodeURIComponent(offeringId)}/interview-slots`;

/** GET …/interview-slots: the offering's slots with bookings, and invited applicants without one. */
export function getInterviewSlotsQueryOptions(institutionId: string, offeringId: string) {
  return queryOptions({
    queryKey: slotsKey(institutionId, offeringId),
    queryFn: ({ signal }) => api.get(base(institutionId, offeringId), slotListSchema, { signal }),
  });
}

export function useInterviewSlots(institutionId: string, offeringId: string, options: { enabled?: boolean } = {}) {
  return useQuery({ ...getInterviewSlotsQueryOptions(institutionId, offeringId), enabled: options.enabled ?? true });
}

const details = {
  minutes: z.number().int().min(5).max(480),
  format: z.enum(['video', 'phone', 'in_person']),
  location: z.string().trim(),
  interviewers: z.string().trim(),
  interviewer_ids: z.array(z.string()).max(10).optional(),
  capacity: z.number().int().min(1).max(50),
};
export const publishInputSchema = z.union([
  z.object({ ...details, date: z.string().min(1), time: z.string().min(1) }),
  z.object({
    ...details,
    pattern: z.object({
      from: z.string().min(1),
      to: z.string().min(1),
      weekdays: z.array(z.number().int().min(0).max(6)).min(1),
      window_start: z.string().min(1),
      window_end: z.string().min(1),
    }),
  }),
]);
export type PublishInput = z.infer<typeof publishInputSchema>;

/** POST …/interview-slots: one slot or a repeating pattern (all or none). */
export function usePublishSlots(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: PublishInput) =>
      api.post(base(institutionId, offeringId), publishInputSchema.parse(input), publishResultSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: slotsKey(institutionId, offeringId) }),
  });
}

/** DELETE /institutions/{id}/interview-slots/{slot_id}: only while nobody booked it. */
export function useDeleteSlot(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slotId: string) =>
      api.delete(`/institutions/${encodeURIComponent(institutionId)}/interview-slots/${encodeURIComponent(slotId)}`),
    onSettled: () => queryClient.invalidateQueries({ queryKey: slotsKey(institutionId, offeringId) }),
  });
}
