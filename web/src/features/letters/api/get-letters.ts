import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { letterListSchema, lettersQueryKey, type Letter } from './letter-schema';

/** GET /api/me/letters: the caller's letter requests, newest first. */
export async function getLetters(signal?: AbortSignal): Promise<Letter[]> {
  return (await api.get('/me/letters', letterListSchema, signal ? { signal } : undefined)).items;
}

export function getLettersQueryOptions() {
  return queryOptions({ queryKey: lettersQueryKey, queryFn: ({ signal }) => getLetters(signal) });
}

export function useLetters() {
  return useQuery(getLettersQueryOptions());
}
