// What the ask form starts with: a new ask's defaults (three weeks, 30 minutes, weekday daytimes), or an
// existing ask's fields, plus the deadline range the date picker offers.
import { parseAvailability, type AvailabilityWindow } from '@/lib/asks/availability';
import type { Medium } from '@/lib/generated/prisma/enums';
import { addDays, dateInZone } from '@/lib/time-zones';
import type { StaffAsk } from './queries';
import { DEFAULT_DEADLINE_DAYS, DEFAULT_DURATION, MAX_DEADLINE_DAYS } from './limits';

/** What the form starts with: an existing ask's fields, or sensible defaults for a new one. */
export interface AskFormDefaults {
  organisationId?: string;
  title: string;
  question: string;
  outcome: string;
  context: string;
  prepLink: string;
  skills: string[];
  durationMinutes: number;
  media: Medium[];
  location: string;
  availability: AvailabilityWindow[];
  timeZone: string;
  /** "2026-12-14" */
  deadline: string;
  version?: number;
}

const WEEKDAY_DAYTIMES = [1, 2, 3, 4, 5].map((weekday) => ({ weekday, from: '09:30', to: '16:00' }));

export function newAskDefaults(timeZone: string, organisationId: string | undefined, now = new Date()): AskFormDefaults {
  return {
    organisationId,
    title: '',
    question: '',
    outcome: '',
    context: '',
    prepLink: '',
    skills: [],
    durationMinutes: DEFAULT_DURATION,
    media: ['VIDEO', 'PHONE'],
    location: '',
    availability: WEEKDAY_DAYTIMES,
    timeZone,
    deadline: addDays(dateInZone(now, timeZone), DEFAULT_DEADLINE_DAYS),
  };
}

export function existingAskDefaults(ask: StaffAsk): AskFormDefaults {
  return {
    title: ask.title,
    question: ask.question,
    outcome: ask.outcome,
    context: ask.context ?? '',
    prepLink: ask.prepLink ?? '',
    skills: ask.skills.map(({ skill }) => skill.slug),
    durationMinutes: ask.durationMinutes,
    media: ask.media,
    location: ask.location ?? '',
    availability: parseAvailability(ask.availability),
    timeZone: ask.timeZone,
    deadline: dateInZone(ask.deadline, ask.timeZone),
    version: ask.version,
  };
}

/** The dates the deadline may take, for the date picker's min and max (the server checks again). */
export function deadlineRange(timeZone: string, now = new Date()): { min: string; max: string } {
  const today = dateInZone(now, timeZone);
  return { min: addDays(today, 1), max: addDays(today, MAX_DEADLINE_DAYS) };
}
