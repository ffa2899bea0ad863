import { Anchor, Button, FileInput, Group, Radio, Select, Stack, Text, Textarea, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { FormError } from '@/components/form-error';
import type { Application } from '../api/application-schema';
import {
  MAX_COVER_LETTER,
  useCvDocuments,
  useSaveCoverLetter,
  useSaveCvChoice,
  useUploadCoverLetter,
} from '../api/materials';

function CoverLetter({ application }: { application: Application }) {
  const current = application.materials?.cover_letter;
  const [text, setText] = useState(current?.text ?? '');
  const [file, setFile] = useState<File | null>(null);
  const save = useSaveCoverLetter(application.id);
  const upload = useUploadCoverLetter(application.id);
  const editable = application.status === 'draft';
  const onSave = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(text.trim());
  };
  if (!editable) {
    if (current?.pdf) {
      return (
        <Text>
          Sent as a PDF ({current.filename || 'cover letter'}).{' '}
          <Anchor href={`/api/applications/${application.id}/cover-letter.pdf`}>Download the cover letter</Anchor>
        </Text>
      );
    }
    return current?.text ? <Text style={{ whiteSpace: 'pre-wrap' }}>{current.text}</Text> : <Text c="dimmed">No cover letter.</Text>;
  }
  return (
    <Stack gap="sm">
      <form onSubmit={onSave} noValidate aria-label="Write the cover letter">
        <Stack gap="sm">
          <FormError error={save.error} title="The cover letter was not saved" />
          <Textarea
            label="Cover letter"
            description={`For this application only, at most ${MAX_COVER_LETTER.toLocaleString('en-US')} characters`}
            rows={8}
            maxLength={MAX_COVER_LETTER}
            value={text}
            onChange={(event) => setText(event.currentTarget.value)}
          />
          <Group gap="sm">
            <Button type="submit" loading={save.isPending}>
              Save cover letter
            </Button>
            {save.isSuccess && (
              <Text size="sm" role="status">
                Cover letter saved.
              </Text>
            )}
          </Group>
        </Stack>
      </form>
      <Text size="sm">
        {current?.pdf ? `Uploaded PDF: ${current.filename || 'cover letter'} (${current.pages} pages). ` : 'Or upload a PDF instead: '}
        {current?.pdf && <Anchor href={`/api/applications/${application.id}/cover-letter.pdf`}>Download</Anchor>}
      </Text>
      <FormError error={upload.error} title="The PDF was not uploaded" />
      <Group gap="sm" align="flex-end">
        <FileInput label="Cover letter PDF" accept="application/pdf" value={file} onChange={setFile} clearable />
        <Button variant="outline" disabled={!file} loading={upload.isPending} onClick={() => file && upload.mutate(file)}>
          Upload PDF
        </Button>
      </Group>
    </Stack>
  );
}

function CvChoice({ application }: { application: Application }) {
  const cv = application.materials?.cv;
  const documents = useCvDocuments();
  const save = useSaveCvChoice(application.id);
  const [kind, setKind] = useState(cv?.kind ?? '');
  const [documentId, setDocumentId] = useState<string | null>(cv?.document_id || null);
  const editable = application.status === 'draft';
  if (!editable) {
    return (
      <Text>
        {cv?.kind === 'generated' ? 'Generated from the profile at submission.' : cv?.kind === 'document' ? 'A CV from the documents.' : 'No CV chosen.'}
      </Text>
    );
  }
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    save.mutate(kind === 'document' ? { kind, document_id: documentId ?? '' } : { kind });
  };
  const options = (documents.data ?? []).map((d) => ({ value: d.id, label: d.title || 'CV' }));
  return (
    <form onSubmit={onSubmit} noValidate aria-label="Choose the CV">
      <Stack gap="sm">
        <FormError error={save.error} title="The CV choice was not saved" />
        <Radio.Group label="CV sent with this application" value={kind} onChange={setKind}>
          <Stack gap="xs" mt="xs">
            <Radio value="generated" label="Generated from my profile (frozen when I submit)" />
            <Radio value="document" label="A CV from my documents" disabled={options.length === 0} />
          </Stack>
        </Radio.Group>
        {kind === 'document' && (
          <Select label="CV document" data={options} value={documentId} onChange={setDocumentId} allowDeselect={false} />
        )}
        <Group gap="sm">
          <Button type="submit" variant="outline" disabled={!kind}>
            Save CV choice
          </Button>
          {save.isSuccess && (
            <Text size="sm" role="status">
              CV choice saved.
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

/** The application's own cover letter and CV: editable on a draft, shown as sent afterwards. */
export function MaterialsForm({ application }: { application: Application }) {
  return (
    <Stack gap="lg">
      <CoverLetter application={application} />
      <Title order={3} size="h5">
        CV
      </Title>
      <CvChoice application={application} />
    </Stack>
  );
}
