import { Text } from '@mantine/core';
import { formatInZone, viewerTimeZone, zoneCity } from '@/lib/zoned-time';

/** A slot's start in the viewer's zone and, when different, in the institution's zone. */
export function SlotTime({ startsAt, timeZone, minutes }: { startsAt: string; timeZone: string; minutes: number }) {
  const instant = new Date(startsAt);
  const mine = viewerTimeZone();
  const yours = formatInZone(instant, mine);
  const theirs = formatInZone(instant, timeZone);
  return (
    <span>
      <Text component="span" fw={600}>
        {yours}
      </Text>{' '}
      <Text component="span" size="sm" c="dimmed">
        ({minutes} min{mine === timeZone ? `, ${zoneCity(timeZone)} time` : `; ${theirs} in ${zoneCity(timeZone)}`})
      </Text>
    </span>
  );
}
