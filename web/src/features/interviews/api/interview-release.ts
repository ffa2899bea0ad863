import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicantInterviewKey, applicantReleaseSchema, assignmentSchema, releaseModeSchema, releaseSchema, slotsKey } from './interview-schema';

const base = (institutionId: string, offeringId: string) =>
  `/institutions/${encodeURIComponent(institutionId)}/offerings/${encodeURIComponent(offeringId)}`;

export const releaseInputSchema = z.object({
  mode: releaseModeSchema,
  release_date: z.string().optional(),
  release_time: z.string().optional(),
  window_minutes: z.number().int().min(1).max(1440).optional(),
  deadline_date: z.string().optional(),
  deadline_time: z.string().optional(),
  version: z.number().int().min(0),
});
export type ReleaseInput = z.infer<typeof releaseInputSchema>;

/** PUT …/interview-release: the coordinator's fair-release mode (409 on a stale version). */
export function useSaveRelease(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: ReleaseInput) =>
      api.put(`${base(institutionId, offeringId)}/interview-release`, releaseInputSchema.parse(input), releaseSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: slotsKey(institutionId, offeringId) }),
  });
}

/** POST …/interview-assignment: books everyone from their ranked preferences, once. */
export function useRunAssignment(institutionId: string, offeringId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post(`${base(institutionId, offeringId)}/interview-assignment`, {}, assignmentSchema),
    onSettled: () => queryClient.invalidateQueries({ queryKey: slotsKey(institutionId, offeringId) }),
  });
}

const nudgeInputSchema = z.object({ application_ids: z.array(z.string()).optional() });

/** POST …/interview-nudges: e-mails invited applicants who have not booked (all, or the ones given). */
export function useNudge(institutionId: string, offeringId: string) {
  return useMutation({
    mutationFn: (applicationIds?: string[]) =>
      api.post(
        `${base(institutionId, offeringId)}/interview-nudges`,
        nudgeInputSchema.parse(applicationIds ? { application_ids: applicationIds } : {}),
        z.object({ sent: z.number().int() }),
      ),
  });
}

/** PUT /applications/{id}/interview/preferences: the applicant's ranked slots, best first. */
export function useSavePreferences(applicationId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (slotIds: string[]) =>
      api.put(
        `/applications/${encodeURIComponent(applicationId)}/interview/preferences`,
        z.object({ slot_ids: z.array(z.string()).min(1) }).parse({ slot_ids: slotIds }),
        z.object({ application_id: z.string(), release: applicantReleaseSchema }),
      ),
    onSettled: () => queryClient.invalidateQueries({ queryKey: applicantInterviewKey(applicationId) }),
  });
}
