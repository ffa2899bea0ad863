import { Button, Grid, Group, Stack, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { useServerErrors } from '@/lib/use-server-errors';
import { BLOCK_FIELDS, type BlockFormValues } from '../api/block-input';

type Props = {
  initial: BlockFormValues;
  /** The create or update mutation. */
  mutation: {
    mutate: (values: BlockFormValues, options: { onSuccess: () => void; onError: (error: unknown) => void }) => void;
    error: unknown;
    isPending: boolean;
  };
  submitLabel: string;
  /** What failed, for the alert: "The block was not added". */
  failureTitle: string;
  labelledBy: string;
  onDone?: () => void;
  /** Clear the inputs after a success (adding several blocks in a row). */
  resetOnSuccess?: boolean;
  onCancel?: () => void;
};

/** Dates and seats of a block; the date rules are the server's and its message lands on the field it names. */
export function BlockForm({ initial, mutation, submitLabel, failureTitle, labelledBy, onDone, resetOnSuccess, onCancel }: Props) {
  const [values, setValues] = useState<BlockFormValues>(initial);
  const { field, focusError } = useServerErrors(BLOCK_FIELDS, mutation.error);

  const set = (name: keyof BlockFormValues) => (event: React.ChangeEvent<HTMLInputElement>) => {
    const value = event.currentTarget.value;
    setValues((current) => ({ ...current, [name]: value }));
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.mutate(values, {
      onSuccess: () => {
        if (resetOnSuccess) setValues(initial);
        onDone?.();
      },
      onError: focusError,
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby={labelledBy}>
      <Stack gap="sm">
        <FormError error={mutation.error} title={failureTitle} />
        <Grid gap="sm">
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput type="date" label="Starts" required {...field('start_date')} value={values.start_date} onChange={set('start_date')} />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput type="date" label="Ends" required {...field('end_date')} value={values.end_date} onChange={set('end_date')} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 4 }}>
            <TextInput
              label="Seats"
              inputMode="numeric"
              required
              {...field('seats')}
              value={values.seats}
              onChange={set('seats')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput
              type="date"
              label="Applications open"
              required
              {...field('opens_on')}
              value={values.opens_on}
              onChange={set('opens_on')}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 6, sm: 4 }}>
            <TextInput
              type="date"
              label="Deadline"
              description="Last day, in the institution's time zone"
              required
              {...field('deadline')}
              value={values.deadline}
              onChange={set('deadline')}
            />
          </Grid.Col>
        </Grid>
        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {submitLabel}
          </Button>
          {onCancel && (
            <Button variant="default" onClick={onCancel}>
              Cancel
            </Button>
          )}
        </Group>
      </Stack>
    </form>
  );
}
