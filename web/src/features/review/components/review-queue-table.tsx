import { Anchor, Badge, Checkbox, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { countryName, formatDate } from '@/lib/format';
import type { ReviewRow } from '../api/review-schema';

type Props = {
  rows: ReviewRow[];
  institutionId: string;
  selected: Set<string>;
  onToggle: (id: string) => void;
  onToggleAll: () => void;
  labelledBy: string;
};

/** The review queue: one row per application with scores, compliance and unread messages. */
export function ReviewQueueTable({ rows, institutionId, selected, onToggle, onToggleAll, labelledBy }: Props) {
  if (rows.length === 0) return <Text c="dimmed">No applications match.</Text>;
  const all = rows.every((r) => selected.has(r.application_id));
  return (
    <Table.ScrollContainer minWidth={800}>
      <Table aria-labelledby={labelledBy} striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>
              <Checkbox aria-label="Select all on this page" checked={all} onChange={onToggleAll} />
            </Table.Th>
            <Table.Th>Applicant</Table.Th>
            <Table.Th>School</Table.Th>
            <Table.Th>Exams</Table.Th>
            <Table.Th>Submitted</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th>Score (spread)</Table.Th>
            <Table.Th>Compliance</Table.Th>
            <Table.Th>Eligibility</Table.Th>
            <Table.Th>Verification</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={r.application_id}>
              <Table.Td>
                <Checkbox
                  aria-label={`Select ${r.applicant.name}`}
                  checked={selected.has(r.application_id)}
                  onChange={() => onToggle(r.application_id)}
                />
              </Table.Td>
              <Table.Td>
                <Anchor component={Link} to={`/institutions/${institutionId}/applications/${r.application_id}`}>
                  {r.applicant.name || 'Unnamed applicant'}
                </Anchor>
                {r.unread > 0 && (
                  <Badge ml="xs" color="blue.9" variant="filled" aria-label={`${r.unread} unread messages`}>
                    {r.unread}
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {r.school.name}
                {r.school.country ? ` (${countryName(r.school.country)})` : ''}
              </Table.Td>
              <Table.Td>{r.exams || '—'}</Table.Td>
              <Table.Td>{formatDate(r.submitted_at)}</Table.Td>
              <Table.Td>
                {r.status.replace('_', ' ')}
                {r.waitlist_rank !== null ? ` #${r.waitlist_rank}` : ''}
              </Table.Td>
              <Table.Td>
                {r.score_average === null ? '—' : `${r.score_average.toFixed(1)} (±${(r.score_spread ?? 0).toFixed(1)}, ${r.score_count})`}
              </Table.Td>
              <Table.Td>{r.compliance_cleared ? 'Cleared' : 'Missing items'}</Table.Td>
              <Table.Td>{r.eligibility_flags ? `${r.eligibility_flags} ${r.eligibility_flags === 1 ? 'flag' : 'flags'}` : 'Eligible'}</Table.Td>
              <Table.Td>{r.school_verified ? 'School verified' : '—'}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
