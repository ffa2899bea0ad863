import { Alert, Autocomplete, Button, Grid, Stack, TextInput } from '@mantine/core';
import { useRef, useState, type FormEvent } from 'react';
import { ApiError, errorMessage } from '@/lib/api-client';
import {
  useCreateInstitution,
  type CreateInstitutionInput,
  type InstitutionField,
} from '../api/create-institution';

const EMPTY: CreateInstitutionInput = {
  name: '',
  city: '',
  state: '',
  country: '',
  time_zone: '',
  website: '',
};

const FIELDS = Object.keys(EMPTY) as InstitutionField[];

function isField(value: string | undefined): value is InstitutionField {
  return value !== undefined && (FIELDS as string[]).includes(value);
}

const TIME_ZONES: string[] =
  typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : [];

/**
 * "Add an institution". Validation is the server's: the form sends what was typed and shows the
 * server's message next to the field it names (and in an alert), then moves focus to that field.
 */
export function CreateInstitutionForm() {
  const [values, setValues] = useState<CreateInstitutionInput>(EMPTY);
  const [added, setAdded] = useState<string | null>(null);
  const inputs = useRef<Partial<Record<InstitutionField, HTMLInputElement | null>>>({});

  const mutation = useCreateInstitution({
    onSuccess: (institution) => {
      setValues(EMPTY);
      setAdded(institution.name);
    },
  });

  const error = mutation.error;
  const errorField = error instanceof ApiError && isField(error.field) ? error.field : undefined;

  const set = (field: InstitutionField) => (value: string) => {
    setValues((current) => ({ ...current, [field]: value }));
  };

  const register = (field: InstitutionField) => ({
    name: field,
    value: values[field],
    ref: (element: HTMLInputElement | null) => {
      inputs.current[field] = element;
    },
    error: errorField === field ? error?.message : undefined,
  });

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    setAdded(null);
    mutation.mutate(values, {
      onError: (failure) => {
        if (failure instanceof ApiError && isField(failure.field)) {
          inputs.current[failure.field]?.focus();
        }
      },
    });
  };

  return (
    <form onSubmit={onSubmit} noValidate aria-labelledby="add-institution-heading">
      <Stack gap="md">
        {error && (
          <Alert color="red" variant="light" title="The institution was not added" role="alert">
            {errorMessage(error)}
          </Alert>
        )}
        {added && (
          <Alert color="green" variant="light" title="Institution added" role="status">
            {added} is now on Clerkship.
          </Alert>
        )}

        <TextInput
          label="Name"
          description="As the hospital or school writes it"
          autoComplete="organization"
          required
          {...register('name')}
          onChange={(event) => set('name')(event.currentTarget.value)}
        />
        <Grid gap="md">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="City"
              autoComplete="address-level2"
              required
              {...register('city')}
              onChange={(event) => set('city')(event.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="State or region"
              autoComplete="address-level1"
              {...register('state')}
              onChange={(event) => set('state')(event.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              label="Country"
              description="Two-letter code, e.g. US"
              autoComplete="country"
              maxLength={2}
              autoCapitalize="characters"
              spellCheck={false}
              required
              {...register('country')}
              onChange={(event) => set('country')(event.currentTarget.value)}
            />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <Autocomplete
              label="Time zone"
              description="e.g. America/New_York"
              data={TIME_ZONES}
              limit={8}
              spellCheck={false}
              autoComplete="off"
              required
              {...register('time_zone')}
              onChange={set('time_zone')}
            />
          </Grid.Col>
        </Grid>
        <TextInput
          label="Website"
          description="Optional; starts with https://"
          type="url"
          inputMode="url"
          autoComplete="url"
          placeholder="https://"
          {...register('website')}
          onChange={(event) => set('website')(event.currentTarget.value)}
        />
        <div>
          <Button type="submit" loading={mutation.isPending}>
            Add institution
          </Button>
        </div>
      </Stack>
    </form>
  );
}
