import { Group, Text } from '@mantine/core';
import { useHealth } from '../api/get-health';
import classes from './server-status.module.css';

const DATABASE_NAMES: Record<string, string> = { sqlite: 'SQLite', postgresql: 'PostgreSQL' };

/** A small, quiet line saying whether the API answers, with its version and database. */
export function ServerStatus() {
  const health = useHealth();

  let tone: 'ok' | 'down' | 'pending' = 'pending';
  let label = 'Checking server…';
  if (health.isSuccess) {
    const ok = health.data.status === 'ok';
    tone = ok ? 'ok' : 'down';
    const database = DATABASE_NAMES[health.data.database] ?? health.data.database;
    label = `Server ${ok ? 'online' : health.data.status} · v${health.data.version} · ${database}`;
  } else if (health.isError) {
    tone = 'down';
    label = 'Server unreachable';
  }

  return (
    <Group gap={6} wrap="nowrap" data-testid="server-status" aria-live="polite">
      <span className={classes.dot} data-tone={tone} aria-hidden="true" />
      <Text size="sm" className={classes.label}>
        {label}
      </Text>
    </Group>
  );
}
