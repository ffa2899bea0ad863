import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api, ApiError } from '@/lib/api-client';
import { useReplaceSession } from './get-session';

/** POST /api/auth/logout: ends this browser's session (204 No Content). */
export async function logout(): Promise<void> {
  try {
    await api.post('/auth/logout', undefined, z.undefined());
  } catch (error) {
    // 401: the session had already ended (expired, or logged out elsewhere) — that is the goal.
    if (!(error instanceof ApiError && error.status === 401)) throw error;
  }
}

export function useLogout(options: { onSuccess?: () => void } = {}) {
  const replaceSession = useReplaceSession();
  return useMutation({
    mutationFn: logout,
    onSuccess: () => {
      replaceSession(null);
      options.onSuccess?.();
    },
  });
}
