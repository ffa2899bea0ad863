import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import { formatWhen } from '@/features/match-rounds/api/match-round-schema';
import { groupRoundsBase } from '@/features/match-rounds/api/rounds';
import { RoundStepButtons } from '@/features/match-rounds/components/admin-round';
import { CreateRoundForm } from '@/features/match-rounds/components/create-round-form';
import { useGroupRounds, type InstitutionGroup } from '../api/groups';

/**
 * A group's match rounds for its managers (and admins): each round's status and next step (open, close
 * ranking, run, publish) through the group's routes, and the admin's round form pointed at the group.
 */
export function GroupRounds({ group }: { group: InstitutionGroup }) {
  const rounds = useGroupRounds(group.id);
  const base = groupRoundsBase(group.id);
  const members = group.institutions.map((i) => i.name).join(', ');
  return (
    <Stack gap="xl">
      <section aria-labelledby="group-rounds-heading">
        <Title order={2} id="group-rounds-heading" mb="sm">
          Match rounds of {group.name}
        </Title>
        {rounds.isPending && <Text>Loading rounds…</Text>}
        {rounds.isError && <Text role="alert">Could not load the group's rounds.</Text>}
        {rounds.data && rounds.data.items.length === 0 && <Text>No rounds yet: create the first one below.</Text>}
        {rounds.data && rounds.data.items.length > 0 && (
          <Table>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Round</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Rank lists due</Table.Th>
                <Table.Th>Match day</Table.Th>
                <Table.Th>Next step</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rounds.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.name}</Table.Td>
                  <Table.Td>
                    <Badge>{r.status.replace('_', ' ')}</Badge>
                  </Table.Td>
                  <Table.Td>{formatWhen(r.rank_lists_due)}</Table.Td>
                  <Table.Td>{formatWhen(r.match_day)}</Table.Td>
                  <Table.Td>
                    {r.status === 'published' ? <Text size="sm">Results published</Text> : <RoundStepButtons round={r} base={base} />}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </section>
      <CreateRoundForm
        base={base}
        hint={`Search the catalog, then pick blocks of the group's institutions (${members})`}
        onCreated={() => void rounds.refetch()}
      />
    </Stack>
  );
}
