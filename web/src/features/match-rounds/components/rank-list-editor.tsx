import { ActionIcon, Group, Paper, Stack, Text } from '@mantine/core';
import { useState, type DragEvent } from 'react';

export type RankItem = { id: string; label: string };

type Props = {
  /** The list in rank order (first = most preferred). */
  items: RankItem[];
  onChange: (items: RankItem[]) => void;
  /** Accessible name of the list, e.g. "Your rank order". */
  label: string;
  disabled?: boolean;
  /** Extra controls per row (e.g. "Remove"). */
  actions?: (item: RankItem, index: number) => React.ReactNode;
};

export function move<T>(list: T[], from: number, to: number): T[] {
  if (from === to || from < 0 || to < 0 || from >= list.length || to >= list.length) return list;
  const next = [...list];
  const [x] = next.splice(from, 1);
  next.splice(to, 0, x as T);
  return next;
}

/**
 * An ordered list that can be reordered by dragging a row, or with the keyboard through the
 * "Move up" / "Move down" buttons of each row (named after the item for screen readers).
 */
export function RankListEditor({ items, onChange, label, disabled = false, actions }: Props) {
  const [dragging, setDragging] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');

  function reorder(from: number, to: number) {
    const next = move(items, from, to);
    if (next === items) return;
    onChange(next);
    const item = items[from];
    if (item) setAnnouncement(`${item.label} moved to position ${to + 1} of ${items.length}`);
  }

  if (items.length === 0) return <Text c="dimmed">Nothing ranked yet.</Text>;
  return (
    <>
      <Stack component="ol" gap="xs" aria-label={label} p={0} m={0} style={{ listStyle: 'none' }}>
        {items.map((item, i) => (
          <Paper
            component="li"
            key={item.id}
            withBorder
            p="xs"
            draggable={!disabled}
            onDragStart={() => setDragging(i)}
            onDragOver={(e: DragEvent) => e.preventDefault()}
            onDrop={() => {
              if (dragging !== null) reorder(dragging, i);
              setDragging(null);
            }}
            style={{ cursor: disabled ? 'default' : 'grab' }}
          >
            <Group justify="space-between" wrap="nowrap">
              <Text>
                <Text span fw={700}>
                  {i + 1}.
                </Text>{' '}
                {item.label}
              </Text>
              <Group gap={4} wrap="nowrap">
                <ActionIcon
                  variant="default"
                  aria-label={`Move ${item.label} up`}
                  disabled={disabled || i === 0}
                  onClick={() => reorder(i, i - 1)}
                >
                  ↑
                </ActionIcon>
                <ActionIcon
                  variant="default"
                  aria-label={`Move ${item.label} down`}
                  disabled={disabled || i === items.length - 1}
                  onClick={() => reorder(i, i + 1)}
                >
                  ↓
                </ActionIcon>
                {actions?.(item, i)}
              </Group>
            </Group>
          </Paper>
        ))}
      </Stack>
      <div aria-live="polite" style={{ position: 'absolute', width: 1, height: 1, overflow: 'hidden', clip: 'rect(0 0 0 0)' }}>
        {announcement}
      </div>
    </>
  );
}
