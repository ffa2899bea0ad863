import { Badge } from '@mantine/core';
import type { Letter } from '../api/letter-schema';

const labels: Record<Letter['status'], { label: string; color: string }> = {
  requested: { label: 'Requested', color: 'yellow.9' },
  received: { label: 'Received', color: 'teal.9' },
  cancelled: { label: 'Cancelled', color: 'gray.8' },
};

export function LetterStatusBadge({ status }: { status: Letter['status'] }) {
  const s = labels[status];
  return (
    <Badge color={s.color} variant="filled">
      {s.label}
    </Badge>
  );
}
