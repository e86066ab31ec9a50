// The steps every change to a booked meeting shares (lib/meetings/moves.ts and mutations.ts): who is
// acting and whether the rules allow it now, reading a new time in the right zone and checking it against
// the charity's windows, the audit record, and a transaction that turns "the row changed under us" into
// the form's answer. Internal to lib/meetings: only `allowed` checks who is asking (assertMeetingParty); the
// others read what they are given, so every caller starts with `allowed`.
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { CORRECT_THE_PROBLEMS, invalid, type FormResult, type FormValues } from '@/lib/forms';
import type { MeetingParty, Prisma } from '@/lib/generated/prisma/client';
import { parseAvailability, summariseAvailability } from '@/lib/asks/availability';
import { DAY_MS, timeZoneLabel } from '@/lib/dates';
import { clockInZone, effectiveWindows, fitsWindows, isRealDate, MIN_LEAD_MS } from '@/lib/offers/times';
import { isTimeZone, zonedTimeToUtc } from '@/lib/time-zones';
import { volunteerDisplayName } from './audience';
import { assertMeetingParty, meetingStateOf, type PolicyMeeting } from './policy';
import { MAX_BOOKING_AHEAD_DAYS, whyNot, type MeetingActions } from './transitions';

export type Tx = Prisma.TransactionClient;
export type Input = FormData | Record<string, unknown>;

/** Thrown inside a transaction to roll it back when a conditional update found the row already changed. */
export class Changed extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}

export const CHANGED =
  'This session changed while you were looking (it was moved, cancelled or marked by the other side). Here is how it stands now.';
export const CLASH = 'That time overlaps another session the volunteer has booked. Please choose a time that is free for both of you.';

/** The zone a party reads and types times in: the volunteer's profile zone, or the staff member's own. */
export async function zoneOf(actor: Actor, party: MeetingParty): Promise<string> {
  const user = await db.user.findUnique({
    where: { id: actor.id },
    select: { timeZone: true, volunteerProfile: { select: { timeZone: true } } },
  });
  const zone = party === 'VOLUNTEER' ? (user?.volunteerProfile?.timeZone ?? user?.timeZone) : user?.timeZone;
  return zone && isTimeZone(zone) ? zone : 'Europe/London';
}

/** How the acting person is named to others: "Sam Okafor" for the volunteer, "Jo Owner, Riverside" for staff. */
export async function actorLabel(actor: Actor, party: MeetingParty, meeting: PolicyMeeting): Promise<string> {
  const [user, organisation] = await Promise.all([
    db.user.findUnique({ where: { id: actor.id }, select: { name: true } }),
    db.organisation.findUnique({ where: { id: meeting.organisationId }, select: { name: true } }),
  ]);
  const name = user?.name?.trim();
  if (party === 'VOLUNTEER') return volunteerDisplayName(name);
  // "Sam Lee from Walk Trust": the emails tell the volunteer who did it without naming the charity twice
  // (lib/email/templates/email-layout.tsx `actedOnYourSession`).
  return name ? `${name} from ${organisation?.name ?? 'the charity'}` : (organisation?.name ?? 'The charity');
}

/**
 * The start a date and time in `zone` names, checked by the rules an offered time keeps
 * (lib/offers/times.ts): at least two hours ahead, not too far ahead, and wholly inside the charity's
 * windows for the ask (read in the ask's zone), so a move or a catch-up cannot land at 3 a.m.
 */
export async function startFrom(
  values: FormValues,
  data: { date: string; time: string },
  zone: string,
  meeting: PolicyMeeting,
  now: Date,
): Promise<{ ok: true; startsAt: Date } | { ok: false; result: FormResult<never> }> {
  const refuse = (field: 'date' | 'time', message: string) => ({
    ok: false as const,
    result: invalid(values, { [field]: [message] }, CORRECT_THE_PROBLEMS),
  });
  if (!isRealDate(data.date)) return refuse('date', 'Enter a real date, like 2026-12-14.');
  const startsAt = zonedTimeToUtc(data.date, data.time, zone);
  // A time the clocks skip (01:30 on the morning they go forward) would silently become another time.
  const readBack = clockInZone(startsAt, zone);
  if (readBack.date !== data.date || readBack.time !== data.time) {
    return refuse(
      'time',
      `The clocks go forward then in ${timeZoneLabel(zone)}, so ${data.time} does not happen on that day. Choose another time.`,
    );
  }
  if (startsAt.getTime() <= now.getTime()) return refuse('date', 'Choose a time in the future.');
  if (startsAt.getTime() < now.getTime() + MIN_LEAD_MS) return refuse('time', 'Choose a time at least two hours from now.');
  if (startsAt.getTime() > now.getTime() + MAX_BOOKING_AHEAD_DAYS * DAY_MS) {
    return refuse('date', `Choose a time within the next ${MAX_BOOKING_AHEAD_DAYS} days.`);
  }
  const ask = await db.ask.findUniqueOrThrow({ where: { id: meeting.askId }, select: { availability: true, timeZone: true } });
  const windows = parseAvailability(ask.availability);
  const endsAt = new Date(startsAt.getTime() + (meeting.endsAt.getTime() - meeting.startsAt.getTime()));
  if (!fitsWindows({ startsAt, endsAt }, windows, ask.timeZone)) {
    const usual = summariseAvailability(effectiveWindows(windows));
    return refuse('time', `Choose a time inside the charity’s usual times (${timeZoneLabel(ask.timeZone)}): ${usual.join('; ')}.`);
  }
  return { ok: true, startsAt };
}

/** The party check and the timing rule for `action`: the meeting, the side, and the refusal if any. */
export async function allowed(actor: Actor, meetingId: string, action: keyof MeetingActions, now: Date) {
  const { meeting, party } = await assertMeetingParty(actor, meetingId);
  const state = await meetingStateOf(db, meeting, now);
  return { meeting, party, state, refusal: whyNot(action, state, party, now) };
}

export async function inTransaction<T>(work: (tx: Tx) => Promise<T>, values: FormValues): Promise<T | FormResult<never>> {
  try {
    return await db.$transaction(work);
  } catch (error) {
    if (error instanceof Changed) return invalid(values, {}, error.reason);
    throw error;
  }
}
