import { Badge } from '@mantine/core';

/** Filled badges; yellow gets dark text (autoContrast) so every one passes WCAG AA. */
const STATUS: Record<string, { label: string; color: string }> = {
  pending: { label: 'Pending verification', color: 'yellow.5' },
  verified: { label: 'Verified', color: 'teal.9' },
  rejected: { label: 'Rejected', color: 'red.9' },
};

export function DocumentStatusBadge({ status }: { status: string }) {
  const s = STATUS[status] ?? { label: status, color: 'gray.7' };
  return (
    <Badge color={s.color} variant="filled" autoContrast>
      {s.label}
    </Badge>
  );
}
