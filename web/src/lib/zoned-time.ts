/**
 * Calendar days that mean a moment in a particular time zone (an institution's deadline is the
 * end of that day where the institution is), turned into instants and shown in any zone with
 * Intl alone.
 */

const offsetFormats = new Map<string, Intl.DateTimeFormat>();

function partsFormat(timeZone: string): Intl.DateTimeFormat {
  let format = offsetFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    offsetFormats.set(timeZone, format);
  }
  return format;
}

/** How far the zone's wall clock is ahead of UTC at `instant`, in milliseconds. */
function zoneOffset(instant: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of partsFormat(timeZone).formatToParts(new Date(instant))) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  const asUtc = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return asUtc - (instant - (instant % 1000));
}

/**
 * The instant when the wall clock in `timeZone` shows `isoDate` at h:m:s. Returns undefined for
 * a malformed date or an unknown zone.
 */
export function zonedInstant(isoDate: string, timeZone: string, h = 0, m = 0, s = 0): Date | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!match) return undefined;
  const wall = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]), h, m, s);
  try {
    // Two passes settle the offset even when the guess falls on the other side of a DST change.
    let instant = wall - zoneOffset(wall, timeZone);
    instant = wall - zoneOffset(instant, timeZone);
    return new Date(instant);
  } catch {
    return undefined;
  }
}

/** The first moment of a calendar day in a zone (applications open). */
export function startOfDayIn(isoDate: string, timeZone: string): Date | undefined {
  return zonedInstant(isoDate, timeZone, 0, 0, 0);
}

/** The last second of a calendar day in a zone (a deadline: 23:59:59 there). */
export function endOfDayIn(isoDate: string, timeZone: string): Date | undefined {
  return zonedInstant(isoDate, timeZone, 23, 59, 59);
}

/** The reader's own IANA zone, e.g. "Europe/Berlin". */
export function viewerTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/** "Jan 15, 2027, 11:59 PM CST" for an instant as the clock in `timeZone` shows it. */
export function formatInZone(instant: Date, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', {
      timeZone,
      dateStyle: 'medium',
      timeStyle: 'short',
    }).format(instant) + ` ${zoneName(instant, timeZone)}`;
  } catch {
    return instant.toISOString();
  }
}

/** The zone's short name at that instant ("CST", "GMT+5:30"). */
export function zoneName(instant: Date, timeZone: string): string {
  const part = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'short' })
    .formatToParts(instant)
    .find((p) => p.type === 'timeZoneName');
  return part?.value ?? timeZone;
}

/** "America/Los_Angeles" → "Los Angeles". */
export function zoneCity(timeZone: string): string {
  return (timeZone.split('/').at(-1) ?? timeZone).replace(/_/g, ' ');
}
