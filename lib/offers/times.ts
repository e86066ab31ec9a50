// The times a volunteer proposes with an offer: typed as dates and times in their own zone, checked
// against the ask's windows in the charity's zone, stored in UTC (docs/decisions/0011). Pure: no I/O.
import { DAY_MS, timeZoneLabel, weekdayName } from '@/lib/dates';
import { single, type FieldErrors, type FormValues } from '@/lib/forms';
import { dateInZone, zonedTimeToUtc } from '@/lib/time-zones';
import type { AvailabilityWindow } from '@/lib/asks/availability';

export const OFFER_TIME_SLOTS = [1, 2, 3] as const;
export const MIN_PROPOSED_TIMES = 2;
/** A proposed time starts at least this long after the offer is made. */
export const MIN_LEAD_MS = 2 * 60 * 60_000;
/** ...and no more than this far ahead. */
export const MAX_AHEAD_DAYS = 60;
/** An ask without windows can meet at any time in this range, every day, in its own zone. */
export const DEFAULT_WINDOW = { from: '08:00', to: '20:00' } as const;

export interface ProposedTime {
  startsAt: Date;
  endsAt: Date;
}

export interface TimeRules {
  now: Date;
  /** The volunteer's zone: the one the dates and times were typed in. */
  volunteerZone: string;
  /** The ask's zone: the one its windows are in. */
  askZone: string;
  windows: AvailabilityWindow[];
  durationMinutes: number;
}

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):([0-5]\d)(?::[0-5]\d)?$/;

/** The wall clock an instant shows in `timeZone`: its date, "HH:MM" and ISO weekday (1 = Monday). */
export function clockInZone(instant: Date, timeZone: string): { date: string; time: string; weekday: number } {
  const date = dateInZone(instant, timeZone);
  const time = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const weekday = ((new Date(Date.UTC(year, month - 1, day)).getUTCDay() + 6) % 7) + 1;
  return { date, time, weekday };
}

export function isRealDate(value: string): boolean {
  const match = DATE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The windows an ask meets in: its own, or every day 08:00-20:00 when it has none. */
export function effectiveWindows(windows: AvailabilityWindow[]): AvailabilityWindow[] {
  if (windows.length > 0) return windows;
  return [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, ...DEFAULT_WINDOW }));
}

/** True when the whole of [startsAt, endsAt) lies inside one window, read in the ask's zone. */
export function fitsWindows(time: ProposedTime, windows: AvailabilityWindow[], askZone: string): boolean {
  const start = clockInZone(time.startsAt, askZone);
  const end = clockInZone(time.endsAt, askZone);
  if (end.date !== start.date) return false;
  return effectiveWindows(windows).some((window) => window.weekday === start.weekday && window.from <= start.time && end.time <= window.to);
}

const overlaps = (a: ProposedTime, b: ProposedTime) => a.startsAt < b.endsAt && b.startsAt < a.endsAt;

/**
 * Reads `time1Date`/`time1Time` ... `time3Date`/`time3Time` (a slot left wholly blank is skipped) and
 * checks each against the rules. Errors are keyed `time1`..`time3`, and `times` when too few were given.
 */
export function parseProposedTimes(
  values: FormValues,
  rules: TimeRules,
): { ok: true; times: ProposedTime[] } | { ok: false; fieldErrors: FieldErrors } {
  const fieldErrors: FieldErrors = {};
  const accepted: Array<{ slot: number; time: ProposedTime }> = [];
  let given = 0;
  const latest = rules.now.getTime() + MAX_AHEAD_DAYS * DAY_MS;
  const zoneName = timeZoneLabel(rules.volunteerZone);

  for (const slot of OFFER_TIME_SLOTS) {
    const key = `time${slot}`;
    const date = (single(values, `${key}Date`) ?? '').trim();
    const rawTime = (single(values, `${key}Time`) ?? '').trim();
    if (!date && !rawTime) continue;
    given += 1;
    if (!date || !rawTime) {
      fieldErrors[key] = ['Enter both a date and a time, or leave both blank.'];
      continue;
    }
    if (!isRealDate(date)) {
      fieldErrors[key] = ['Enter a real date, like 2026-12-14.'];
      continue;
    }
    const match = TIME.exec(rawTime);
    if (!match) {
      fieldErrors[key] = ['Enter a time on the 24-hour clock, like 14:30.'];
      continue;
    }
    const clock = `${match[1]}:${match[2]}`;
    const startsAt = zonedTimeToUtc(date, clock, rules.volunteerZone);
    // A time the clocks skip (01:30 on the morning they go forward) would silently become another time.
    const readBack = clockInZone(startsAt, rules.volunteerZone);
    if (readBack.date !== date || readBack.time !== clock) {
      fieldErrors[key] = [`The clocks go forward then in ${zoneName}, so ${clock} does not happen on that day. Choose another time.`];
      continue;
    }
    const time = { startsAt, endsAt: new Date(startsAt.getTime() + rules.durationMinutes * 60_000) };
    if (startsAt.getTime() < rules.now.getTime() + MIN_LEAD_MS) {
      fieldErrors[key] = ['Choose a time at least two hours from now.'];
    } else if (startsAt.getTime() > latest) {
      fieldErrors[key] = [`Choose a time within the next ${MAX_AHEAD_DAYS} days.`];
    } else if (!fitsWindows(time, rules.windows, rules.askZone)) {
      fieldErrors[key] = ['This is outside the times the charity can meet (listed above). The whole session must fit inside one of them.'];
    } else {
      const clash = accepted.find((other) => overlaps(other.time, time));
      if (clash) fieldErrors[key] = [`This overlaps your time ${clash.slot}. Choose times that do not overlap.`];
      else accepted.push({ slot, time });
    }
  }
  if (given < MIN_PROPOSED_TIMES) fieldErrors.times = ['Propose at least two times, so the charity can choose one that suits them.'];
  if (Object.keys(fieldErrors).length > 0) return { ok: false, fieldErrors };
  return { ok: true, times: accepted.map((entry) => entry.time) };
}

export interface WindowInZones {
  /** As the charity set it: "Monday, 09:30 to 16:00". */
  ask: string;
  /** The same window in the volunteer's zone, for the coming week: "Monday, 04:30 to 11:00". */
  volunteer: string;
}

/**
 * The ask's windows as the volunteer should read them: each converted at its next occurrence after
 * `now`, since the gap between two zones moves when either changes its clocks.
 */
export function describeWindowsForVolunteer(
  windows: AvailabilityWindow[],
  askZone: string,
  volunteerZone: string,
  now: Date,
): { sameZone: boolean; askZoneName: string; volunteerZoneName: string; windows: WindowInZones[] } {
  const list = effectiveWindows(windows);
  const today = clockInZone(now, askZone);
  const sorted = [...list].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  const described = sorted.map((window) => {
    const ahead = (window.weekday - today.weekday + 7) % 7;
    const [year, month, day] = today.date.split('-').map(Number) as [number, number, number];
    const date = new Date(Date.UTC(year, month - 1, day + ahead)).toISOString().slice(0, 10);
    const from = clockInZone(zonedTimeToUtc(date, window.from, askZone), volunteerZone);
    const to = clockInZone(zonedTimeToUtc(date, window.to, askZone), volunteerZone);
    const toDay = to.weekday === from.weekday ? '' : `${weekdayName(to.weekday)} `;
    return {
      ask: `${weekdayName(window.weekday)}, ${window.from} to ${window.to}`,
      volunteer: `${weekdayName(from.weekday)}, ${from.time} to ${toDay}${to.time}`,
    };
  });
  return {
    sameZone: askZone === volunteerZone,
    askZoneName: timeZoneLabel(askZone),
    volunteerZoneName: timeZoneLabel(volunteerZone),
    windows: described,
  };
}
