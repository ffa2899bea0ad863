import { Alert, Anchor, Button, Group, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { ApiError } from '@/lib/api-client';
import { useCreateSavedSearch } from '../api/create-saved-search';

type Props = {
  /** The search to save: the page's URL parameters (page left out by the server). */
  query: Record<string, string>;
  /** A name to suggest, e.g. the search text. */
  suggestedName: string;
};

/**
 * "Save this search": a button that opens a one-field form. Saved searches e-mail their owner when
 * a new block that matches is published.
 */
export function SaveSearchForm({ query, suggestedName }: Props) {
  const [open, setOpen] = useState(false);
  const [name, setName] = useState(suggestedName);
  const [nameError, setNameError] = useState<string | null>(null);
  const save = useCreateSavedSearch();

  if (save.isSuccess && !open) {
    return (
      <Alert color="green" variant="light" role="status">
        Search saved as “{save.data.name}”. We will e-mail you when new matching rotation blocks are published.{' '}
        <Anchor component={Link} to="/saved-searches">
          Your saved searches
        </Anchor>
      </Alert>
    );
  }
  if (!open) {
    return (
      <Button
        variant="default"
        onClick={() => {
          setName(suggestedName);
          setNameError(null);
          save.reset();
          setOpen(true);
        }}
      >
        Save this search
      </Button>
    );
  }

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const trimmed = name.trim();
    if (!trimmed) {
      setNameError('Give the search a name');
      return;
    }
    setNameError(null);
    save.mutate(
      { name: trimmed, query },
      {
        onSuccess: () => setOpen(false),
        onError: (error) => {
          if (error instanceof ApiError && error.field === 'name') setNameError(error.message);
        },
      },
    );
  };
  const otherError = save.error instanceof ApiError && save.error.field === 'name' ? null : save.error;

  return (
    <form aria-label="Save this search" onSubmit={onSubmit} noValidate>
      <FormError error={otherError} title="The search was not saved" />
      <Group gap="sm" align="flex-end">
        <TextInput
          label="Name of the saved search"
          description="You get an e-mail when a new matching block is published"
          value={name}
          onChange={(event) => setName(event.currentTarget.value)}
          error={nameError}
          maxLength={100}
          required
          data-autofocus
          autoFocus
          style={{ flex: 1, minWidth: 240 }}
        />
        <Button type="submit" loading={save.isPending}>
          Save search
        </Button>
        <Button variant="default" onClick={() => setOpen(false)}>
          Cancel
        </Button>
      </Group>
    </form>
  );
}
