import { describe, expect, it } from 'vitest';
import { addDays, dateInZone, zonedTimeToUtc, zoneOffsetMinutes } from '@/lib/time-zones';

describe('wall-clock times in a zone', () => {
  it('reads UK times in winter and summer', () => {
    expect(zonedTimeToUtc('2026-12-01', '09:30', 'Europe/London').toISOString()).toBe('2026-12-01T09:30:00.000Z');
    expect(zonedTimeToUtc('2026-07-01', '09:30', 'Europe/London').toISOString()).toBe('2026-07-01T08:30:00.000Z');
    expect(zonedTimeToUtc('2026-07-01', '09:30', 'America/New_York').toISOString()).toBe('2026-07-01T13:30:00.000Z');
    expect(zonedTimeToUtc('2026-07-01', '09:30', 'Asia/Kolkata').toISOString()).toBe('2026-07-01T04:00:00.000Z');
  });

  it('is right on the days the clocks change (29 March and 25 October 2026)', () => {
    expect(zonedTimeToUtc('2026-03-29', '00:30', 'Europe/London').toISOString()).toBe('2026-03-29T00:30:00.000Z');
    expect(zonedTimeToUtc('2026-03-29', '09:00', 'Europe/London').toISOString()).toBe('2026-03-29T08:00:00.000Z');
    // 01:30 does not exist on 29 March: it is read as 02:30 BST.
    expect(zonedTimeToUtc('2026-03-29', '01:30', 'Europe/London').toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(zonedTimeToUtc('2026-10-25', '09:00', 'Europe/London').toISOString()).toBe('2026-10-25T09:00:00.000Z');
    // 01:30 happens twice on 25 October: the first (BST) one.
    expect(zonedTimeToUtc('2026-10-25', '01:30', 'Europe/London').toISOString()).toBe('2026-10-25T00:30:00.000Z');
    expect(zonedTimeToUtc('2026-10-24', '23:59', 'Europe/London').toISOString()).toBe('2026-10-24T22:59:00.000Z');
  });

  it('gives offsets and dates in a zone', () => {
    expect(zoneOffsetMinutes(new Date('2026-07-01T12:00:00Z'), 'Europe/London')).toBe(60);
    expect(zoneOffsetMinutes(new Date('2026-01-01T12:00:00Z'), 'America/New_York')).toBe(-300);
    expect(dateInZone(new Date('2026-06-30T23:30:00Z'), 'Europe/London')).toBe('2026-07-01');
    expect(addDays('2026-12-25', 10)).toBe('2027-01-04');
  });
});
