import { Alert, Anchor, Button, Group, Radio, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { FormError } from '@/components/form-error';
import { formatInZone, viewerTimeZone } from '@/lib/zoned-time';
import { icsUrl, useInterviewBooking } from '../api/applicant-interview';
import { FORMAT_LABELS, interviewerNames, type ApplicantInterview } from '../api/interview-schema';
import { PreferenceRanking } from './preference-ranking';
import { SlotTime } from './slot-time';

/** The applicant's booking: the booked slot with .ics download, move and cancel; or the slots to pick from. */
export function InterviewBooking({ interview }: { interview: ApplicantInterview }) {
  const { book, move, cancel } = useInterviewBooking(interview.application_id);
  const [choice, setChoice] = useState('');
  const [moving, setMoving] = useState(false);
  const booking = interview.booking;
  const canChange = booking ? new Date(booking.change_until) > new Date() : false;
  const error = book.error ?? move.error ?? cancel.error;
  const open = interview.slots.filter((s) => !s.full && s.id !== booking?.slot.id);

  if (!interview.invited && !booking) {
    return <Text>You can book an interview once the program invites you.</Text>;
  }
  const release = interview.release;
  const ranking = !booking && release?.mode === 'preferences' && !release.assigned;
  const turnOpens = !booking && release?.mode === 'randomized' && release.turn_opens_at ? new Date(release.turn_opens_at) : undefined;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Times are shown in your time zone ({viewerTimeZone()}) and in the program&apos;s ({interview.time_zone}).
      </Text>
      <FormError error={error} title="That did not work" />
      {turnOpens && turnOpens > new Date() && (
        <Alert color="blue" title="Your turn to book">
          Booking opens in turns so everyone has a fair chance. Your turn opens {formatInZone(turnOpens, viewerTimeZone())}; until then you can
          look at the times.
        </Alert>
      )}
      {ranking && <PreferenceRanking interview={interview} />}
      {booking && (
        <section aria-labelledby="booked-heading">
          <Title order={2} size="h4" id="booked-heading" mb="xs">
            Your interview
          </Title>
          <Text>
            <SlotTime startsAt={booking.slot.starts_at} timeZone={booking.slot.time_zone} minutes={booking.slot.minutes} />
          </Text>
          <Text>
            {FORMAT_LABELS[booking.slot.format]}
            {booking.slot.location ? `: ${booking.slot.location}` : ''}
            {interviewerNames(booking.slot) ? ` · with ${interviewerNames(booking.slot)}` : ''}
          </Text>
          <Group mt="sm">
            <Anchor href={icsUrl(interview.application_id)} download="interview.ics">
              Add to calendar (.ics)
            </Anchor>
            {canChange && (
              <>
                <Button variant="default" size="xs" onClick={() => setMoving((m) => !m)}>
                  Reschedule
                </Button>
                <Button variant="subtle" color="red" size="xs" loading={cancel.isPending} onClick={() => cancel.mutate()}>
                  Cancel interview
                </Button>
              </>
            )}
          </Group>
          {canChange ? (
            <Text size="sm" c="dimmed" mt="xs">
              You can move or cancel until {formatInZone(new Date(booking.change_until), viewerTimeZone())}.
            </Text>
          ) : (
            <Alert color="gray" mt="xs">
              Changes closed {interview.cutoff_hours} hours before the interview; write to the program instead.
            </Alert>
          )}
        </section>
      )}
      {!ranking && (!booking || moving) && (
        <form
          aria-label={booking ? 'Choose a new time' : 'Choose a time'}
          onSubmit={(e) => {
            e.preventDefault();
            if (!choice) return;
            if (booking) move.mutate(choice, { onSuccess: () => setMoving(false) });
            else book.mutate(choice);
          }}
        >
          {open.length === 0 ? (
            <Text>No free slots right now. The program may publish more.</Text>
          ) : (
            <Radio.Group label={booking ? 'New time' : 'Available times'} value={choice} onChange={setChoice}>
              <Stack gap="xs" mt="xs">
                {open.map((s) => (
                  <Radio
                    key={s.id}
                    value={s.id}
                    label={
                      <>
                        <SlotTime startsAt={s.starts_at} timeZone={s.time_zone} minutes={s.minutes} /> · {FORMAT_LABELS[s.format]}
                      </>
                    }
                  />
                ))}
              </Stack>
            </Radio.Group>
          )}
          {open.length > 0 && (
            <Button type="submit" mt="sm" disabled={!choice} loading={book.isPending || move.isPending}>
              {booking ? 'Move my interview' : 'Book this time'}
            </Button>
          )}
        </form>
      )}
    </Stack>
  );
}
