import { Badge } from '@mantine/core';

const STATUS: Record<string, { label: string; color: string }> = {
  draft: { label: 'Draft', color: 'gray.8' },
  submitted: { label: 'Submitted', color: 'blue.9' },
  withdrawn: { label: 'Withdrawn', color: 'dark.6' },
  cancelled: { label: 'Placement cancelled', color: 'dark.6' },
};

export function applicationStatusLabel(status: string): string {
  return STATUS[status]?.label ?? status.charAt(0).toUpperCase() + status.slice(1).replace(/_/g, ' ');
}

/** Filled, in shades dark enough for white text at WCAG AA. */
export function ApplicationStatusBadge({ status }: { status: string }) {
  return (
    <Badge color={STATUS[status]?.color ?? 'gray.8'} variant="filled">
      {applicationStatusLabel(status)}
    </Badge>
  );
}
