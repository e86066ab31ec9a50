// Time zones people can pick. Any IANA zone is accepted; these are the ones offered first.
import { DAY_MS } from './dates';

export const COMMON_TIME_ZONES = [
  'Europe/London',
  'Europe/Dublin',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Athens',
  'Africa/Lagos',
  'Africa/Nairobi',
  'Africa/Johannesburg',
  'Asia/Dubai',
  'Asia/Kolkata',
  'Asia/Singapore',
  'Asia/Hong_Kong',
  'Australia/Sydney',
  'Pacific/Auckland',
  'America/Toronto',
  'America/New_York',
  'America/Chicago',
  'America/Denver',
  'America/Los_Angeles',
  'UTC',
] as const;

export function isTimeZone(value: string): boolean {
  if (value === 'UTC') return true;
  try {
    new Intl.DateTimeFormat('en-GB', { timeZone: value });
    return /^[A-Za-z]+(?:\/[A-Za-z0-9_+-]+)+$/.test(value);
  } catch {
    return false;
  }
}

export function timeZoneOptions(current?: string): Array<{ value: string; label: string }> {
  const zones: string[] = [...COMMON_TIME_ZONES];
  if (current && !zones.includes(current) && isTimeZone(current)) zones.unshift(current);
  return zones.map((zone) => ({ value: zone, label: zone === 'Europe/London' ? 'UK time (Europe/London)' : zone.replace(/_/g, ' ') }));
}

/** Minutes `timeZone` is ahead of UTC at `instant` (60 for London in summer, -300 for New York in winter). */
export function zoneOffsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
  })
    .formatToParts(instant)
    .reduce<Record<string, number>>((acc, part) => ({ ...acc, [part.type]: Number(part.value) }), {});
  const asUtc = Date.UTC(parts.year!, parts.month! - 1, parts.day!, parts.hour!, parts.minute!, parts.second!);
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * The instant a wall-clock time in `timeZone` names: "2026-03-29", "09:30", "Europe/London" is 08:30 UTC.
 * A time the clocks skip (01:30 on the last Sunday of March in London) moves forward by the gap; a time
 * that happens twice (01:30 on the last Sunday of October) is the first of the two.
 */
export function zonedTimeToUtc(date: string, time: string, timeZone: string): Date {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const [hour, minute] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(year, month - 1, day, hour, minute);
  // The offset just before and just after the wall time; where they differ the clocks change nearby.
  const before = zoneOffsetMinutes(new Date(wall - DAY_MS / 2), timeZone);
  const after = zoneOffsetMinutes(new Date(wall + DAY_MS / 2), timeZone);
  for (const offset of [before, after]) {
    const candidate = new Date(wall - offset * 60_000);
    if (zoneOffsetMinutes(candidate, timeZone) === offset) return candidate;
  }
  // In a skipped hour neither offset round-trips: read it with the offset from before the change.
  return new Date(wall - before * 60_000);
}

/** The calendar date ("2026-11-23") an instant falls on in `timeZone`. */
export function dateInZone(instant: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(instant);
}

/** The calendar date `days` after `date` ("2026-11-23" + 21 is "2026-12-14"). */
export function addDays(date: string, days: number): string {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(year, month - 1, day + days)).toISOString().slice(0, 10);
}
