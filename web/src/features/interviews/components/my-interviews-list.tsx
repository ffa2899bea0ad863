import { Anchor, Badge, Group, Table, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FORMAT_LABELS, interviewerNames, type MyInterview } from '../api/interview-schema';
import { SlotTime } from './slot-time';

const SCORECARD: Record<MyInterview['scorecard_status'], { label: string; color: string }> = {
  '': { label: 'Not started', color: 'gray' },
  draft: { label: 'Draft', color: 'yellow' },
  submitted: { label: 'Submitted', color: 'green' },
};

/** "My interviews": the booked interviews the viewer conducts, in their zone and the institution's. */
export function MyInterviewsList({ items }: { items: MyInterview[] }) {
  if (items.length === 0) {
    return <Text>No upcoming interviews name you as an interviewer.</Text>;
  }
  return (
    <Table aria-label={`My interviews (${items.length})`}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>When</Table.Th>
          <Table.Th>Applicant</Table.Th>
          <Table.Th>Rotation</Table.Th>
          <Table.Th>Format</Table.Th>
          <Table.Th>Interviewers</Table.Th>
          <Table.Th>Your scorecard</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {items.map((i) => (
          <Table.Tr key={i.booking_id}>
            <Table.Td>
              <SlotTime startsAt={i.slot.starts_at} timeZone={i.slot.time_zone} minutes={i.slot.minutes} />
              {i.ended && (
                <Badge ml="xs" color="gray" variant="light">
                  Over
                </Badge>
              )}
            </Table.Td>
            <Table.Td>
              <Anchor component={Link} to={i.review_url}>
                {i.applicant_name}
              </Anchor>
            </Table.Td>
            <Table.Td>
              {i.offering_title}
              <Text size="sm" c="dimmed">
                {i.institution_name}
              </Text>
            </Table.Td>
            <Table.Td>
              {FORMAT_LABELS[i.slot.format]}
              {i.slot.format === 'video' && i.slot.location ? (
                <>
                  {' · '}
                  <Anchor href={i.slot.location} target="_blank" rel="noreferrer">
                    Join link
                  </Anchor>
                </>
              ) : i.slot.location ? (
                ` · ${i.slot.location}`
              ) : null}
            </Table.Td>
            <Table.Td>{interviewerNames(i.slot)}</Table.Td>
            <Table.Td>
              <Group gap="xs">
                <Badge color={SCORECARD[i.scorecard_status].color}>{SCORECARD[i.scorecard_status].label}</Badge>
                <Anchor component={Link} to={i.scorecard_url} aria-label={`Scorecard for ${i.applicant_name}`}>
                  {i.scorecard_status === 'submitted' ? 'Open scorecard' : 'Fill scorecard'}
                </Anchor>
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}
