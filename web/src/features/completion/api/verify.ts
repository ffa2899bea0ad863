import { useQuery } from '@tanstack/react-query';
import { api } from '@/lib/api-client';
import { verificationSchema } from './completion-schema';

/** GET /api/verify/{code}: public, no login. 400 for a malformed code, 404 for an unknown one. */
export function useVerification(code: string) {
  return useQuery({
    queryKey: ['verify', code],
    queryFn: ({ signal }) => api.get(`/verify/${encodeURIComponent(code)}`, verificationSchema, { signal }),
    retry: false,
  });
}
