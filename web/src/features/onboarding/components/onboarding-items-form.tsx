import { Alert, Button, Card, Group, Stack, Text, TextInput, Textarea, Title } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import type { OnboardingItem, OnboardingItemInput, OnboardingKind } from '../api/onboarding-schema';
import { useSaveOfferingOnboarding } from '../api/save-offering-onboarding';

const KIND_LABELS: Record<OnboardingKind, string> = {
  orientation: 'Orientation',
  badge_photo: 'Badge photo',
  information: 'Information to acknowledge',
  policy: 'Policy to sign',
};

function toInput(item: OnboardingItem): OnboardingItemInput {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    body: item.body ?? '',
    date: item.date,
    time: item.time,
    place: item.place,
  };
}

const EMPTY: Record<OnboardingKind, Omit<OnboardingItemInput, 'kind'>> = {
  orientation: { title: 'Orientation', body: '', date: '', time: '08:00', place: '' },
  badge_photo: { title: 'Badge photo', body: '', date: '', time: '', place: '' },
  information: { title: '', body: '', date: '', time: '', place: '' },
  policy: { title: '', body: '', date: '', time: '', place: '' },
};

/** The coordinator's editor of an offering's onboarding items; saves the whole list at once. */
export function OnboardingItemsForm({
  institutionId,
  offeringId,
  timeZone,
  items,
}: {
  institutionId: string;
  offeringId: string;
  timeZone: string;
  items: OnboardingItem[];
}) {
  const [rows, setRows] = useState<OnboardingItemInput[]>(() => items.map(toInput));
  const [saved, setSaved] = useState(false);
  const save = useSaveOfferingOnboarding(institutionId, offeringId);
  const badField = save.error instanceof ApiError ? save.error.field : undefined;
  const fieldError = (i: number, name: string) =>
    badField === `items[${i}].${name}` && save.error instanceof ApiError ? save.error.message : undefined;

  function update(i: number, patch: Partial<OnboardingItemInput>) {
    setSaved(false);
    setRows((r) => r.map((row, n) => (n === i ? { ...row, ...patch } : row)));
  }
  function add(kind: OnboardingKind) {
    setSaved(false);
    setRows((r) => [...r, { kind, ...EMPTY[kind] }]);
  }
  function remove(i: number) {
    setSaved(false);
    setRows((r) => r.filter((_, n) => n !== i));
  }

  return (
    <form
      aria-label="Onboarding items"
      onSubmit={(e) => {
        e.preventDefault();
        save.mutate(rows, {
          onSuccess: (data) => {
            setRows(data.items.map(toInput));
            setSaved(true);
          },
        });
      }}
    >
      <Stack gap="md">
        <FormError error={save.error} title="Not saved" />
        {saved && (
          <Alert color="green" variant="light" role="status">
            Onboarding items saved.
          </Alert>
        )}
        {rows.length === 0 && <Text>No onboarding items yet. Add the first one below.</Text>}
        {rows.map((row, i) => {
          const label = `${KIND_LABELS[row.kind]} ${i + 1}`;
          return (
            <Card key={row.id ?? `new-${i}`} withBorder padding="md" component="fieldset" aria-label={label}>
              <Group justify="space-between" mb="xs">
                <Title order={3} size="h5">
                  {label}
                </Title>
                <Button variant="subtle" color="red.9" size="xs" onClick={() => remove(i)} aria-label={`Remove ${label}`}>
                  Remove
                </Button>
              </Group>
              <Stack gap="xs">
                <TextInput
                  label="Title"
                  required={row.kind !== 'badge_photo'}
                  value={row.title}
                  onChange={(e) => update(i, { title: e.currentTarget.value })}
                  error={fieldError(i, 'title')}
                />
                {row.kind === 'orientation' && (
                  <Group grow align="flex-start">
                    <TextInput
                      label={`Date (${timeZone})`}
                      type="date"
                      required
                      value={row.date}
                      onChange={(e) => update(i, { date: e.currentTarget.value })}
                      error={fieldError(i, 'date')}
                    />
                    <TextInput
                      label={`Time (${timeZone})`}
                      type="time"
                      required
                      value={row.time}
                      onChange={(e) => update(i, { time: e.currentTarget.value })}
                      error={fieldError(i, 'time')}
                    />
                  </Group>
                )}
                {row.kind === 'orientation' && (
                  <TextInput
                    label="Place"
                    required
                    value={row.place}
                    onChange={(e) => update(i, { place: e.currentTarget.value })}
                    error={fieldError(i, 'place')}
                  />
                )}
                {row.kind !== 'badge_photo' && (
                  <Textarea
                    label={row.kind === 'policy' ? 'Policy text (what applicants sign)' : row.kind === 'orientation' ? 'Notes' : 'Text'}
                    description={
                      row.kind === 'policy' ? 'Changing the text later asks everyone who signed to sign again.' : undefined
                    }
                    required={row.kind === 'policy' || row.kind === 'information'}
                    rows={4}
                    value={row.body}
                    onChange={(e) => update(i, { body: e.currentTarget.value })}
                    error={fieldError(i, 'body')}
                  />
                )}
                {row.kind === 'badge_photo' && (
                  <Text size="sm" c="dimmed">
                    Applicants upload a JPEG or PNG of type &quot;Badge photo&quot; to their documents.
                  </Text>
                )}
              </Stack>
            </Card>
          );
        })}
        <Group>
          <Button variant="default" onClick={() => add('orientation')}>
            Add orientation
          </Button>
          <Button variant="default" onClick={() => add('information')}>
            Add information
          </Button>
          <Button variant="default" onClick={() => add('policy')}>
            Add policy
          </Button>
          <Button variant="default" onClick={() => add('badge_photo')} disabled={rows.some((r) => r.kind === 'badge_photo')}>
            Add badge photo
          </Button>
        </Group>
        <Group>
          <Button type="submit" loading={save.isPending}>
            Save onboarding items
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
