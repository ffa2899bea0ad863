import { Alert, Badge, Button, Group, Stack, Text, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import { useCertifyProgramList, useSaveProgramList } from '../api/coordinator';
import { blockLabel, formatWhen, type InstitutionRound } from '../api/match-round-schema';
import { RankListEditor, type RankItem } from './rank-list-editor';
import { CoordinatorScrambleView } from './scramble';

type Program = InstitutionRound['programs'][number];

function ProgramList({ institutionId, round, program }: { institutionId: string; round: InstitutionRound; program: Program }) {
  const names = new Map(program.candidates.map((c) => [c.applicant_id, c.name || c.applicant_id]));
  const toItems = (ids: string[]): RankItem[] => ids.map((id) => ({ id, label: names.get(id) ?? id }));
  const [ranked, setRanked] = useState<RankItem[]>(() => toItems(program.ranked));
  const [skip, setSkip] = useState<string[]>(program.do_not_rank);
  useEffect(() => {
    setRanked(toItems(program.ranked));
    setSkip(program.do_not_rank);
  }, [program.ranked.join(','), program.do_not_rank.join(',')]);
  const save = useSaveProgramList(institutionId, round.id);
  const certify = useCertifyProgramList(institutionId, round.id);
  const disabled = !round.editable;
  const label = blockLabel(program.block);
  const undecided = program.candidates.filter((c) => !ranked.some((r) => r.id === c.applicant_id) && !skip.includes(c.applicant_id));
  const dirty = ranked.map((r) => r.id).join(',') !== program.ranked.join(',') || skip.join(',') !== program.do_not_rank.join(',');
  return (
    <section aria-label={label}>
      <Title order={2} mb="xs">
        {program.block.offering_title} · {program.block.start_date} – {program.block.end_date}
      </Title>
      <Text size="sm" mb="sm">
        Quota {program.block.quota}
      </Text>
      {program.matched ? (
        <Stack gap={4}>
          <Text fw={500}>Matched</Text>
          {program.matched.length === 0 ? <Text>Nobody matched to this block.</Text> : program.matched.map((m) => <Text key={m.applicant_id}>{m.name}</Text>)}
        </Stack>
      ) : (
        <>
          <RankListEditor
            items={ranked}
            onChange={setRanked}
            label={`Rank order for ${label}`}
            disabled={disabled}
            actions={(item) => (
              <Button size="xs" variant="subtle" disabled={disabled} onClick={() => setRanked(ranked.filter((r) => r.id !== item.id))}>
                Remove
              </Button>
            )}
          />
          {undecided.map((c) => (
            <Group key={c.applicant_id} justify="space-between" mt={4}>
              <Text>
                {c.name} <Badge variant="light">{c.status.replace('_', ' ')}</Badge>
              </Text>
              <Group gap={4}>
                <Button size="xs" variant="light" disabled={disabled} aria-label={`Rank ${c.name}`} onClick={() => setRanked([...ranked, { id: c.applicant_id, label: c.name }])}>
                  Rank
                </Button>
                <Button size="xs" variant="subtle" color="red" disabled={disabled} aria-label={`Do not rank ${c.name}`} onClick={() => setSkip([...skip, c.applicant_id])}>
                  Do not rank
                </Button>
              </Group>
            </Group>
          ))}
          {skip.length > 0 && (
            <Text size="sm" mt="xs">
              Not ranked: {skip.map((id) => names.get(id) ?? id).join(', ')}{' '}
              <Button size="xs" variant="subtle" disabled={disabled} onClick={() => setSkip([])}>
                Undo
              </Button>
            </Text>
          )}
          {(save.error || certify.error) && (
            <Alert color="red" mt="sm" role="alert">
              {errorMessage(save.error ?? certify.error)}
            </Alert>
          )}
          <Group mt="sm">
            <Button disabled={disabled || !dirty} loading={save.isPending} onClick={() => save.mutate({ blockId: program.block.block_id, ranked: ranked.map((r) => r.id), doNotRank: skip })}>
              Save rank order
            </Button>
            <Button variant="outline" disabled={disabled || dirty} loading={certify.isPending} onClick={() => certify.mutate(program.block.block_id)}>
              Certify
            </Button>
            {program.certified_at && !dirty ? <Badge color="green">Certified</Badge> : <Badge color="gray">Not certified</Badge>}
          </Group>
        </>
      )}
    </section>
  );
}

/** A coordinator's page of a round: one rank list per block of the institution. */
export function CoordinatorRoundView({ institutionId, round }: { institutionId: string; round: InstitutionRound }) {
  return (
    <Stack gap="xl">
      <Text>
        Rank lists due {formatWhen(round.rank_lists_due)} · match day {formatWhen(round.match_day)}
      </Text>
      {round.status === 'matched' && <Alert color="gray">The match has run; results appear here when they are published.</Alert>}
      {round.status === 'published' && <CoordinatorScrambleView institutionId={institutionId} roundId={round.id} />}
      {round.programs.map((p) => (
        <ProgramList key={p.block.block_id} institutionId={institutionId} round={round} program={p} />
      ))}
    </Stack>
  );
}
