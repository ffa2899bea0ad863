import { Anchor, Badge, Stack, Table, Text, Title } from '@mantine/core';
import { Link, useNavigate } from 'react-router';
import { PageErrorState, PageLoading } from '@/components/access-states';
import { PageHeader } from '@/components/page-header';
import type { User } from '@/features/auth/api/session-schema';
import { formatWhen } from '@/features/match-rounds/api/match-round-schema';
import { useMatchRounds } from '@/features/match-rounds/api/rounds';
import { CreateRoundForm } from '@/features/match-rounds/components/create-round-form';
import { RequireUser } from '../require-user';

function Rounds({ user }: { user: User }) {
  const rounds = useMatchRounds();
  const navigate = useNavigate();
  if (rounds.isPending) return <PageLoading label="Loading match rounds…" />;
  if (rounds.isError) return <PageErrorState error={rounds.error} title="Match rounds" onRetry={() => void rounds.refetch()} />;
  return (
    <>
      <PageHeader title="Match rounds">
        In a match round applicants and programs rank each other, and one stable match places everyone at the same
        moment: no offers to hold, no first-come seats.
      </PageHeader>
      <Stack gap="xl">
        <section aria-labelledby="rounds-heading">
          <Title order={2} id="rounds-heading" mb="sm">
            Rounds
          </Title>
          {rounds.data.items.length === 0 ? (
            <Text>No match rounds yet.</Text>
          ) : (
            <Table>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Round</Table.Th>
                  <Table.Th>Status</Table.Th>
                  <Table.Th>Rank lists due</Table.Th>
                  <Table.Th>Match day</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rounds.data.items.map((r) => (
                  <Table.Tr key={r.id}>
                    <Table.Td>
                      <Anchor component={Link} to={`/match-rounds/${r.id}`}>
                        {r.name}
                      </Anchor>
                    </Table.Td>
                    <Table.Td>
                      <Badge>{r.status.replace('_', ' ')}</Badge>
                    </Table.Td>
                    <Table.Td>{formatWhen(r.rank_lists_due)}</Table.Td>
                    <Table.Td>{formatWhen(r.match_day)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
        </section>
        {user.is_admin && <CreateRoundForm onCreated={(id) => void navigate(`/match-rounds/${id}`)} />}
      </Stack>
    </>
  );
}

export function MatchRoundsPage() {
  return (
    <RequireUser title="Match rounds" allow={(u) => u.is_admin || u.is_applicant}>
      {(user) => <Rounds user={user} />}
    </RequireUser>
  );
}
