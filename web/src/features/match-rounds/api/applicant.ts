import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicantRoundSchema, roundKey } from './match-round-schema';

const base = (id: string) => `/match-rounds/${encodeURIComponent(id)}`;

/** GET …/me: the blocks the applicant may rank, their list, couple and (after publish) result. */
export function useApplicantRound(id: string, enabled = true) {
  return useQuery({
    queryKey: [...roundKey(id), 'me'],
    queryFn: ({ signal }) => api.get(`${base(id)}/me`, applicantRoundSchema, { signal }),
    enabled,
  });
}

function useRoundMutation<T>(id: string, fn: (input: T) => Promise<unknown>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: fn, onSettled: () => qc.invalidateQueries({ queryKey: roundKey(id) }) });
}

/** PUT …/me/rank-list: the full ordered list (clears certification). */
export function useSaveRankList(id: string) {
  return useRoundMutation(id, (blockIds: string[]) => api.put(`${base(id)}/me/rank-list`, { block_ids: blockIds }, z.unknown()));
}

/** POST …/me/certify: the own list, or the couple's joint list. */
export function useCertifyRankList(id: string) {
  return useRoundMutation(id, () => api.post(`${base(id)}/me/certify`, {}, z.unknown()));
}

export function useInvitePartner(id: string) {
  return useRoundMutation(id, (email: string) => api.post(`${base(id)}/me/couple`, { email }, z.unknown()));
}

export function useConfirmCouple(id: string) {
  return useRoundMutation(id, () => api.post(`${base(id)}/me/couple/confirm`, {}, z.unknown()));
}

/** PUT …/me/couple/rank-list: pairs [inviter's block or null, partner's block or null]. */
export function useSaveCoupleList(id: string) {
  return useRoundMutation(id, (pairs: [string | null, string | null][]) =>
    api.put(`${base(id)}/me/couple/rank-list`, { pairs }, z.unknown()),
  );
}
