import { Anchor, Button, Group, List, Stack, Text } from '@mantine/core';
import { Link } from 'react-router';
import { FormError } from '@/components/form-error';
import { formatInZone } from '@/lib/zoned-time';
import { useNudge } from '../api/interview-release';
import type { SlotList } from '../api/interview-schema';

/** Invited applicants without a booking: their turn or how many slots they ranked, and a nudge e-mail. */
export function NotBookedList({ list, institutionId, offeringId, coordinator }: {
  list: SlotList;
  institutionId: string;
  offeringId: string;
  coordinator: boolean;
}) {
  const nudge = useNudge(institutionId, offeringId);
  const mode = list.release?.mode ?? 'first_come';
  if (list.not_booked.length === 0) return <Text>Everyone invited has booked.</Text>;
  return (
    <Stack gap="sm">
      <FormError error={nudge.error} title="The reminder was not sent" />
      {nudge.data && <div role="status">Reminder sent to {nudge.data.sent} applicant{nudge.data.sent === 1 ? '' : 's'}.</div>}
      <List aria-label="Invited applicants without a booking">
        {list.not_booked.map((a) => (
          <List.Item key={a.application_id}>
            <Group gap="xs">
              <Anchor component={Link} to={`/institutions/${institutionId}/applications/${a.application_id}`}>
                {a.applicant_name || a.application_id}
              </Anchor>
              {mode === 'randomized' && a.turn_opens_at && (
                <Text span size="sm" c="dimmed">
                  turn opens {formatInZone(new Date(a.turn_opens_at), list.time_zone)}
                </Text>
              )}
              {mode === 'preferences' && (
                <Text span size="sm" c="dimmed">
                  {a.ranked ? `ranked ${a.ranked} slot${a.ranked === 1 ? '' : 's'}` : 'no ranking yet'}
                </Text>
              )}
              {coordinator && (
                <Button size="compact-xs" variant="subtle" onClick={() => nudge.mutate([a.application_id])} aria-label={`Nudge ${a.applicant_name}`}>
                  Nudge
                </Button>
              )}
            </Group>
          </List.Item>
        ))}
      </List>
      {coordinator && (
        <Group>
          <Button variant="default" size="xs" loading={nudge.isPending} onClick={() => nudge.mutate(undefined)}>
            E-mail everyone who has not booked
          </Button>
        </Group>
      )}
    </Stack>
  );
}
