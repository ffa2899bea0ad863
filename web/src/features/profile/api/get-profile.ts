import { queryOptions, useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { profileQueryKey, profileViewSchema, type ProfileView } from './profile-schema';

/** GET /api/me/profile: the caller's profile (empty, version 0, before the first save). */
export function getProfile(signal?: AbortSignal): Promise<ProfileView> {
  return api.get('/me/profile', profileViewSchema, signal ? { signal } : undefined);
}

export function getProfileQueryOptions() {
  return queryOptions({ queryKey: profileQueryKey, queryFn: ({ signal }) => getProfile(signal) });
}

export function useProfile() {
  return useQuery(getProfileQueryOptions());
}
