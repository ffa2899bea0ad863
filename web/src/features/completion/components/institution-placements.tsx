import { Alert, Badge, Button, Group, NativeSelect, Stack, Table, Text, TextInput, Textarea, Title, VisuallyHidden } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { NEXT_STATUSES, STATUS_LABELS, type CompletionPlacement, type PlacementStatus } from '../api/completion-schema';
import {
  completionsCsvUrl,
  evaluationsCsvUrl,
  useAssignPreceptor,
  useInstitutionPlacement,
  useMovePlacement,
  usePreceptors,
  useReleaseEvaluation,
  useRevokeCertificate,
} from '../api/institution-placements';
import { EvaluationView } from './evaluation-view';

type Props = { institutionId: string; placements: CompletionPlacement[]; canManage: boolean };

/** The institution's placements: preceptor, state, evaluation release, certificate revocation, exports. */
export function InstitutionPlacements({ institutionId, placements, canManage }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  return (
    <Stack gap="lg">
      {canManage && (
        <Group>
          <Button component="a" href={completionsCsvUrl(institutionId)} download variant="light">
            Export completions (CSV)
          </Button>
          <Button component="a" href={evaluationsCsvUrl(institutionId)} download variant="light">
            Export evaluations (CSV)
          </Button>
        </Group>
      )}
      {placements.length === 0 ? (
        <Text>No placements yet: accepted offers and match results appear here.</Text>
      ) : (
        <Table aria-label="Placements">
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Student</Table.Th>
              <Table.Th scope="col">Rotation</Table.Th>
              <Table.Th scope="col">Dates</Table.Th>
              <Table.Th scope="col">Status</Table.Th>
              <Table.Th scope="col">Preceptor</Table.Th>
              <Table.Th scope="col">Evaluation</Table.Th>
              <Table.Th scope="col">
                <VisuallyHidden>Actions</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {placements.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Th scope="row">{p.applicant.name}</Table.Th>
                <Table.Td>{p.offering_title}</Table.Td>
                <Table.Td>
                  {p.start_date} to {p.end_date}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light">{STATUS_LABELS[p.status]}</Badge>
                </Table.Td>
                <Table.Td>{p.preceptor.name || '—'}</Table.Td>
                <Table.Td>{p.evaluation?.status ?? '—'}</Table.Td>
                <Table.Td>
                  <Button size="xs" variant="light" aria-label={`Manage placement of ${p.applicant.name}`} onClick={() => setOpen(open === p.id ? null : p.id)}>
                    {open === p.id ? 'Close' : 'Manage'}
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      {open && <PlacementPanel key={open} institutionId={institutionId} placementId={open} canManage={canManage} />}
    </Stack>
  );
}

function PlacementPanel({ institutionId, placementId, canManage }: { institutionId: string; placementId: string; canManage: boolean }) {
  const detail = useInstitutionPlacement(institutionId, placementId);
  if (detail.isPending) return <Text>Loading the placement…</Text>;
  if (detail.isError) return <FormError error={detail.error} title="The placement could not be loaded" />;
  const p = detail.data;
  return (
    <section aria-labelledby="placement-panel-heading">
      <Stack gap="lg">
        <Title order={2} id="placement-panel-heading">
          {p.applicant.name} — {p.offering_title}
        </Title>
        <Text>
          {STATUS_LABELS[p.status]}
          {p.started_on ? ` · started ${p.started_on}` : ''}
          {p.finished_on ? ` · finished ${p.finished_on}` : ''} · attendance {p.attendance.present} present, {p.attendance.absent} absent
          {p.certificate ? ` · certificate ${p.certificate.code}${p.certificate.revoked ? ' (revoked)' : ''}` : ''}
        </Text>
        {canManage && <PreceptorForm institutionId={institutionId} placement={p} />}
        {canManage && <MoveForm institutionId={institutionId} placement={p} />}
        <EvaluationPanel institutionId={institutionId} placement={p} canManage={canManage} />
        {canManage && p.certificate && !p.certificate.revoked && <RevokeForm institutionId={institutionId} placement={p} />}
      </Stack>
    </section>
  );
}

function PreceptorForm({ institutionId, placement }: { institutionId: string; placement: CompletionPlacement }) {
  const preceptors = usePreceptors(institutionId);
  const assign = useAssignPreceptor(institutionId);
  const [chosen, setChosen] = useState(placement.preceptor.id);
  if (placement.status !== 'scheduled' && placement.status !== 'in_progress') return null;
  const options = [{ value: '', label: 'Choose a preceptor' }, ...(preceptors.data ?? []).map((s) => ({ value: s.user_id, label: `${s.display_name} (${s.email})` }))];
  return (
    <form
      aria-label="Assign a preceptor"
      onSubmit={(e) => {
        e.preventDefault();
        assign.mutate({ placementId: placement.id, preceptorId: chosen });
      }}
    >
      <Group align="flex-end">
        <NativeSelect label="Preceptor" data={options} value={chosen} onChange={(e) => setChosen(e.currentTarget.value)} />
        <Button type="submit" loading={assign.isPending}>
          Assign preceptor
        </Button>
      </Group>
      {preceptors.isSuccess && preceptors.data.length === 0 && (
        <Text c="dimmed" size="sm">
          Invite staff with the preceptor role on the staff page first.
        </Text>
      )}
      <FormError error={assign.error} title="The preceptor was not assigned" />
    </form>
  );
}

function MoveForm({ institutionId, placement }: { institutionId: string; placement: CompletionPlacement }) {
  const next = NEXT_STATUSES[placement.status];
  const [status, setStatus] = useState<PlacementStatus | ''>(next[0] ?? '');
  const [date, setDate] = useState(next[0] === 'in_progress' ? placement.start_date : placement.end_date);
  const [reason, setReason] = useState('');
  const move = useMovePlacement(institutionId);
  if (next.length === 0) return null;
  return (
    <form
      aria-label="Change the placement's status"
      onSubmit={(e) => {
        e.preventDefault();
        if (status) move.mutate({ placementId: placement.id, status, date, reason });
      }}
    >
      <Stack gap="xs" maw={560}>
        <FormError error={move.error} title="The status did not change" />
        <Group align="flex-end">
          <NativeSelect
            label="New status"
            data={next.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
            value={status}
            onChange={(e) => setStatus(e.currentTarget.value as PlacementStatus)}
          />
          <TextInput type="date" label="On" value={date} onChange={(e) => setDate(e.currentTarget.value)} />
        </Group>
        {(status === 'incomplete' || status === 'cancelled') && (
          <Textarea label="Reason" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        )}
        <Group>
          <Button type="submit" loading={move.isPending}>
            Change status
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function EvaluationPanel({ institutionId, placement, canManage }: { institutionId: string; placement: CompletionPlacement; canManage: boolean }) {
  const release = useReleaseEvaluation(institutionId);
  const e = placement.evaluation;
  return (
    <section aria-labelledby="staff-evaluation-heading">
      <Title order={3} id="staff-evaluation-heading" mb="xs">
        Evaluation
      </Title>
      {!e || e.status === 'draft' ? (
        <Text>{e ? 'The preceptor is drafting it.' : 'Not started by the preceptor.'}</Text>
      ) : (
        <Stack gap="sm">
          <EvaluationView evaluation={e} form={placement.form} />
          {e.status === 'released' ? (
            <Text role="status">Released to the student on {e.released_at.slice(0, 10)}.</Text>
          ) : (
            canManage && (
              <Group>
                <FormError error={release.error} title="Not released" />
                <Button onClick={() => release.mutate(placement.id)} loading={release.isPending}>
                  Release evaluation to the student
                </Button>
              </Group>
            )
          )}
        </Stack>
      )}
    </section>
  );
}

function RevokeForm({ institutionId, placement }: { institutionId: string; placement: CompletionPlacement }) {
  const [reason, setReason] = useState('');
  const revoke = useRevokeCertificate(institutionId);
  return (
    <form
      aria-label="Revoke the certificate"
      onSubmit={(e) => {
        e.preventDefault();
        revoke.mutate({ placementId: placement.id, reason });
      }}
    >
      <Stack gap="xs" maw={560}>
        <Alert color="red" variant="light" title="Revoke the certificate">
          The public verification page will say the certificate was revoked. This cannot be undone.
        </Alert>
        <FormError error={revoke.error} title="The certificate was not revoked" />
        <Textarea label="Reason for revoking" required value={reason} onChange={(e) => setReason(e.currentTarget.value)} />
        <Group>
          <Button type="submit" color="red" loading={revoke.isPending}>
            Revoke certificate
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
