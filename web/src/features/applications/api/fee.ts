import { useMutation, useQueryClient } from '@tanstack/react-query';
import { z } from 'zod';
import { api } from '@/lib/api-client';
import { applicationQueryKey, applicationSchema, type Application } from './application-schema';

export const feePaymentSchema = z.object({
  method: z.string().min(1, 'Choose how you paid'),
  reference: z.string().trim().min(1, 'Give the receipt or transaction number').max(200),
});
export type FeePayment = z.infer<typeof feePaymentSchema>;

/** PUT /api/applications/{id}/fee: the applicant records that the fee was paid. */
export function recordFeePayment(id: string, payment: FeePayment): Promise<Application> {
  return api.put(`/applications/${encodeURIComponent(id)}/fee`, payment, applicationSchema);
}

export function useRecordFeePayment(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (payment: FeePayment) => recordFeePayment(id, payment),
    onSuccess: (application) => queryClient.setQueryData(applicationQueryKey(id), application),
  });
}
