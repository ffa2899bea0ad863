import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { useReplaceSession } from './get-session';

/** POST /api/auth/logout-all: ends every session of the user, on every device (204). */
export async function logoutEverywhere(): Promise<void> {
  await api.post('/auth/logout-all', undefined, z.undefined());
}

export function useLogoutEverywhere(options: { onSuccess?: () => void } = {}) {
  const replaceSession = useReplaceSession();
  return useMutation({
    mutationFn: logoutEverywhere,
    onSuccess: () => {
      replaceSession(null);
      options.onSuccess?.();
    },
  });
}
