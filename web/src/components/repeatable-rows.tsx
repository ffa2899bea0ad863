import { Button, Fieldset, Group, Stack, Text } from '@mantine/core';
import { useEffect, useRef, type ReactNode, type Ref } from 'react';

let rowCounter = 0;
/** A React key for a new repeatable row (stable while the row lives, never reused). */
export function newRowKey(): string {
  rowCounter += 1;
  return `rr-${rowCounter}`;
}

type Props<T extends { key: string }> = {
  /** The list's legend, e.g. "Exams". */
  legend: string;
  /** One row's name, e.g. "Exam": rows are the groups "Exam 1", "Exam 2", … */
  itemLabel: string;
  rows: T[];
  onChange: (rows: T[]) => void;
  /** A fresh row for "Add". */
  newRow: () => T;
  /** The inputs of one row; `update` merges changes into that row. */
  renderRow: (row: T, index: number, update: (changes: Partial<T>) => void) => ReactNode;
  addLabel: string;
  /** Shown when there are no rows. */
  emptyText?: string;
  /** An error about the list as a whole (e.g. "at most 20 exams"), shown under the Add button. */
  error?: string | undefined;
  /** Name and ref for the Add button, so a list-level server error can focus it. */
  addButton?: { name?: string; ref?: Ref<HTMLButtonElement> | ((element: HTMLElement | null) => void) };
  /** No more rows than this (the Add button disappears). */
  max?: number;
  /** Render without the outer fieldset (when the caller already gives the list a legend). */
  bare?: boolean;
};

const FOCUSABLE = 'input:not([type=hidden]), select, textarea';

/**
 * A list of rows the user adds and removes: each row is a labelled group ("Exam 2") with its
 * inputs and a "Remove" button named after the row; "Add" appends a row and moves focus to its
 * first input, "Remove" moves focus back to the Add button so keyboard users are not lost.
 */
export function RepeatableRows<T extends { key: string }>({
  legend,
  itemLabel,
  rows,
  onChange,
  newRow,
  renderRow,
  addLabel,
  emptyText,
  error,
  addButton,
  max,
  bare,
}: Props<T>) {
  const listRef = useRef<HTMLDivElement>(null);
  const addRef = useRef<HTMLButtonElement | null>(null);
  const pendingFocus = useRef<'last' | 'add' | null>(null);

  useEffect(() => {
    const target = pendingFocus.current;
    pendingFocus.current = null;
    if (target === 'last') {
      const groups = listRef.current?.querySelectorAll<HTMLElement>('[data-repeatable-row]');
      groups?.[groups.length - 1]?.querySelector<HTMLElement>(FOCUSABLE)?.focus();
    } else if (target === 'add') {
      addRef.current?.focus();
    }
  }, [rows.length]);

  const update = (index: number) => (changes: Partial<T>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...changes } : row)));

  const remove = (index: number) => {
    pendingFocus.current = 'add';
    onChange(rows.filter((_, i) => i !== index));
  };

  const add = () => {
    pendingFocus.current = 'last';
    onChange([...rows, newRow()]);
  };

  const setAddRef = (element: HTMLButtonElement | null) => {
    addRef.current = element;
    const outer = addButton?.ref;
    if (typeof outer === 'function') outer(element);
    else if (outer && typeof outer === 'object') (outer as { current: HTMLButtonElement | null }).current = element;
  };

  const canAdd = max === undefined || rows.length < max;

  const body = (
    <Stack gap="sm" ref={listRef}>
      {rows.length === 0 && emptyText && (
        <Text size="sm" c="dimmed">
          {emptyText}
        </Text>
      )}
      {rows.map((row, i) => (
        <Fieldset key={row.key} legend={`${itemLabel} ${i + 1}`} variant="filled" data-repeatable-row="">
          <Group gap="sm" align="flex-start" wrap="nowrap">
            <div style={{ flex: 1, minWidth: 0 }}>{renderRow(row, i, update(i))}</div>
            <Button
              variant="outline"
              color="red.9"
              size="sm"
              aria-label={`Remove ${itemLabel.toLowerCase()} ${i + 1}`}
              onClick={() => remove(i)}
            >
              Remove
            </Button>
          </Group>
        </Fieldset>
      ))}
      <div>
        {canAdd && (
          <Button variant="default" name={addButton?.name} ref={setAddRef} onClick={add}>
            {addLabel}
          </Button>
        )}
        {error && (
          <Text size="sm" c="var(--mantine-color-error)" mt={4} role="alert">
            {error}
          </Text>
        )}
      </div>
    </Stack>
  );

  if (bare) return body;
  return <Fieldset legend={legend}>{body}</Fieldset>;
}
