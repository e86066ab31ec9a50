// The arithmetic of the marketplace health page, pure so each rule is unit-tested: which twelve weeks, the
// median and the rates the queries' raw counts become, and the sentence that sums up a chart's series.
import { DAY_MS } from '@/lib/dates';

/** How many weeks the page shows. */
export const HEALTH_WEEKS = 12;
const WEEK_MS = 7 * DAY_MS;

export interface WeekWindow {
  /** Each week's first instant, Monday 00:00 UTC, oldest first. */
  starts: Date[];
  /** The first week's start. */
  from: Date;
  /** The end of the last week (exclusive): the Monday that starts the current week. */
  to: Date;
}

/**
 * The last `count` complete weeks before `now`, Monday to Sunday in UTC. The current week is left out: a week
 * half over would look like a fall in every count and rate.
 */
export function healthWeeks(now: Date, count = HEALTH_WEEKS): WeekWindow {
  const midnight = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  const sinceMonday = (now.getUTCDay() + 6) % 7;
  const to = midnight - sinceMonday * DAY_MS;
  const starts = Array.from({ length: count }, (_, index) => new Date(to - (count - index) * WEEK_MS));
  return { starts, from: starts[0]!, to: new Date(to) };
}

/** The key a week's row is filed under: its Monday as YYYY-MM-DD. */
export function weekKey(start: Date): string {
  return start.toISOString().slice(0, 10);
}

/** "w/c 7 Dec": the week commencing, as a chart's tick and a table's row heading. */
export function weekLabel(start: Date): string {
  return `w/c ${new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(start)}`;
}

/** The middle value (the mean of the two middle ones for an even count); null for none. */
export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** part / whole as a fraction, or null when there is nothing to divide by (shown as "–", never as 0%). */
export function rate(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

/** The mean, or null for none. */
export function mean(values: readonly number[]): number | null {
  return values.length ? values.reduce((sum, value) => sum + value, 0) / values.length : null;
}

/** Rounds to `places` decimal places, keeping null. */
export function round(value: number | null, places = 1): number | null {
  if (value === null) return null;
  const factor = 10 ** places;
  return Math.round(value * factor) / factor;
}

/** A fraction as a whole percentage (0.4567 -> 45.7 with one place), keeping null. */
export function percent(fraction: number | null, places = 1): number | null {
  return fraction === null ? null : round(fraction * 100, places);
}

/** Hours as days to one place, keeping null. */
export function hoursToDays(hours: number | null): number | null {
  return hours === null ? null : round(hours / 24, 1);
}

export interface Series {
  label: string;
  /** One value per week (null where there was nothing to measure). */
  values: (number | null)[];
  /** How a value reads in a sentence: "5", "40%", "2.5 days". */
  unit?: string;
}

function said(value: number, unit = ''): string {
  const text = Number.isInteger(value) ? String(value) : value.toFixed(1);
  return unit === '%' ? `${text}%` : unit ? `${text} ${unit}` : text;
}

/**
 * One sentence per series for the chart's text summary: where it started and ended in the weeks it was
 * measured, and its highest week. Screen-reader users and anyone who cannot read the chart get the shape of it.
 */
export function describeSeries(series: Series, weeks: readonly string[]): string {
  const measured = series.values.flatMap((value, index) => (value === null ? [] : [{ value, week: weeks[index]! }]));
  if (measured.length === 0) return `${series.label}: nothing to measure in these weeks.`;
  const first = measured[0]!;
  const last = measured[measured.length - 1]!;
  const top = measured.reduce((best, point) => (point.value > best.value ? point : best), first);
  const trend = last.value > first.value ? 'rose' : last.value < first.value ? 'fell' : 'held steady';
  const span =
    trend === 'held steady'
      ? `was ${said(first.value, series.unit)} in the first week measured (${first.week}) and in the last (${last.week})`
      : `${trend} from ${said(first.value, series.unit)} (${first.week}) to ${said(last.value, series.unit)} (${last.week})`;
  return `${series.label} ${span}; highest ${said(top.value, series.unit)} (${top.week}).`;
}
