import { Alert, Badge, Button, Checkbox, Group, Stack, Table, Text, Title } from '@mantine/core';
import { errorMessage } from '@/lib/api-client';
import { useRoundStep } from '../api/rounds';
import { formatWhen, type AdminRound } from '../api/match-round-schema';
import { useMatchDay, useScheduleMatchDay } from '../api/match-day';
import { ScrambleScheduleForm } from './scramble';

/** The automatic run and publish at match day: the switch, "scheduled for …" and the outcome. */
function MatchDayPanel({ round }: { round: AdminRound }) {
  const q = useMatchDay(round.id);
  const save = useScheduleMatchDay(round.id);
  if (!q.data) return null;
  const d = q.data;
  const locked = d.claimed_at !== null || round.status === 'published';
  return (
    <section aria-labelledby="match-day-heading">
      <Title order={2} id="match-day-heading" mb="sm">
        Match day
      </Title>
      <Checkbox
        label="Run and publish automatically on match day"
        checked={d.scheduled}
        disabled={locked || save.isPending}
        onChange={(e) => save.mutate(e.currentTarget.checked)}
      />
      {d.scheduled && !d.claimed_at && (
        <Text mt="xs">
          Scheduled for {formatWhen(round.match_day)} (it runs then if rank lists are due by that time).
        </Text>
      )}
      {d.claimed_at && !d.outcome && <Text mt="xs">Started automatically {formatWhen(d.claimed_at)}…</Text>}
      {d.outcome && (
        <Alert mt="xs" color={d.outcome.startsWith('published') ? 'green' : 'red'} title="Automatic run">
          {d.outcome} ({d.finished_at ? formatWhen(d.finished_at) : ''})
        </Alert>
      )}
      {save.error && (
        <Alert color="red" mt="xs" role="alert">
          {errorMessage(save.error)}
        </Alert>
      )}
    </section>
  );
}

/** The next step of a round as a button (open, close ranking, run, publish) and its error; `base` is the API base. */
export function RoundStepButtons({ round, base }: { round: { id: string; name: string; status: string }; base?: string }) {
  const step = useRoundStep(round.id, base);
  return (
    <>
      <Group>
        {round.status === 'draft' && <Button onClick={() => step.mutate('open')} loading={step.isPending}>Open the round</Button>}
        {round.status === 'open' && <Button onClick={() => step.mutate('close_ranking')} loading={step.isPending}>Close ranking</Button>}
        {round.status === 'ranking_closed' && <Button onClick={() => step.mutate('run')} loading={step.isPending}>Run the match</Button>}
        {round.status === 'matched' && <Button onClick={() => step.mutate('publish')} loading={step.isPending}>Publish results</Button>}
      </Group>
      {step.error && <Alert color="red" role="alert">{errorMessage(step.error)}</Alert>}
    </>
  );
}

/** The admin's page of a round: blocks and quotas, certification progress, run and publish, stats and stability. */
export function AdminRoundView({ round }: { round: AdminRound }) {
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
      <RoundStepButtons round={round} />
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
      <MatchDayPanel round={round} />
      {round.status === 'published' && <ScrambleScheduleForm roundId={round.id} />}
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
