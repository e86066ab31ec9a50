// A start typed as a date and time in someone's zone (a clinic's new time, a follow-up's), checked the way the
// clinic form checks its own (lib/clinics/schema.ts): a time the clocks skip is refused rather than quietly
// moved, and it must be at least two hours and at most `maxDays` days away. Pure.
import { DAY_MS, timeZoneLabel } from '@/lib/dates';
import { CORRECT_THE_PROBLEMS, invalid, type FormResult, type FormValues } from '@/lib/forms';
import { clockInZone, MIN_LEAD_MS } from '@/lib/offers/times';
import { zonedTimeToUtc } from '@/lib/time-zones';

export function typedStart(
  values: FormValues,
  typed: { date: string; time: string },
  { zone, now, maxDays }: { zone: string; now: Date; maxDays: number },
): { ok: true; startsAt: Date } | { ok: false; result: FormResult<never> } {
  const refuse = (field: 'date' | 'time', message: string) => ({
    ok: false as const,
    result: invalid(values, { [field]: [message] }, CORRECT_THE_PROBLEMS),
  });
  const startsAt = zonedTimeToUtc(typed.date, typed.time, zone);
  const readBack = clockInZone(startsAt, zone);
  if (readBack.date !== typed.date || readBack.time !== typed.time) {
    return refuse(
      'time',
      `The clocks go forward then in ${timeZoneLabel(zone)}, so ${typed.time} does not happen on that day. Choose another time.`,
    );
  }
  if (startsAt.getTime() < now.getTime() + MIN_LEAD_MS) return refuse('date', 'Choose a date and time at least two hours from now.');
  if (startsAt.getTime() > now.getTime() + maxDays * DAY_MS) return refuse('date', `Choose a date within the next ${maxDays} days.`);
  return { ok: true, startsAt };
}
