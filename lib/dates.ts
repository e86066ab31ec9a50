// Dates and times as people in the UK read them, always in a named time zone: the server's own
// zone is irrelevant, so a page renders the same on any machine.
export const DEFAULT_TIME_ZONE = 'Europe/London';

/** A day in milliseconds, for reckoning spans of time ("14 days ago"); calendar days in a zone are addDays (lib/time-zones.ts). */
export const DAY_MS = 86_400_000;

/**
 * One formatter per style and zone, made on first use: building an Intl.DateTimeFormat costs far more than
 * using one (a dashboard formats a dozen dates per request), and the zones in use are few.
 */
const formatters = new Map<string, Intl.DateTimeFormat>();
function formatter(style: 'date' | 'dateTime' | 'stamp', timeZone: string): Intl.DateTimeFormat {
  const key = `${style} ${timeZone}`;
  let made = formatters.get(key);
  if (!made) {
    made = new Intl.DateTimeFormat(
      'en-GB',
      style === 'date'
        ? { weekday: 'short', day: 'numeric', month: 'short', year: 'numeric', timeZone }
        : style === 'stamp'
          ? {
              day: 'numeric',
              month: 'short',
              year: 'numeric',
              hour: '2-digit',
              minute: '2-digit',
              second: '2-digit',
              hour12: false,
              timeZone,
              timeZoneName: 'short',
            }
          : {
              weekday: 'short',
              day: 'numeric',
              month: 'short',
              hour: '2-digit',
              minute: '2-digit',
              hour12: false,
              timeZone,
              timeZoneName: 'short',
            },
    );
    formatters.set(key, made);
  }
  return made;
}

/** "Fri, 11 Dec 2026" */
export function formatDate(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter('date', timeZone).format(date);
}

/** "Fri 11 Dec, 14:30 GMT" */
export function formatDateTime(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter('dateTime', timeZone).format(date);
}

/** "11 Dec 2026, 14:30:05 GMT": a moment in a record (the audit log), to the second and with its year. */
export function formatTimestamp(date: Date, timeZone = DEFAULT_TIME_ZONE): string {
  return formatter('stamp', timeZone).format(date);
}

/** "today", "yesterday", "3 days ago", "in 5 days": whole calendar days in the given zone. */
export function formatRelativeDays(date: Date, now = new Date(), timeZone = DEFAULT_TIME_ZONE): string {
  const days = calendarDay(date, timeZone) - calendarDay(now, timeZone);
  if (days === 0) return 'today';
  if (days === -1) return 'yesterday';
  if (days === 1) return 'tomorrow';
  return days < 0 ? `${-days} days ago` : `in ${days} days`;
}

/** Days since the epoch of the calendar date `date` falls on in `timeZone`. */
function calendarDay(date: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' })
    .formatToParts(date)
    .reduce<Record<string, number>>((acc, part) => ({ ...acc, [part.type]: Number(part.value) }), {});
  return Date.UTC(parts.year!, parts.month! - 1, parts.day!) / DAY_MS;
}

/** "30 minutes", "1 hour", "1 hour 15 minutes" */
export function formatDuration(minutes: number): string {
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const parts = [];
  if (hours > 0) parts.push(`${hours} hour${hours === 1 ? '' : 's'}`);
  if (rest > 0 || hours === 0) parts.push(`${rest} minute${rest === 1 ? '' : 's'}`);
  return parts.join(' ');
}

const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/** ISO weekday (1 = Monday) to its name. */
export function weekdayName(weekday: number): string {
  return WEEKDAYS[weekday - 1] ?? 'Unknown day';
}

/** The zone's short name people recognise, e.g. "UK time" for Europe/London. */
export function timeZoneLabel(timeZone: string): string {
  if (timeZone === 'Europe/London') return 'UK time';
  return timeZone.replace(/_/g, ' ');
}
