import { Alert, Button, Group, Input, Stack, Table, Text, Title } from '@mantine/core';
import { useId, useRef, useState, type ChangeEvent } from 'react';
import { FormError } from '@/components/form-error';
import { useImportCatalogCsv, type ImportReport } from '../api/import-catalog-csv';

type Props = {
  institutionId: string;
  /** Closes the import panel. */
  onClose: () => void;
};

const ACTION_LABELS: Record<string, string> = {
  create: 'New',
  update: 'Changed',
  unchanged: 'Unchanged',
  none: '—',
  '': '—',
};

function plural(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/** "2 offerings new, 1 changed; 3 blocks new" from a report's counts. */
export function importSummary(report: ImportReport): string {
  const s = report.summary;
  const offerings = [
    s.offerings_created ? `${s.offerings_created} new` : '',
    s.offerings_updated ? `${s.offerings_updated} changed` : '',
    s.offerings_unchanged ? `${s.offerings_unchanged} unchanged` : '',
  ].filter(Boolean);
  const blocks = [
    s.blocks_created ? `${s.blocks_created} new` : '',
    s.blocks_updated ? `${s.blocks_updated} changed` : '',
    s.blocks_unchanged ? `${s.blocks_unchanged} unchanged` : '',
  ].filter(Boolean);
  return (
    `${plural(s.rows, 'row', 'rows')}. Offerings: ${offerings.join(', ') || 'none'}. ` +
    `Blocks: ${blocks.join(', ') || 'none'}.`
  );
}

function ProblemsTable({ report, labelledBy }: { report: ImportReport; labelledBy: string }) {
  return (
    <Table.ScrollContainer minWidth={560} type="native">
      <Table aria-labelledby={labelledBy} verticalSpacing="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Line</Table.Th>
            <Table.Th scope="col">Column</Table.Th>
            <Table.Th scope="col">Problem</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.errors.map((error, i) => (
            <Table.Tr key={`${error.line}-${error.field}-${i}`}>
              <Table.Td>{error.line}</Table.Td>
              <Table.Td>
                <code>{error.field}</code>
              </Table.Td>
              <Table.Td>{error.message}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function PreviewTable({ report, labelledBy }: { report: ImportReport; labelledBy: string }) {
  return (
    <Table.ScrollContainer minWidth={640} type="native">
      <Table aria-labelledby={labelledBy} verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Line</Table.Th>
            <Table.Th scope="col">Offering</Table.Th>
            <Table.Th scope="col">Offering change</Table.Th>
            <Table.Th scope="col">Block</Table.Th>
            <Table.Th scope="col">Block change</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {report.rows.map((row) => (
            <Table.Tr key={row.line}>
              <Table.Td>{row.line}</Table.Td>
              <Table.Th scope="row" fw={400}>
                {row.title || row.offering_ref}
                {row.status && (
                  <Text size="xs" c="dimmed">
                    {row.status}
                  </Text>
                )}
              </Table.Th>
              <Table.Td>{ACTION_LABELS[row.offering] ?? row.offering}</Table.Td>
              <Table.Td>{row.start_date ? `${row.start_date} to ${row.end_date}` : '—'}</Table.Td>
              <Table.Td>{ACTION_LABELS[row.block] ?? row.block}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/**
 * Import a catalog from CSV: choose a file, see what the server would do row by row (a dry run,
 * with each problem's line and column), then confirm. Nothing is written until the confirmation,
 * and nothing at all while any row has a problem.
 */
export function CatalogImport({ institutionId, onClose }: Props) {
  const fileId = useId();
  const problemsId = useId();
  const previewId = useId();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportReport | null>(null);
  const [imported, setImported] = useState<ImportReport | null>(null);
  const dryRun = useImportCatalogCsv(institutionId);
  const commit = useImportCatalogCsv(institutionId);

  const onFile = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.currentTarget.files?.[0] ?? null;
    setFile(chosen);
    setPreview(null);
    setImported(null);
    commit.reset();
    if (!chosen) return;
    dryRun.mutate({ csv: chosen, dryRun: true }, { onSuccess: setPreview });
  };

  const onConfirm = () => {
    if (!file) return;
    commit.mutate(
      { csv: file, dryRun: false },
      {
        onSuccess: (report) => {
          setImported(report);
          setPreview(null);
          setFile(null);
          if (input.current) input.current.value = '';
        },
      },
    );
  };

  return (
    <section aria-labelledby={`${fileId}-heading`}>
      <Stack gap="md" mb="xl">
        <Title order={2} id={`${fileId}-heading`}>
          Import from CSV
        </Title>
        <Text size="sm">
          One row per block, with the offering&apos;s columns repeated on each of its rows. Start from an export to
          see the columns; rows whose <code>offering_ref</code> is an existing offering&apos;s id update it, other
          refs create new offerings. Nothing is written until you confirm.
        </Text>
        <Input.Wrapper label="CSV file" id={fileId} description="UTF-8 CSV, at most 1 MB">
          <input id={fileId} ref={input} type="file" accept=".csv,text/csv" onChange={onFile} />
        </Input.Wrapper>
        {dryRun.isPending && (
          <Text role="status" size="sm">
            Checking the file…
          </Text>
        )}
        <FormError error={dryRun.error} title="The file could not be read" />
        <FormError error={commit.error} title="Nothing was imported" />
        {imported && (
          <Alert color="green" variant="light" role="status" title="Imported">
            {importSummary(imported)}
          </Alert>
        )}
        {preview && (
          <>
            {preview.valid ? (
              <Alert color="blue" variant="light" role="status" title="Preview: nothing is written yet">
                {importSummary(preview)}
              </Alert>
            ) : (
              <Alert color="red" variant="light" role="alert" title="Fix these problems and choose the file again">
                {plural(preview.errors.length, 'problem', 'problems')} found; nothing will be imported while any row
                has a problem.
              </Alert>
            )}
            {!preview.valid && (
              <>
                <Title order={3} id={problemsId}>
                  Problems
                </Title>
                <ProblemsTable report={preview} labelledBy={problemsId} />
              </>
            )}
            <Title order={3} id={previewId}>
              Preview
            </Title>
            <PreviewTable report={preview} labelledBy={previewId} />
          </>
        )}
        <Group gap="sm">
          {preview && (
            <Button onClick={onConfirm} disabled={!preview.valid} loading={commit.isPending}>
              {`Import ${plural(preview.summary.rows, 'row', 'rows')}`}
            </Button>
          )}
          <Button variant="default" onClick={onClose}>
            {imported ? 'Close' : 'Cancel'}
          </Button>
        </Group>
      </Stack>
    </section>
  );
}
