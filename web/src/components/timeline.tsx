import { Text } from '@mantine/core';
import { formatDateTime } from '@/lib/format';
import { describeTimelineEntry, type TimelineEntry } from '@/lib/messages';

/** Every status change and message of an application, oldest first, in the viewer's time zone. */
export function Timeline({ entries, label }: { entries: TimelineEntry[]; label: string }) {
  if (entries.length === 0) return <Text c="dimmed">Nothing has happened yet.</Text>;
  return (
    <ol aria-label={label} style={{ paddingLeft: '1.25rem', margin: 0 }}>
      {entries.map((e) => (
        <li key={e.id}>
          <Text component="span" fw={600}>
            {describeTimelineEntry(e)}
          </Text>{' '}
          <Text component="span" c="dimmed" size="sm">
            {formatDateTime(e.created_at)}
          </Text>
          {e.detail && e.kind === 'status' && <Text size="sm">{e.detail}</Text>}
        </li>
      ))}
    </ol>
  );
}
