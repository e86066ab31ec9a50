import { describe, expect, it } from 'vitest';
import { formatDate, formatDateTime, formatDuration, formatRelativeDays, timeZoneLabel, weekdayName } from '@/lib/dates';

describe('dates shown to people', () => {
  it('formats in UK time whatever the server’s own zone, across the clocks changing', () => {
    // 23:30 UTC on 31 March 2026 is already 1 April in British Summer Time.
    expect(formatDate(new Date('2026-03-31T23:30:00Z'))).toBe('Wed, 1 Apr 2026');
    // In winter UK time is UTC.
    expect(formatDate(new Date('2026-12-31T23:30:00Z'))).toBe('Thu, 31 Dec 2026');
    expect(formatDateTime(new Date('2026-07-01T09:00:00Z'))).toBe('Wed 1 Jul, 10:00 BST');
    expect(formatDateTime(new Date('2026-12-01T09:00:00Z'))).toBe('Tue 1 Dec, 09:00 GMT');
  });

  it('formats in another zone when asked', () => {
    expect(formatDateTime(new Date('2026-12-01T15:00:00Z'), 'America/New_York')).toBe('Tue 1 Dec, 10:00 GMT-5');
  });

  it('counts calendar days, not 24-hour periods', () => {
    const now = new Date('2026-06-15T00:30:00+01:00'); // just after midnight, UK
    expect(formatRelativeDays(new Date('2026-06-14T23:30:00+01:00'), now)).toBe('yesterday');
    expect(formatRelativeDays(new Date('2026-06-15T22:00:00+01:00'), now)).toBe('today');
    expect(formatRelativeDays(new Date('2026-06-16T08:00:00+01:00'), now)).toBe('tomorrow');
    expect(formatRelativeDays(new Date('2026-06-10T12:00:00+01:00'), now)).toBe('5 days ago');
    expect(formatRelativeDays(new Date('2026-06-25T12:00:00+01:00'), now)).toBe('in 10 days');
  });

  it('says durations as people do', () => {
    expect(formatDuration(15)).toBe('15 minutes');
    expect(formatDuration(60)).toBe('1 hour');
    expect(formatDuration(75)).toBe('1 hour 15 minutes');
    expect(formatDuration(1)).toBe('1 minute');
  });

  it('names weekdays and zones', () => {
    expect(weekdayName(1)).toBe('Monday');
    expect(weekdayName(7)).toBe('Sunday');
    expect(timeZoneLabel('Europe/London')).toBe('UK time');
    expect(timeZoneLabel('America/New_York')).toBe('America/New York');
  });
});
