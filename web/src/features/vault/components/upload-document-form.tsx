import { Button, Grid, Group, Input, NativeSelect, Stack, Text, TextInput } from '@mantine/core';
import { useId, useMemo, useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import { newRowKey, RepeatableRows } from '@/components/repeatable-rows';
import { ApiError } from '@/lib/api-client';
import { useServerErrors } from '@/lib/use-server-errors';
import type { VaultDocument } from '../api/document-schema';
import { useSaveDocument, type DocumentMeta } from '../api/save-document';
import { checkFile } from '../api/upload-file';
import { ACCEPTED_FILES, TITER_RESULTS, VACCINES, VAULT_TYPES, vaultType } from '../document-types';

type VaccineRow = DocumentMeta['vaccines'][number] & { key: string };

type Props = {
  /** Replace this document (adds a version) instead of uploading a new one. */
  replacing?: VaultDocument;
  onDone: (document: VaultDocument) => void;
  onCancel?: () => void;
  /** The form's accessible name. */
  label: string;
};

function vaccineFields(count: number): string[] {
  const names = ['file', 'type', 'title', 'issued_on', 'expires_on', 'vaccines'];
  for (let i = 0; i < count; i++) {
    for (const f of ['vaccine', 'kind', 'date', 'result']) names.push(`vaccines[${i}].${f}`);
  }
  return names;
}

function emptyVaccine(): VaccineRow {
  return { key: newRowKey(), vaccine: 'mmr', kind: 'dose', date: '', result: '' };
}

/**
 * Upload a document (or a new version of one): the type, the file (PDF, JPEG or PNG up to
 * 10 MiB, checked here for size and by the server for what it really is), its dates, and for
 * immunization records the vaccine entries. The file goes first (PUT /api/me/uploads), then
 * the details with its upload id.
 */
export function UploadDocumentForm({ replacing, onDone, onCancel, label }: Props) {
  const mutation = useSaveDocument(replacing?.id);
  const fileId = useId();
  const [type, setType] = useState(replacing?.type ?? 'immunization_record');
  const [title, setTitle] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [issuedOn, setIssuedOn] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [vaccines, setVaccines] = useState<VaccineRow[]>([]);
  const [localError, setLocalError] = useState<ApiError | null>(null);

  const error = localError ?? mutation.error;
  const fields = useMemo(() => vaccineFields(vaccines.length), [vaccines.length]);
  const { field, focusError } = useServerErrors(fields, error);
  const kind = vaultType(type);
  const immunization = type === 'immunization_record';

  const onFile = (event: React.ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    setFile(chosen);
    mutation.reset();
    const problem = chosen ? checkFile(chosen) : undefined;
    setLocalError(problem ? new ApiError({ status: 0, code: 'invalid_argument', message: problem, field: 'file' }) : null);
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    mutation.reset();
    const problem = file ? checkFile(file) : 'Choose a file to upload.';
    if (problem || !file) {
      const failure = new ApiError({ status: 0, code: 'invalid_argument', message: problem ?? '', field: 'file' });
      setLocalError(failure);
      // Focus after the error renders.
      setTimeout(() => focusError(failure), 0);
      return;
    }
    setLocalError(null);
    mutation.mutate(
      {
        file,
        meta: {
          type,
          title,
          issued_on: issuedOn,
          expires_on: expiresOn,
          vaccines: immunization ? vaccines.map(({ key: _key, ...v }) => v) : [],
        },
      },
      { onSuccess: onDone, onError: focusError },
    );
  };

  const fileField = field('file');
  const { error: vaccinesError, ...vaccinesButton } = field('vaccines');

  return (
    <form onSubmit={onSubmit} noValidate aria-label={label}>
      <Stack gap="md">
        <FormError error={error} title={replacing ? 'The new version was not saved' : 'The document was not uploaded'} />
        {replacing ? (
          <Text size="sm">
            The current version is kept in the history; the new one waits for verification again.
          </Text>
        ) : (
          <Grid gap="sm">
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <NativeSelect
                label="Document type"
                required
                data={VAULT_TYPES.map((t) => ({ value: t.type, label: t.label }))}
                {...field('type')}
                value={type}
                onChange={(event) => setType(event.currentTarget.value)}
              />
            </Grid.Col>
            <Grid.Col span={{ base: 12, sm: 6 }}>
              <TextInput
                label="Title"
                description="Optional, e.g. “2026 flu shot”"
                maxLength={200}
                {...field('title')}
                value={title}
                onChange={(event) => setTitle(event.currentTarget.value)}
              />
            </Grid.Col>
          </Grid>
        )}

        <Input.Wrapper
          label="File"
          required
          description="PDF, JPEG or PNG, at most 10 MiB"
          error={fileField.error}
          id={fileId}
        >
          <input
            id={fileId}
            type="file"
            accept={ACCEPTED_FILES}
            name={fileField.name}
            ref={fileField.ref}
            aria-invalid={fileField.error ? true : undefined}
            aria-describedby={`${fileId}-description${fileField.error ? ` ${fileId}-error` : ''}`}
            onChange={onFile}
            style={{ display: 'block', marginTop: 6 }}
          />
        </Input.Wrapper>

        <Grid gap="sm">
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput type="date" label="Issued on" {...field('issued_on')} value={issuedOn} onChange={(e) => setIssuedOn(e.currentTarget.value)} />
          </Grid.Col>
          <Grid.Col span={{ base: 12, sm: 6 }}>
            <TextInput
              type="date"
              label="Expires on"
              required={kind.expires}
              description={kind.expires ? `${kind.label} documents need an expiry date` : 'If it expires'}
              {...field('expires_on')}
              value={expiresOn}
              onChange={(e) => setExpiresOn(e.currentTarget.value)}
            />
          </Grid.Col>
        </Grid>

        {immunization && (
          <RepeatableRows
            legend="Vaccines"
            itemLabel="Vaccine"
            rows={vaccines}
            onChange={setVaccines}
            newRow={emptyVaccine}
            addLabel="Add a vaccine"
            emptyText="List each dose or titer this record shows."
            error={vaccinesError}
            addButton={vaccinesButton}
            renderRow={(row, i, set) => (
              <Grid gap="sm">
                <Grid.Col span={{ base: 12, sm: 4 }}>
                  <NativeSelect
                    label="Vaccine"
                    data={VACCINES.map((v) => ({ value: v.value, label: v.label }))}
                    {...field(`vaccines[${i}].vaccine`)}
                    value={row.vaccine}
                    onChange={(event) => set({ vaccine: event.currentTarget.value })}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 2 }}>
                  <NativeSelect
                    label="Kind"
                    data={[
                      { value: 'dose', label: 'Dose' },
                      { value: 'titer', label: 'Titer' },
                    ]}
                    {...field(`vaccines[${i}].kind`)}
                    value={row.kind}
                    onChange={(event) => {
                      const kind = event.currentTarget.value;
                      set(kind === 'titer' ? { kind } : { kind, result: '' });
                    }}
                  />
                </Grid.Col>
                <Grid.Col span={{ base: 6, sm: 3 }}>
                  <TextInput
                    type="date"
                    label="Date"
                    {...field(`vaccines[${i}].date`)}
                    value={row.date}
                    onChange={(event) => set({ date: event.currentTarget.value })}
                  />
                </Grid.Col>
                {row.kind === 'titer' && (
                  <Grid.Col span={{ base: 12, sm: 3 }}>
                    <NativeSelect
                      label="Result"
                      data={[{ value: '', label: 'Choose…' }, ...TITER_RESULTS]}
                      {...field(`vaccines[${i}].result`)}
                      value={row.result}
                      onChange={(event) => set({ result: event.currentTarget.value })}
                    />
                  </Grid.Col>
                )}
              </Grid>
            )}
          />
        )}

        <Group gap="sm">
          <Button type="submit" loading={mutation.isPending}>
            {replacing ? 'Upload new version' : 'Upload'}
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
