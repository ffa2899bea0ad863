import { Anchor, Badge, Table, Text } from '@mantine/core';
import { Link, useParams } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import { formatWhen } from '@/features/match-rounds/api/match-round-schema';
import { useInstitutionRound, useInstitutionRounds } from '@/features/match-rounds/api/coordinator';
import { CoordinatorRoundView } from '@/features/match-rounds/components/coordinator-round';
import { RequireUser } from '../require-user';

function RoundList({ institutionId }: { institutionId: string }) {
  const rounds = useInstitutionRounds(institutionId);
  if (rounds.isPending) return <PageLoading label="Loading match rounds…" />;
  if (rounds.isError) return <PageErrorState error={rounds.error} title="Match rounds" onRetry={() => void rounds.refetch()} />;
  return (
    <>
      <PageHeader title="Match rounds">Rank the applicants of your blocks in each round, then certify before the due time.</PageHeader>
      {rounds.data.items.length === 0 ? (
        <Text>None of your blocks is in a match round.</Text>
      ) : (
        <Table>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Round</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Rank lists due</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rounds.data.items.map((r) => (
              <Table.Tr key={r.id}>
                <Table.Td>
                  <Anchor component={Link} to={`/institutions/${institutionId}/match-rounds/${r.id}`}>
                    {r.name}
                  </Anchor>
                </Table.Td>
                <Table.Td>
                  <Badge>{r.status.replace('_', ' ')}</Badge>
                </Table.Td>
                <Table.Td>{formatWhen(r.rank_lists_due)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </>
  );
}

function Round({ institutionId, roundId }: { institutionId: string; roundId: string }) {
  const round = useInstitutionRound(institutionId, roundId);
  if (round.isPending) return <PageLoading label="Loading the match round…" />;
  if (round.isError) return <PageErrorState error={round.error} title="Match round" onRetry={() => void round.refetch()} />;
  return (
    <>
      <PageHeader title={round.data.name} />
      <CoordinatorRoundView institutionId={institutionId} round={round.data} />
    </>
  );
}

export function InstitutionMatchRoundsPage() {
  const { id = '', roundId } = useParams();
  return (
    <RequireUser
      title="Match rounds"
      allow={(u) => u.is_admin || u.memberships.some((m) => m.institution_id === id && m.role === 'coordinator')}
    >
      {() => (roundId ? <Round institutionId={id} roundId={roundId} /> : <RoundList institutionId={id} />)}
    </RequireUser>
  );
}
