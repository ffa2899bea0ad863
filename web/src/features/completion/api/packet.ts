import { useMutation } from '@tanstack/react-query';
import { z } from 'zod';
import { CSRF_COOKIE, CSRF_HEADER, errorFromResponse, readCookie } from '@/lib/api-client';

export const packetInputSchema = z.object({
  program: z.string().trim().min(1).max(200),
  include_cv: z.boolean(),
  document_ids: z.array(z.string()),
  placement_ids: z.array(z.string()),
});
export type PacketInput = z.infer<typeof packetInputSchema>;

/** POST /api/me/record/packet.pdf: the merged packet as a Blob (an ApiError for a refused request). */
export async function fetchPacket(input: PacketInput): Promise<Blob> {
  const headers: Record<string, string> = { 'Content-Type': 'application/json', Accept: 'application/pdf' };
  const csrf = readCookie(CSRF_COOKIE);
  if (csrf) headers[CSRF_HEADER] = csrf;
  const response = await fetch('/api/me/record/packet.pdf', {
    method: 'POST',
    credentials: 'same-origin',
    headers,
    body: JSON.stringify(packetInputSchema.parse(input)),
  });
  if (!response.ok) throw await errorFromResponse(response);
  return response.blob();
}

/** Builds the packet and hands it to the browser as a download. */
export function useDownloadPacket() {
  return useMutation({
    mutationFn: async (input: PacketInput) => {
      const blob = await fetchPacket(input);
      const url = URL.createObjectURL(blob);
      const a = document.createElement('a');
      a.href = url;
      a.download = 'application-packet.pdf';
      document.body.appendChild(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 1000);
      return true;
    },
  });
}
