// What the ask forms and their zod schemas (schema.ts) share: limits, and reading the availability rows. No
// zod here: client components import this, and a constant imported from schema.ts brings all of zod into the
// browser's JavaScript.
import { weekdayName } from '@/lib/dates';
import { single, type FormValues } from '@/lib/form-values';
import type { AvailabilityWindow } from './availability';

export const ASK_DURATIONS = [15, 20, 30, 45, 60] as const;
export const DEFAULT_DURATION = 30;
export const DEFAULT_DEADLINE_DAYS = 21;
export const MAX_DEADLINE_DAYS = 56; // eight weeks
export const MAX_ASK_SKILLS = 5;

/** The most characters each text field takes: the schema refuses more, the form counts down to it. */
export const ASK_TEXT_LIMITS = {
  title: 120,
  question: 2000,
  outcome: 1000,
  context: 3000,
  location: 200,
} as const;

/** How many stages a bigger piece of work may be split into. */
export const MIN_STAGES = 2;
export const MAX_STAGES = 5;

const clock = /^([01]\d|2[0-3]):[0-5]\d$/;

/** Weekday rows arrive as day-N (ticked), from-N and to-N; ticked rows become windows. */
export function availabilityFrom(values: FormValues): { windows: AvailabilityWindow[]; errors: string[] } {
  const windows: AvailabilityWindow[] = [];
  const errors: string[] = [];
  for (let weekday = 1; weekday <= 7; weekday += 1) {
    if (!single(values, `day-${weekday}`)) continue;
    const from = single(values, `from-${weekday}`) ?? '';
    const to = single(values, `to-${weekday}`) ?? '';
    if (!clock.test(from) || !clock.test(to)) errors.push(`${weekdayName(weekday)}: use 24-hour times such as 09:30.`);
    else if (from >= to) errors.push(`${weekdayName(weekday)}: the end time must be after the start time.`);
    else windows.push({ weekday, from, to });
  }
  return { windows, errors };
}
