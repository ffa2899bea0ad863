import { Text } from '@mantine/core';

/** "Usually answers within N days" — nothing until the institution has made enough decisions. */
export function responseTimeText(days: number | null | undefined): string | null {
  if (days === null || days === undefined) return null;
  if (days <= 1) return 'Usually answers within a day.';
  return `Usually answers within ${days} days.`;
}

export function ResponseTime({ days }: { days: number | null | undefined }) {
  const text = responseTimeText(days);
  if (!text) return null;
  return (
    <Text size="sm" mb="sm" aria-label="Response time">
      {text} (the institution's median time from submission to its first decision over the last 12 months)
    </Text>
  );
}
