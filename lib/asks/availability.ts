// The time windows a charity can meet in, stored as JSON on the ask, and their plain-English summary.
import { z } from 'zod';
import { weekdayName } from '@/lib/dates';

const clock = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 09:30');

export const availabilityWindowSchema = z
  .object({
    weekday: z.number().int().min(1).max(7),
    from: clock,
    to: clock,
  })
  .refine((window) => window.from < window.to, { message: 'The end time must be after the start time', path: ['to'] });

export const availabilitySchema = z.array(availabilityWindowSchema).max(21);

export type AvailabilityWindow = z.infer<typeof availabilityWindowSchema>;

/** Reads stored JSON defensively: anything malformed is dropped rather than breaking the page. */
export function parseAvailability(value: unknown): AvailabilityWindow[] {
  const parsed = availabilitySchema.safeParse(value);
  return parsed.success ? parsed.data : [];
}

/**
 * Groups identical hours on consecutive days: "Monday to Friday, 09:30 to 16:00", "Saturday, 10:00 to 12:00".
 */
export function summariseAvailability(windows: AvailabilityWindow[]): string[] {
  const sorted = [...windows].sort((a, b) => a.weekday - b.weekday || a.from.localeCompare(b.from));
  const runs: Array<{ first: number; last: number; from: string; to: string }> = [];
  for (const window of sorted) {
    const run = runs.find((r) => r.from === window.from && r.to === window.to && r.last === window.weekday - 1);
    if (run) run.last = window.weekday;
    else runs.push({ first: window.weekday, last: window.weekday, from: window.from, to: window.to });
  }
  return runs
    .sort((a, b) => a.first - b.first || a.from.localeCompare(b.from))
    .map((run) => {
      const days =
        run.first === run.last
          ? weekdayName(run.first)
          : run.last === run.first + 1
            ? `${weekdayName(run.first)} and ${weekdayName(run.last)}`
            : `${weekdayName(run.first)} to ${weekdayName(run.last)}`;
      return `${days}, ${run.from} to ${run.to}`;
    });
}
