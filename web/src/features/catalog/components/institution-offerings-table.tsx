import { Anchor, Badge, List, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { formatDay } from '@/lib/format';
import type { Vocabulary } from '../api/get-vocabulary';
import type { Offering } from '../api/offering-schema';
import { specialtyLabel, STATUS_COLORS, statusLabel, typeLabel } from './labels';

type Props = {
  institutionId: string;
  offerings: Offering[];
  vocabulary: Vocabulary | undefined;
  canEdit: boolean;
  labelledBy: string;
};

const STATUS_ORDER: Record<string, number> = { published: 0, draft: 1, archived: 2 };

/** An institution's offerings with status and each block's fill, for its staff. */
export function InstitutionOfferingsTable({ institutionId, offerings, vocabulary, canEdit, labelledBy }: Props) {
  if (offerings.length === 0) {
    return <Text>No offerings yet.{canEdit ? ' Create the first one to start taking applications.' : ''}</Text>;
  }
  const sorted = [...offerings].sort(
    (a, b) => (STATUS_ORDER[a.status] ?? 3) - (STATUS_ORDER[b.status] ?? 3) || a.title.localeCompare(b.title),
  );
  return (
    <Table.ScrollContainer minWidth={720} type="native">
      <Table aria-labelledby={labelledBy} verticalSpacing="sm" horizontalSpacing="md" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th scope="col">Offering</Table.Th>
            <Table.Th scope="col">Status</Table.Th>
            <Table.Th scope="col">Blocks: filled / seats · applications</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {sorted.map((offering) => (
            <Table.Tr key={offering.id}>
              <Table.Th scope="row" fw={400}>
                <Anchor
                  component={Link}
                  to={canEdit ? `/institutions/${institutionId}/offerings/${offering.id}` : `/rotations/${offering.id}`}
                  fw={600}
                >
                  {offering.title}
                </Anchor>
                <Text size="sm" c="dimmed">
                  {specialtyLabel(offering.specialty, vocabulary)} · {typeLabel(offering.type)}
                </Text>
                <Anchor
                  component={Link}
                  to={`/institutions/${institutionId}/offerings/${offering.id}/compliance`}
                  size="sm"
                  aria-label={`Compliance of ${offering.title}`}
                >
                  Compliance
                </Anchor>{' '}
                ·{' '}
                <Anchor
                  component={Link}
                  to={`/institutions/${institutionId}/offerings/${offering.id}/review`}
                  size="sm"
                  aria-label={`Review applications of ${offering.title}`}
                >
                  Review
                </Anchor>{' '}
                ·{' '}
                <Anchor
                  component={Link}
                  to={`/institutions/${institutionId}/offerings/${offering.id}/interviews`}
                  size="sm"
                  aria-label={`Interviews of ${offering.title}`}
                >
                  Interviews
                </Anchor>{' '}
                ·{' '}
                <Anchor
                  component={Link}
                  to={`/institutions/${institutionId}/offerings/${offering.id}/onboarding`}
                  size="sm"
                  aria-label={`Onboarding of ${offering.title}`}
                >
                  Onboarding
                </Anchor>
              </Table.Th>
              <Table.Td>
                <Badge color={STATUS_COLORS[offering.status] ?? 'gray.8'} variant="filled">
                  {statusLabel(offering.status)}
                </Badge>
              </Table.Td>
              <Table.Td>
                {offering.blocks.length === 0 ? (
                  <Text size="sm">No blocks</Text>
                ) : (
                  <List size="sm" spacing={2} listStyleType="none">
                    {[...offering.blocks]
                      .sort((a, b) => a.start_date.localeCompare(b.start_date))
                      .map((block) => (
                        <List.Item key={block.id}>
                          {formatDay(block.start_date)}: {block.filled}/{block.seats} filled ·{' '}
                          {block.applications} {block.applications === 1 ? 'application' : 'applications'}
                        </List.Item>
                      ))}
                  </List>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
