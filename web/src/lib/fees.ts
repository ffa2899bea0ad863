import { z } from 'zod';

/** An application's fee record (null when the offering charges no application fee). */
export const feeSchema = z.object({
  amount_cents: z.number().int(),
  currency: z.string(),
  category: z.string(),
  status: z.enum(['due', 'recorded', 'confirmed', 'waived', 'refunded']),
  method: z.string(),
  reference: z.string(),
  recorded_at: z.string(),
  decided_at: z.string(),
  note: z.string(),
});
export type Fee = z.infer<typeof feeSchema>;

export const FEE_STATUS_LABELS: Record<Fee['status'], string> = {
  due: 'Due',
  recorded: 'Payment recorded',
  confirmed: 'Confirmed by the program',
  waived: 'Waived',
  refunded: 'Refunded',
};

export const FEE_METHODS: { value: string; label: string }[] = [
  { value: 'card', label: 'Card' },
  { value: 'bank_transfer', label: 'Bank transfer' },
  { value: 'check', label: 'Check' },
  { value: 'cash', label: 'Cash' },
  { value: 'other', label: 'Other' },
];

export function methodLabel(method: string): string {
  return FEE_METHODS.find((m) => m.value === method)?.label ?? method;
}
