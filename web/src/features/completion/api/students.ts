import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { completionPlacementListSchema, completionPlacementSchema } from './completion-schema';

const studentsKey = ['me', 'students'] as const;

/** GET /api/me/students: placements the caller precepts. */
export function useMyStudents() {
  return useQuery({
    queryKey: studentsKey,
    queryFn: ({ signal }) => api.get('/me/students', completionPlacementListSchema, { signal }).then((r) => r.items),
  });
}

/** GET /api/me/students/{id}: one student's placement with the evaluation form. */
export function useStudent(placementId: string) {
  return useQuery({
    queryKey: [...studentsKey, placementId],
    queryFn: ({ signal }) => api.get(`/me/students/${encodeURIComponent(placementId)}`, completionPlacementSchema, { signal }),
  });
}

export const attendanceInputSchema = z.object({
  days: z.array(z.object({ date: z.string(), status: z.enum(['present', 'absent']), note: z.string() })),
});

/** PUT /api/me/students/{id}/attendance: replaces the attendance record. */
export function useSaveAttendance(placementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.infer<typeof attendanceInputSchema>) =>
      api.put(`/me/students/${encodeURIComponent(placementId)}/attendance`, attendanceInputSchema.parse(input), completionPlacementSchema),
    onSuccess: (data) => queryClient.setQueryData([...studentsKey, placementId], data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: studentsKey }),
  });
}

export const evaluationInputSchema = z.object({
  ratings: z.record(z.string(), z.number().int().min(1).max(5)),
  comments: z.string().max(5000),
  submit: z.boolean(),
});

/** PUT /api/me/students/{id}/evaluation: saves a draft, or submits (locked afterwards). */
export function useSaveEvaluation(placementId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: z.infer<typeof evaluationInputSchema>) =>
      api.put(`/me/students/${encodeURIComponent(placementId)}/evaluation`, evaluationInputSchema.parse(input), completionPlacementSchema),
    onSuccess: (data) => queryClient.setQueryData([...studentsKey, placementId], data),
    onSettled: () => queryClient.invalidateQueries({ queryKey: studentsKey }),
  });
}
