import { Alert, Badge, Button, Group, NumberInput, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { formatWhen } from '../api/match-round-schema';
import {
  countdown,
  useAcceptScrambleOffer,
  useApplicantScramble,
  useInstitutionScramble,
  useSaveScrambleSchedule,
  useScrambleApply,
  useScrambleOffer,
  useScrambleSchedule,
  type ScrambleSchedule,
} from '../api/scramble';

/** Milliseconds now, ticking every second (for countdowns). */
function useNow(): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const t = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(t);
  }, []);
  return now;
}

const stateColor = { open: 'green', upcoming: 'blue', ended: 'gray' } as const;

/** The scramble rounds with the open one and a countdown to its end (or to the next start). */
export function ScheduleView({ schedule }: { schedule: ScrambleSchedule }) {
  const now = useNow();
  const current = schedule.rounds.find((r) => r.id === schedule.current);
  const next = schedule.rounds.find((r) => r.id === schedule.next);
  if (schedule.rounds.length === 0) return <Text>No scramble round is scheduled yet.</Text>;
  return (
    <Stack gap="xs">
      {current ? (
        <Alert color="green" title={`Scramble round ${current.number} is open`}>
          It ends {formatWhen(current.ends_at)} — <span aria-label="time left">{countdown(current.ends_at, now)}</span> left.
          Offers made in this round expire when it ends.
        </Alert>
      ) : next ? (
        <Alert color="blue" title={`Scramble round ${next.number} opens ${formatWhen(next.starts_at)}`}>
          In <span aria-label="time until the next round">{countdown(next.starts_at, now)}</span>.
        </Alert>
      ) : (
        <Alert color="gray" title="The scramble is over" />
      )}
      <Table aria-label="Scramble schedule">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Round</Table.Th>
            <Table.Th>Starts</Table.Th>
            <Table.Th>Ends</Table.Th>
            <Table.Th>State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {schedule.rounds.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{r.number}</Table.Td>
              <Table.Td>{formatWhen(r.starts_at)}</Table.Td>
              <Table.Td>{formatWhen(r.ends_at)}</Table.Td>
              <Table.Td>
                <Badge color={stateColor[r.state]}>{r.state}</Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** The unmatched applicant's scramble: schedule, blocks with seats left, own applications and offers. */
export function ApplicantScrambleView({ roundId }: { roundId: string }) {
  const q = useApplicantScramble(roundId);
  const apply = useScrambleApply(roundId);
  const accept = useAcceptScrambleOffer(roundId);
  if (q.isPending) return <Text>Loading the scramble…</Text>;
  if (q.isError) return <Alert color="yellow">{errorMessage(q.error)}</Alert>;
  const s = q.data;
  const applied = new Set(s.applications.map((a) => a.block.block_id));
  return (
    <section aria-labelledby="scramble-heading">
      <Title order={2} id="scramble-heading" mb="sm">
        Scramble
      </Title>
      <Stack gap="md">
        <ScheduleView schedule={s.schedule} />
        <Text>
          Applications used: {s.used} of {s.schedule.application_limit}
        </Text>
        {s.reason && <Text c="dimmed">{s.reason}</Text>}
        {(apply.error || accept.error) && (
          <Alert color="red" role="alert">
            {errorMessage(apply.error ?? accept.error)}
          </Alert>
        )}
        <Table aria-label="Blocks with seats left">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Rotation</Table.Th>
              <Table.Th>Institution</Table.Th>
              <Table.Th>Dates</Table.Th>
              <Table.Th>Seats left</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {s.blocks.map((b) => (
              <Table.Tr key={b.block_id}>
                <Table.Td>{b.offering_title}</Table.Td>
                <Table.Td>{b.institution_name}</Table.Td>
                <Table.Td>
                  {b.start_date} – {b.end_date}
                </Table.Td>
                <Table.Td>{b.seats_left}</Table.Td>
                <Table.Td>
                  {applied.has(b.block_id) ? (
                    <Badge>Applied</Badge>
                  ) : (
                    <Button
                      size="xs"
                      disabled={!s.can_apply}
                      loading={apply.isPending && apply.variables === b.block_id}
                      aria-label={`Apply to ${b.offering_title} ${b.start_date}`}
                      onClick={() => apply.mutate(b.block_id)}
                    >
                      Apply
                    </Button>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {s.applications.length > 0 && (
          <Table aria-label="Your scramble applications">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Rotation</Table.Th>
                <Table.Th>Application</Table.Th>
                <Table.Th>Offer</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {s.applications.map((a) => (
                <Table.Tr key={a.id}>
                  <Table.Td>
                    {a.block.offering_title} · {a.block.start_date}
                  </Table.Td>
                  <Table.Td>
                    <Badge variant="light">{a.application_status.replace('_', ' ')}</Badge>
                  </Table.Td>
                  <Table.Td>
                    {!a.offer ? (
                      <Text size="sm">No offer yet</Text>
                    ) : a.offer.status === 'pending' ? (
                      <Group gap="xs">
                        <Text size="sm">Offer until {formatWhen(a.offer.expires_at)}</Text>
                        <Button
                          size="xs"
                          color="green"
                          loading={accept.isPending}
                          aria-label={`Accept the offer for ${a.block.offering_title}`}
                          onClick={() => a.offer && accept.mutate(a.offer.id)}
                        >
                          Accept
                        </Button>
                      </Group>
                    ) : (
                      <Badge color={a.offer.status === 'accepted' ? 'green' : 'gray'}>Offer {a.offer.status}</Badge>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </section>
  );
}

/** The coordinator's scramble: the institution's unfilled blocks and their scramble applicants. */
export function CoordinatorScrambleView({ institutionId, roundId }: { institutionId: string; roundId: string }) {
  const q = useInstitutionScramble(institutionId, roundId);
  const offer = useScrambleOffer(institutionId, roundId);
  if (q.isPending) return <Text>Loading the scramble…</Text>;
  if (q.isError) return <Alert color="yellow">{errorMessage(q.error)}</Alert>;
  const open = q.data.schedule.current !== null;
  return (
    <section aria-labelledby="scramble-heading">
      <Title order={2} id="scramble-heading" mb="sm">
        Scramble
      </Title>
      <Stack gap="md">
        <ScheduleView schedule={q.data.schedule} />
        {offer.error && (
          <Alert color="red" role="alert">
            {errorMessage(offer.error)}
          </Alert>
        )}
        {q.data.blocks.length === 0 && <Text>Every block of yours in this round is full.</Text>}
        {q.data.blocks.map((b) => (
          <section key={b.block_id} aria-label={`Scramble for ${b.offering_title} ${b.start_date}`}>
            <Title order={3} mb={4}>
              {b.offering_title} · {b.start_date} – {b.end_date}
            </Title>
            <Text size="sm" mb="xs">
              {b.seats_left} seat(s) left · {b.pending_offers} pending scramble offer(s)
            </Text>
            {b.applicants.length === 0 ? (
              <Text size="sm">No scramble applicants yet.</Text>
            ) : (
              <Table>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Applicant</Table.Th>
                    <Table.Th>Application</Table.Th>
                    <Table.Th>Offer</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {b.applicants.map((a) => (
                    <Table.Tr key={a.id}>
                      <Table.Td>{a.name}</Table.Td>
                      <Table.Td>
                        <Badge variant="light">{a.application_status.replace('_', ' ')}</Badge>
                      </Table.Td>
                      <Table.Td>
                        {a.offer && a.offer.status !== 'expired' && a.offer.status !== 'declined' ? (
                          <Badge color={a.offer.status === 'accepted' ? 'green' : 'blue'}>Offer {a.offer.status}</Badge>
                        ) : (
                          <Button
                            size="xs"
                            disabled={!open || b.seats_left - b.pending_offers <= 0}
                            loading={offer.isPending && offer.variables === a.id}
                            aria-label={`Offer ${a.name} a seat`}
                            onClick={() => offer.mutate(a.id)}
                          >
                            Make offer
                          </Button>
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            )}
          </section>
        ))}
      </Stack>
    </section>
  );
}

/** "2027-03-15T12:00" (local, from an input) → UTC ISO "2027-03-15T11:00:00Z". */
export function localInputToUtc(value: string): string {
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? value : d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/** The admin's scramble schedule editor: rounds (local times) and the application limit. */
export function ScrambleScheduleForm({ roundId }: { roundId: string }) {
  const current = useScrambleSchedule(roundId);
  const save = useSaveScrambleSchedule(roundId);
  const [limit, setLimit] = useState<number>(10);
  const [rows, setRows] = useState<{ starts: string; ends: string }[]>([{ starts: '', ends: '' }]);
  useEffect(() => {
    if (!current.data) return;
    setLimit(current.data.application_limit);
    if (current.data.rounds.length > 0) {
      const local = (iso: string) => {
        const d = new Date(iso);
        const pad = (n: number) => String(n).padStart(2, '0');
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
      };
      setRows(current.data.rounds.map((r) => ({ starts: local(r.starts_at), ends: local(r.ends_at) })));
    }
  }, [current.data]);
  return (
    <section aria-labelledby="scramble-schedule-heading">
      <Title order={2} id="scramble-schedule-heading" mb="sm">
        Scramble rounds
      </Title>
      <Stack gap="sm">
        {current.data && <ScheduleView schedule={current.data} />}
        <NumberInput
          label="Scramble applications per applicant"
          min={1}
          max={100}
          value={limit}
          onChange={(v) => setLimit(typeof v === 'number' ? v : Number(v) || 1)}
          w={280}
        />
        {rows.map((r, i) => (
          <Group key={i} align="end">
            <TextInput
              type="datetime-local"
              label={`Round ${i + 1} starts`}
              value={r.starts}
              onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, starts: e.currentTarget.value } : x)))}
            />
            <TextInput
              type="datetime-local"
              label={`Round ${i + 1} ends`}
              value={r.ends}
              onChange={(e) => setRows(rows.map((x, j) => (j === i ? { ...x, ends: e.currentTarget.value } : x)))}
            />
            {rows.length > 1 && (
              <Button variant="subtle" color="red" onClick={() => setRows(rows.filter((_, j) => j !== i))}>
                Remove round {i + 1}
              </Button>
            )}
          </Group>
        ))}
        {save.error && (
          <Alert color="red" role="alert">
            {errorMessage(save.error)}
          </Alert>
        )}
        <Group>
          <Button variant="light" onClick={() => setRows([...rows, { starts: '', ends: '' }])}>
            Add a round
          </Button>
          <Button
            loading={save.isPending}
            onClick={() =>
              save.mutate({
                application_limit: limit,
                rounds: rows.map((r) => ({ starts_at: localInputToUtc(r.starts), ends_at: localInputToUtc(r.ends) })),
              })
            }
          >
            Save scramble schedule
          </Button>
        </Group>
      </Stack>
    </section>
  );
}
