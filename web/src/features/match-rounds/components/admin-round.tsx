import { Alert, Badge, Button, Group, Stack, Table, Text, Title } from '@mantine/core';
import { errorMessage } from '@/lib/api-client';
import { useRoundStep } from '../api/rounds';
import { formatWhen, type AdminRound } from '../api/match-round-schema';

/** The admin's page of a round: blocks and quotas, certification progress, run and publish, stats and stability. */
export function AdminRoundView({ round }: { round: AdminRound }) {
  const step = useRoundStep(round.id);
  const p = round.progress;
  return (
    <Stack gap="xl">
      <Group>
        <Badge size="lg">{round.status.replace('_', ' ')}</Badge>
        <Text>
          Applications close {formatWhen(round.applications_close)} · rank lists due {formatWhen(round.rank_lists_due)} ·
          match day {formatWhen(round.match_day)}
        </Text>
      </Group>
      <section aria-labelledby="progress-heading">
        <Title order={2} id="progress-heading" mb="sm">
          Certification
        </Title>
        <Text>
          Applicants: {p.applicants.certified} of {p.applicants.total} certified ({p.applicants.saved} saved) · Blocks:{' '}
          {p.programs.certified} of {p.programs.total} certified · Couples: {p.couples}
        </Text>
      </section>
      <Group>
        {round.status === 'draft' && <Button onClick={() => step.mutate('open')} loading={step.isPending}>Open the round</Button>}
        {round.status === 'open' && <Button onClick={() => step.mutate('close_ranking')} loading={step.isPending}>Close ranking</Button>}
        {round.status === 'ranking_closed' && <Button onClick={() => step.mutate('run')} loading={step.isPending}>Run the match</Button>}
        {round.status === 'matched' && <Button onClick={() => step.mutate('publish')} loading={step.isPending}>Publish results</Button>}
      </Group>
      {step.error && <Alert color="red" role="alert">{errorMessage(step.error)}</Alert>}
      {round.stats && (
        <section aria-labelledby="stats-heading">
          <Title order={2} id="stats-heading" mb="sm">
            Match results
          </Title>
          <Text>
            {round.stats.matched} of {round.stats.applicants} applicants matched · {round.stats.unfilled_seats} seats unfilled ·{' '}
            {round.stats.proposals} proposals · {round.stats.milliseconds} ms
          </Text>
          {round.stable ? (
            <Alert color="green" mt="sm" title="Stable">No blocking pair: no applicant and block would both rather have each other.</Alert>
          ) : (
            <Alert color="orange" mt="sm" title="Not stable">{round.blocking_pairs.length} blocking pairs (couples made a stable matching impossible).</Alert>
          )}
          {round.published_at ? (
            <Text mt="sm">Published {formatWhen(round.published_at)}: every participant sees their result.</Text>
          ) : (
            <Text mt="sm">Results are hidden from applicants and programs until you publish.</Text>
          )}
        </section>
      )}
      <section aria-labelledby="blocks-heading">
        <Title order={2} id="blocks-heading" mb="sm">
          Blocks
        </Title>
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rotation</Table.Th>
              <Table.Th>Institution</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Quota</Table.Th>
              <Table.Th>Seats left</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {round.blocks.map((b) => (
              <Table.Tr key={b.block_id}>
                <Table.Td>{b.offering_title}</Table.Td>
                <Table.Td>{b.institution_name}</Table.Td>
                <Table.Td>
                  {b.start_date} – {b.end_date}
                </Table.Td>
                <Table.Td>{b.quota}</Table.Td>
                <Table.Td>{b.seats_left}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </section>
    </Stack>
  );
}
