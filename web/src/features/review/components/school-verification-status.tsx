import { Anchor, Badge, Group, Text } from '@mantine/core';
import { formatDate } from '@/lib/format';
import type { StaffApplication } from '../api/review-schema';

type School = NonNullable<StaffApplication['school_verification']>;

/** What programs see of the applicant's school verification: verified (when, by whom), requested, declined. */
export function SchoolVerificationStatus({ school, letterHref }: { school: School | null | undefined; letterHref: string }) {
  if (!school) return <Text c="dimmed">The applicant has not asked their school to verify them.</Text>;
  if (school.status === 'verified') {
    return (
      <>
        <Group gap="xs">
          <Badge color="teal.9" variant="filled">
            School verified
          </Badge>
          <Text>on {formatDate(school.responded_at)}</Text>
        </Group>
        <Text size="sm" mt={4}>
          {school.school_name}: {school.claim === 'graduated' ? `graduated in ${school.year}` : `enrolled, expected to graduate in ${school.year}`}
          {school.good_standing ? ', in good standing' : ''}. {school.method === 'letter' ? 'Letter' : 'Attested'} by{' '}
          {school.attester_name}, {school.attester_title}.
        </Text>
        {school.has_letter && (
          <Anchor href={letterHref} size="sm">
            Download the school's letter (PDF)
          </Anchor>
        )}
      </>
    );
  }
  if (school.status === 'declined') return <Text>The school declined to verify ({formatDate(school.responded_at)}).</Text>;
  return <Text>Verification requested from {school.office_name} on {formatDate(school.requested_at)}; no answer yet.</Text>;
}
