import { Anchor, Badge, Button, Checkbox, Group, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { STATUS_LABELS, type CompletionPlacement } from '../api/completion-schema';
import { erasCsvUrl, erasJsonUrl, transcriptUrl } from '../api/my-placements';
import { useDownloadPacket } from '../api/packet';
import { useDocuments } from '@/features/vault/api/get-documents';
import type { VaultDocument } from '@/features/vault/api/document-schema';

/** The applicant's rotations (placements) and their residency-ready record. */
export function MyRotations({ placements }: { placements: CompletionPlacement[] }) {
  const completed = placements.filter((p) => p.status === 'completed');
  return (
    <Stack gap="xl">
      <section aria-labelledby="rotations-heading">
        <Title order={2} id="rotations-heading" mb="sm">
          My rotations
        </Title>
        {placements.length === 0 ? (
          <Text>No placements yet. Accepted offers and match results appear here.</Text>
        ) : (
          <Table aria-labelledby="rotations-heading">
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">Rotation</Table.Th>
                <Table.Th scope="col">Institution</Table.Th>
                <Table.Th scope="col">Dates</Table.Th>
                <Table.Th scope="col">Status</Table.Th>
                <Table.Th scope="col">Certificate</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {placements.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Th scope="row">
                    <Anchor component={Link} to={`/my-rotations/${p.id}`}>
                      {p.offering_title}
                    </Anchor>
                  </Table.Th>
                  <Table.Td>{p.institution_name}</Table.Td>
                  <Table.Td>
                    {p.start_date} to {p.end_date}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{STATUS_LABELS[p.status]}</Badge>
                  </Table.Td>
                  <Table.Td>{p.certificate ? `${p.certificate.code}${p.certificate.revoked ? ' (revoked)' : ''}` : '—'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <section aria-labelledby="record-heading">
        <Title order={2} id="record-heading" mb="sm">
          Residency-ready record
        </Title>
        {completed.length === 0 ? (
          <Text>Once a rotation is completed, export your transcript and ERAS entries here.</Text>
        ) : (
          <Stack>
            <Text>Your completed rotations, each with its public verification code, in the formats programs and ERAS use.</Text>
            <Group>
              <Button component="a" href={transcriptUrl} download>
                Download transcript (PDF)
              </Button>
              <Button component="a" href={erasCsvUrl} download variant="light">
                ERAS entries (CSV)
              </Button>
              <Button component="a" href={erasJsonUrl} download variant="light">
                ERAS entries (JSON)
              </Button>
            </Group>
            <PacketForm completed={completed} />
          </Stack>
        )}
      </section>
    </Stack>
  );
}

function PacketForm({ completed }: { completed: CompletionPlacement[] }) {
  const [program, setProgram] = useState('');
  const [includeCv, setIncludeCv] = useState(true);
  const [chosen, setChosen] = useState<string[]>(completed.filter((p) => !p.certificate?.revoked).map((p) => p.id));
  const [documentIds, setDocumentIds] = useState<string[]>([]);
  const documents = useDocuments();
  const download = useDownloadPacket();
  return (
    <form
      aria-label="Application packet"
      onSubmit={(e) => {
        e.preventDefault();
        download.mutate({ program, include_cv: includeCv, document_ids: documentIds, placement_ids: chosen });
      }}
    >
      <Stack gap="sm" maw={560}>
        <Title order={3}>Application packet for one program</Title>
        <FormError error={download.error} title="The packet was not built" />
        <TextInput label="Program" required value={program} onChange={(e) => setProgram(e.currentTarget.value)} />
        <Checkbox label="Include my CV (from my profile)" checked={includeCv} onChange={(e) => setIncludeCv(e.currentTarget.checked)} />
        <Checkbox.Group
          label="Documents from my vault"
          description="In the order listed; only PDFs can go into the packet."
          value={documentIds}
          onChange={setDocumentIds}
        >
          <Stack gap={4} mt="xs">
            {(documents.data ?? []).length === 0 && <Text size="sm">{documents.isPending ? 'Loading your documents…' : 'Your vault has no documents.'}</Text>}
            {(documents.data ?? []).map((d) => (
              <Checkbox key={d.id} value={d.id} label={documentLabel(d)} disabled={!isPdf(d)} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Checkbox.Group label="Certificates to include" value={chosen} onChange={setChosen}>
          <Stack gap={4} mt="xs">
            {completed.map((p) => (
              <Checkbox key={p.id} value={p.id} label={`${p.offering_title}, ${p.institution_name}`} disabled={!!p.certificate?.revoked} />
            ))}
          </Stack>
        </Checkbox.Group>
        <Group>
          <Button type="submit" loading={download.isPending}>
            Download packet (PDF)
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function currentVersion(d: VaultDocument) {
  return d.versions.find((v) => v.version === d.current_version) ?? d.versions[0];
}

function isPdf(d: VaultDocument): boolean {
  return currentVersion(d)?.mime === 'application/pdf';
}

/** "Background check (expires 2027-06-30)", "Badge photo (not a PDF)". */
function documentLabel(d: VaultDocument): string {
  const name = d.title || d.type.replaceAll('_', ' ').replace(/^./, (c) => c.toUpperCase());
  if (!isPdf(d)) return `${name} (not a PDF)`;
  const expires = currentVersion(d)?.expires_on;
  return expires ? `${name} (expires ${expires})` : name;
}
