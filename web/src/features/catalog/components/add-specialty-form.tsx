import { Alert, Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { useCreateSpecialty } from '../api/create-specialty';

/** "Add a specialty": the server checks the code (lower-case letters and _) and the name. */
export function AddSpecialtyForm() {
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const create = useCreateSpecialty();
  const field = create.error instanceof ApiError ? create.error.field : undefined;

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    create.mutate(
      { code, name },
      {
        onSuccess: () => {
          setCode('');
          setName('');
        },
      },
    );
  };

  return (
    <form aria-label="Add a specialty" onSubmit={onSubmit} noValidate>
      {create.isSuccess && (
        <Alert color="green" variant="light" role="status" mb="sm">
          {`Added ${create.data.name}.`}
        </Alert>
      )}
      {field !== 'code' && field !== 'name' && <FormError error={create.error} title="The specialty was not added" />}
      <Group align="flex-start" gap="sm">
        <TextInput
          label="Name"
          description="As applicants see it, e.g. Sports medicine"
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={field === 'name' ? create.error?.message : undefined}
          required
          maxLength={100}
        />
        <TextInput
          label="Code"
          description="Lower-case letters and _, e.g. sports_medicine"
          value={code}
          onChange={(e) => setCode(e.currentTarget.value)}
          error={field === 'code' ? create.error?.message : undefined}
          required
          maxLength={40}
        />
        <Button type="submit" mt={46} loading={create.isPending}>
          Add specialty
        </Button>
      </Group>
    </form>
  );
}
