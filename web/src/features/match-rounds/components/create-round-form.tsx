import { Alert, Button, Checkbox, Group, NumberInput, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { fetchOfferingBlocks, useCatalogSearch, useCreateRound, type OfferingBlocks } from '../api/rounds';

type Picked = { blockId: string; label: string; quota: number | null };

/** Converts a datetime-local value (the admin's zone) to UTC ISO 8601 without milliseconds. */
export function toUtc(local: string): string {
  const d = new Date(local);
  return Number.isNaN(d.getTime()) ? '' : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Admin or group manager: name, timeline (entered in the user's zone, stored in UTC), blocks from the catalog
 * with quotas. `base` is the API base (the admin's rounds by default, or a group's); `hint` says which blocks
 * may be picked.
 */
export function CreateRoundForm({ onCreated, base, hint }: { onCreated: (id: string) => void; base?: string; hint?: string }) {
  const [name, setName] = useState('');
  const [close, setClose] = useState('');
  const [due, setDue] = useState('');
  const [day, setDay] = useState('');
  const [q, setQ] = useState('');
  const [offerings, setOfferings] = useState<OfferingBlocks[]>([]);
  const [picked, setPicked] = useState<Picked[]>([]);
  const search = useCatalogSearch(q);
  const create = useCreateRound(base);

  async function showBlocks(id: string) {
    if (offerings.some((o) => o.id === id)) return;
    const o = await fetchOfferingBlocks(id);
    setOfferings((list) => [...list, o]);
  }
  function toggle(blockId: string, label: string, on: boolean) {
    setPicked((list) => (on ? [...list, { blockId, label, quota: null }] : list.filter((p) => p.blockId !== blockId)));
  }

  return (
    <form
      aria-labelledby="create-round-heading"
      onSubmit={(e) => {
        e.preventDefault();
        create.mutate(
          {
            name,
            applications_close: toUtc(close),
            rank_lists_due: toUtc(due),
            match_day: toUtc(day),
            blocks: picked.map((p) => ({ block_id: p.blockId, quota: p.quota })),
          },
          { onSuccess: (r) => onCreated(r.id) },
        );
      }}
    >
      <Stack>
        <Title order={2} id="create-round-heading">
          New match round
        </Title>
        <TextInput label="Name" required value={name} onChange={(e) => setName(e.currentTarget.value)} />
        <Group grow>
          <TextInput label="Applications close" type="datetime-local" required value={close} onChange={(e) => setClose(e.currentTarget.value)} />
          <TextInput label="Rank lists due" type="datetime-local" required value={due} onChange={(e) => setDue(e.currentTarget.value)} />
          <TextInput label="Match day" type="datetime-local" required value={day} onChange={(e) => setDay(e.currentTarget.value)} />
        </Group>
        <Text size="sm" c="dimmed">
          Times are in your time zone ({Intl.DateTimeFormat().resolvedOptions().timeZone}); they are stored in UTC.
        </Text>
        <TextInput label="Find rotations" description={hint ?? 'Search the catalog, then pick blocks'} value={q} onChange={(e) => setQ(e.currentTarget.value)} />
        {search.data?.items.map((o) => (
          <Group key={o.id} justify="space-between">
            <Text>
              {o.title} · {o.institution_name}
            </Text>
            <Button size="xs" variant="light" aria-label={`Show blocks of ${o.title}`} onClick={() => void showBlocks(o.id)}>
              Show blocks
            </Button>
          </Group>
        ))}
        {offerings.map((o) => (
          <Stack key={o.id} gap={4}>
            <Text fw={500}>{o.title}</Text>
            {o.blocks.map((b) => {
              const label = `${o.title} ${b.start_date} – ${b.end_date}`;
              const p = picked.find((x) => x.blockId === b.id);
              return (
                <Group key={b.id}>
                  <Checkbox label={`${label} (${b.seats_left} seats left)`} checked={!!p} onChange={(e) => toggle(b.id, label, e.currentTarget.checked)} />
                  {p && (
                    <NumberInput
                      label={`Quota for ${label}`}
                      placeholder={`${b.seats_left} (seats left)`}
                      min={0}
                      max={b.seats_left}
                      value={p.quota ?? ''}
                      onChange={(v) =>
                        setPicked((list) => list.map((x) => (x.blockId === b.id ? { ...x, quota: typeof v === 'number' ? v : null } : x)))
                      }
                    />
                  )}
                </Group>
              );
            })}
          </Stack>
        ))}
        <Text>{picked.length} blocks in the round</Text>
        {create.error && <Alert color="red" role="alert">{errorMessage(create.error)}</Alert>}
        <Group>
          <Button type="submit" loading={create.isPending} disabled={picked.length === 0}>
            Create round
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
