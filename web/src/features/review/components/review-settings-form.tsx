import { ActionIcon, Alert, Button, Group, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import type { ReviewSettings } from '../api/review-settings';
import { useSaveReviewSettings } from '../api/review-settings';

type Row = { key: string; label: string; weight: number };

/** A stable key from a label: "Clinical skills" → "clinical_skills". */
export function keyFromLabel(label: string, taken: Set<string>): string {
  const base =
    label
      .toLowerCase()
      .normalize('NFKD')
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '')
      .slice(0, 36) || 'criterion';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}_${n}`;
  return key;
}

type Props = { institutionId: string; settings: ReviewSettings; canEdit: boolean };

/** The institution's rubric (criteria and weights that add up to 100) and its response-time target. */
export function ReviewSettingsForm({ institutionId, settings, canEdit }: Props) {
  const [rows, setRows] = useState<Row[]>(() => settings.rubric.map((c) => ({ ...c })));
  const [target, setTarget] = useState<number>(settings.target_days);
  const [saved, setSaved] = useState(false);
  const save = useSaveReviewSettings(institutionId);
  const sum = rows.reduce((s, r) => s + (Number.isFinite(r.weight) ? r.weight : 0), 0);
  const update = (i: number, patch: Partial<Row>) => {
    setSaved(false);
    setRows((rs) => rs.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  };
  return (
    <form
      onSubmit={(e) => {
        e.preventDefault();
        setSaved(false);
        save.mutate({ rubric: rows, target_days: target }, { onSuccess: () => setSaved(true) });
      }}
    >
      <Stack gap="md">
        <FormError error={save.error} title="The settings were not saved" />
        {saved && (
          <Alert color="green" variant="light" role="status">
            Saved. New scores use this rubric; scores already given keep their totals.
          </Alert>
        )}
        <Table aria-label="Rubric criteria">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Criterion</Table.Th>
              <Table.Th>Weight (%)</Table.Th>
              {canEdit && <Table.Th>Remove</Table.Th>}
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r, i) => (
              <Table.Tr key={r.key}>
                <Table.Td>
                  <TextInput
                    aria-label={`Criterion ${i + 1} label`}
                    value={r.label}
                    readOnly={!canEdit}
                    maxLength={80}
                    onChange={(e) => update(i, { label: e.currentTarget.value })}
                  />
                </Table.Td>
                <Table.Td>
                  <NumberInput
                    aria-label={`Criterion ${i + 1} weight`}
                    value={r.weight}
                    min={1}
                    max={100}
                    allowDecimal={false}
                    readOnly={!canEdit}
                    onChange={(v) => update(i, { weight: typeof v === 'number' ? v : Number(v) || 0 })}
                  />
                </Table.Td>
                {canEdit && (
                  <Table.Td>
                    <ActionIcon
                      variant="subtle"
                      color="red"
                      aria-label={`Remove ${r.label || `criterion ${i + 1}`}`}
                      disabled={rows.length === 1}
                      onClick={() => {
                        setSaved(false);
                        setRows((rs) => rs.filter((_, j) => j !== i));
                      }}
                    >
                      ×
                    </ActionIcon>
                  </Table.Td>
                )}
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        <Text size="sm" c={sum === 100 ? 'dimmed' : 'red.8'} aria-live="polite">
          The weights add up to {sum}
          {sum === 100 ? '.' : ' — they must add up to 100.'}
        </Text>
        {canEdit && (
          <Group>
            <Button
              variant="default"
              disabled={rows.length >= 10}
              onClick={() => {
                setSaved(false);
                setRows((rs) => [...rs, { key: keyFromLabel('criterion', new Set(rs.map((r) => r.key))), label: '', weight: 0 }]);
              }}
            >
              Add a criterion
            </Button>
          </Group>
        )}
        <NumberInput
          label="Response-time target (days)"
          description="Coordinators are reminded about applications that wait longer than this for a first decision."
          value={target}
          min={1}
          max={90}
          allowDecimal={false}
          readOnly={!canEdit}
          onChange={(v) => {
            setSaved(false);
            setTarget(typeof v === 'number' ? v : Number(v) || 0);
          }}
          maw={280}
        />
        {canEdit && (
          <Group>
            <Button type="submit" loading={save.isPending}>
              Save settings
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
