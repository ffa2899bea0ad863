import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { institutionRoundSchema, roundKey, roundListSchema } from './match-round-schema';

const base = (institutionId: string) => `/institutions/${encodeURIComponent(institutionId)}/match-rounds`;

/** GET /api/institutions/{id}/match-rounds: rounds with a block of the institution. */
export function useInstitutionRounds(institutionId: string) {
  return useQuery({
    queryKey: ['institutions', institutionId, 'match-rounds'],
    queryFn: ({ signal }) => api.get(base(institutionId), roundListSchema, { signal }),
  });
}

/** GET …/match-rounds/{round_id}: the institution's blocks, candidates and lists. */
export function useInstitutionRound(institutionId: string, roundId: string) {
  return useQuery({
    queryKey: [...roundKey(roundId), 'institution', institutionId],
    queryFn: ({ signal }) => api.get(`${base(institutionId)}/${encodeURIComponent(roundId)}`, institutionRoundSchema, { signal }),
  });
}

export function useSaveProgramList(institutionId: string, roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (input: { blockId: string; ranked: string[]; doNotRank: string[] }) =>
      api.put(
        `${base(institutionId)}/${encodeURIComponent(roundId)}/blocks/${encodeURIComponent(input.blockId)}/rank-list`,
        { applicant_ids: input.ranked, do_not_rank: input.doNotRank },
        z.unknown(),
      ),
    onSettled: () => qc.invalidateQueries({ queryKey: roundKey(roundId) }),
  });
}

export function useCertifyProgramList(institutionId: string, roundId: string) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (blockId: string) =>
      api.post(`${base(institutionId)}/${encodeURIComponent(roundId)}/blocks/${encodeURIComponent(blockId)}/certify`, {}, z.unknown()),
    onSettled: () => qc.invalidateQueries({ queryKey: roundKey(roundId) }),
  });
}
