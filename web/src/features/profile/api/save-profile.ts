import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api, ApiError } from '@/lib/api-client';
import { toProfileJson, type ProfileFormValues } from './profile-input';
import { profileQueryKey, profileViewSchema, type ProfileView } from './profile-schema';

export const STALE_PROFILE_MESSAGE = 'This profile was changed elsewhere — reload';

/**
 * PUT /api/me/profile with the version read. A 409 (someone saved in between) becomes the
 * "changed elsewhere — reload" message; a field named "profile.x" is reported as "x", the
 * name the form's input has.
 */
export async function saveProfile(values: ProfileFormValues, version: number): Promise<ProfileView> {
  try {
    return await api.put('/me/profile', { profile: toProfileJson(values), version }, profileViewSchema);
  } catch (error) {
    if (error instanceof ApiError && error.status === 409) {
      throw new ApiError({ status: 409, code: error.code, message: STALE_PROFILE_MESSAGE });
    }
    if (error instanceof ApiError && error.field?.startsWith('profile.')) {
      throw new ApiError({ status: error.status, code: error.code, message: error.message, field: error.field.slice(8) });
    }
    throw error;
  }
}

export function useSaveProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ values, version }: { values: ProfileFormValues; version: number }) => saveProfile(values, version),
    onSuccess: (view) => queryClient.setQueryData(profileQueryKey, view),
  });
}
