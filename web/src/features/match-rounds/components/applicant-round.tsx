import { Alert, Badge, Button, Group, Select, Stack, Text, TextInput, Title } from '@mantine/core';
import { useEffect, useState } from 'react';
import { errorMessage } from '@/lib/api-client';
import {
  useCertifyRankList,
  useConfirmCouple,
  useInvitePartner,
  useSaveCoupleList,
  useSaveRankList,
} from '../api/applicant';
import { blockLabel, formatWhen, type ApplicantRound } from '../api/match-round-schema';
import { RankListEditor, type RankItem } from './rank-list-editor';
import { ApplicantScrambleView } from './scramble';

function Result({ round }: { round: ApplicantRound }) {
  if (!round.result) return null;
  const { result } = round;
  return (
    <section aria-labelledby="result-heading">
      <Title order={2} id="result-heading" mb="sm">
        Your result
      </Title>
      {result.outcome === 'matched' && result.block ? (
        <Alert color="green" title="You matched">
          {blockLabel(result.block)}. Your seat is reserved: there is no offer to accept.
        </Alert>
      ) : (
        <>
          <Alert color="yellow" title="Not matched" mb="md">
            You were not matched in this round. Blocks with seats left are open to you in the scramble: apply to them
            below while a scramble round is open.
          </Alert>
          <ApplicantScrambleView roundId={round.id} />
        </>
      )}
    </section>
  );
}

function OwnList({ round }: { round: ApplicantRound }) {
  const byId = new Map(round.rankable.map((b) => [b.block_id, b]));
  const toItems = (ids: string[]): RankItem[] =>
    ids.flatMap((id) => {
      const b = byId.get(id);
      return b ? [{ id, label: blockLabel(b) }] : [];
    });
  const [items, setItems] = useState<RankItem[]>(() => toItems(round.rank_list));
  useEffect(() => setItems(toItems(round.rank_list)), [round.rank_list.join(',')]);
  const save = useSaveRankList(round.id);
  const certify = useCertifyRankList(round.id);
  const unranked = round.rankable.filter((b) => !items.some((i) => i.id === b.block_id));
  const dirty = items.map((i) => i.id).join(',') !== round.rank_list.join(',');
  const disabled = !round.editable;
  return (
    <section aria-labelledby="rank-heading">
      <Title order={2} id="rank-heading" mb="sm">
        Your rank order
      </Title>
      <Text mb="sm">
        Rank the blocks you applied to, most wanted first. Drag a row, or use its up and down buttons. Save, then
        certify before {formatWhen(round.rank_lists_due)}.
      </Text>
      <RankListEditor
        items={items}
        onChange={setItems}
        label="Your rank order"
        disabled={disabled}
        actions={(item) => (
          <Button size="xs" variant="subtle" disabled={disabled} onClick={() => setItems(items.filter((i) => i.id !== item.id))}>
            Remove
          </Button>
        )}
      />
      {unranked.length > 0 && (
        <Stack gap={4} mt="sm">
          <Text fw={500}>Not ranked</Text>
          {unranked.map((b) => (
            <Group key={b.block_id} justify="space-between">
              <Text>{blockLabel(b)}</Text>
              <Button
                size="xs"
                variant="light"
                disabled={disabled}
                aria-label={`Add ${blockLabel(b)}`}
                onClick={() => setItems([...items, { id: b.block_id, label: blockLabel(b) }])}
              >
                Add
              </Button>
            </Group>
          ))}
        </Stack>
      )}
      {(save.error || certify.error) && (
        <Alert color="red" mt="sm" role="alert">
          {errorMessage(save.error ?? certify.error)}
        </Alert>
      )}
      <Group mt="md">
        <Button disabled={disabled || !dirty} loading={save.isPending} onClick={() => save.mutate(items.map((i) => i.id))}>
          Save rank order
        </Button>
        <Button variant="outline" disabled={disabled || dirty || round.rank_list.length === 0} loading={certify.isPending} onClick={() => certify.mutate()}>
          Certify
        </Button>
        {round.certified_at && !dirty ? <Badge color="green">Certified {formatWhen(round.certified_at)}</Badge> : <Badge color="gray">Not certified</Badge>}
      </Group>
    </section>
  );
}

function CoupleList({ round }: { round: ApplicantRound }) {
  const couple = round.couple!;
  const mine = round.rankable;
  const partner = couple.partner_rankable;
  const firstBlocks = couple.you_are === 'first' ? mine : partner;
  const secondBlocks = couple.you_are === 'first' ? partner : mine;
  const label = (id: string | null, list: typeof mine) => {
    if (!id) return 'unmatched';
    const b = list.find((x) => x.block_id === id);
    return b ? blockLabel(b) : id;
  };
  const toItems = (pairs: [string | null, string | null][]): RankItem[] =>
    pairs.map(([a, b]) => ({ id: `${a ?? ''}|${b ?? ''}`, label: `${couple.first.name}: ${label(a, firstBlocks)} — ${couple.second.name}: ${label(b, secondBlocks)}` }));
  const [items, setItems] = useState<RankItem[]>(() => toItems(couple.pairs));
  const [first, setFirst] = useState<string | null>(null);
  const [second, setSecond] = useState<string | null>(null);
  const save = useSaveCoupleList(round.id);
  const certify = useCertifyRankList(round.id);
  const disabled = !round.editable;
  const pairs = items.map((i) => {
    const [a, b] = i.id.split('|');
    return [a || null, b || null] as [string | null, string | null];
  });
  const options = (list: typeof mine) => [{ value: '', label: 'unmatched' }, ...list.map((b) => ({ value: b.block_id, label: blockLabel(b) }))];
  return (
    <section aria-labelledby="couple-list-heading">
      <Title order={3} id="couple-list-heading" mb="sm">
        Joint rank order
      </Title>
      <RankListEditor
        items={items}
        onChange={setItems}
        label="Joint rank order"
        disabled={disabled}
        actions={(item) => (
          <Button size="xs" variant="subtle" disabled={disabled} onClick={() => setItems(items.filter((i) => i.id !== item.id))}>
            Remove
          </Button>
        )}
      />
      <Group mt="sm" align="end">
        <Select label={`Block for ${couple.first.name}`} data={options(firstBlocks)} value={first ?? ''} onChange={(v) => setFirst(v || null)} />
        <Select label={`Block for ${couple.second.name}`} data={options(secondBlocks)} value={second ?? ''} onChange={(v) => setSecond(v || null)} />
        <Button
          variant="light"
          disabled={disabled || (!first && !second)}
          onClick={() => setItems([...items, ...toItems([[first, second]])])}
        >
          Add pair
        </Button>
      </Group>
      {(save.error || certify.error) && (
        <Alert color="red" mt="sm" role="alert">
          {errorMessage(save.error ?? certify.error)}
        </Alert>
      )}
      <Group mt="md">
        <Button disabled={disabled} loading={save.isPending} onClick={() => save.mutate(pairs)}>
          Save joint list
        </Button>
        <Button variant="outline" disabled={disabled} loading={certify.isPending} onClick={() => certify.mutate()}>
          Certify joint list
        </Button>
        {couple.certified_at ? <Badge color="green">Certified</Badge> : <Badge color="gray">Not certified</Badge>}
      </Group>
    </section>
  );
}

function Couple({ round }: { round: ApplicantRound }) {
  const [email, setEmail] = useState('');
  const invite = useInvitePartner(round.id);
  const confirm = useConfirmCouple(round.id);
  const couple = round.couple;
  return (
    <section aria-labelledby="couple-heading">
      <Title order={2} id="couple-heading" mb="sm">
        Ranking as a couple
      </Title>
      {!couple && (
        <form
          onSubmit={(e) => {
            e.preventDefault();
            invite.mutate(email);
          }}
        >
          <Text mb="xs">Invite your partner (an applicant account) to submit one joint list of block pairs.</Text>
          <Group align="end">
            <TextInput label="Partner's e-mail address" type="email" value={email} onChange={(e) => setEmail(e.currentTarget.value)} error={invite.error ? errorMessage(invite.error) : undefined} />
            <Button type="submit" disabled={!round.editable || !email} loading={invite.isPending}>
              Invite partner
            </Button>
          </Group>
        </form>
      )}
      {couple?.status === 'pending' && couple.you_are === 'first' && <Text>Waiting for {couple.second.email} to confirm.</Text>}
      {couple?.status === 'pending' && couple.you_are === 'second' && (
        <Group>
          <Text>{couple.first.name} invited you to rank as a couple.</Text>
          <Button onClick={() => confirm.mutate()} loading={confirm.isPending} disabled={!round.editable}>
            Confirm couple
          </Button>
        </Group>
      )}
      {couple?.status === 'confirmed' && <CoupleList round={round} />}
    </section>
  );
}

/** The applicant's page of a round: rank, couple, certify; the result after publish. */
export function ApplicantRoundView({ round }: { round: ApplicantRound }) {
  const inCouple = round.couple?.status === 'confirmed';
  return (
    <Stack gap="xl">
      <Text>
        Rank lists due {formatWhen(round.rank_lists_due)} · match day {formatWhen(round.match_day)}
      </Text>
      {round.status === 'published' ? (
        <Result round={round} />
      ) : round.rankable.length === 0 ? (
        <Text>You have no open application for a block of this round.</Text>
      ) : (
        <>
          {!round.editable && <Alert color="gray">Rank lists of this round can no longer be changed.</Alert>}
          {!inCouple && <OwnList round={round} />}
          <Couple round={round} />
        </>
      )}
    </Stack>
  );
}
