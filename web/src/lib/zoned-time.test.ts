import { endOfDayIn, formatInZone, startOfDayIn } from './zoned-time';

describe('zoned time', () => {
  it('puts a deadline at 23:59:59 on that day in the institution zone', () => {
    expect(endOfDayIn('2027-01-15', 'America/Chicago')?.toISOString()).toBe('2027-01-16T05:59:59.000Z');
    expect(endOfDayIn('2027-07-15', 'America/Chicago')?.toISOString()).toBe('2027-07-16T04:59:59.000Z');
    expect(endOfDayIn('2027-01-15', 'Asia/Kolkata')?.toISOString()).toBe('2027-01-15T18:29:59.000Z');
  });

  it('handles the days clocks change', () => {
    // Chicago springs forward at 02:00 on 2027-03-14: midnight is still CST, the evening is CDT.
    expect(startOfDayIn('2027-03-14', 'America/Chicago')?.toISOString()).toBe('2027-03-14T06:00:00.000Z');
    expect(endOfDayIn('2027-03-14', 'America/Chicago')?.toISOString()).toBe('2027-03-15T04:59:59.000Z');
    expect(endOfDayIn('2027-11-07', 'America/New_York')?.toISOString()).toBe('2027-11-08T04:59:59.000Z');
  });

  it('formats an instant on a given clock with the zone name', () => {
    const deadline = endOfDayIn('2027-01-15', 'America/Chicago');
    if (!deadline) throw new Error('no instant');
    expect(formatInZone(deadline, 'America/Chicago')).toBe('Jan 15, 2027, 11:59 PM CST');
    expect(formatInZone(deadline, 'Asia/Kolkata')).toBe('Jan 16, 2027, 11:29 AM GMT+5:30');
  });

  it('gives up quietly on a bad date or zone', () => {
    expect(endOfDayIn('2027-1-5', 'America/Chicago')).toBeUndefined();
    expect(endOfDayIn('2027-01-15', 'Mars/Olympus')).toBeUndefined();
  });
});
