// A volunteer's load this month: how many sessions they may still take on before they reach the monthly
// capacity they chose, and whether they are paused. The month is their calendar month, in their zone.
// A pending invitation holds a place like a pending offer, so staff cannot invite someone past their limit.
// A group clinic in the month counts as one session, however many charities book it (issue 22).
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { dateInZone, zonedTimeToUtc } from '@/lib/time-zones';

export interface VolunteerLoad {
  capacity: number;
  /** Meetings SCHEDULED or HELD, and clinics in review or published, starting this calendar month. */
  booked: number;
  /** Offers still waiting for an answer. */
  pending: number;
  /** Invitations to help still waiting for the volunteer's answer. */
  invited: number;
  spare: number;
  paused: boolean;
  /** Why HalfHour paused them (three missed sessions); null when they paused themselves or are not paused. */
  pausedReason: string | null;
}

/** The first instant of the calendar month `now` falls in, and of the next one, in `timeZone`. */
export function monthBounds(now: Date, timeZone: string): { start: Date; end: Date } {
  const [year, month] = dateInZone(now, timeZone).split('-').map(Number) as [number, number];
  const next = month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
  const pad = (value: number) => String(value).padStart(2, '0');
  return {
    start: zonedTimeToUtc(`${year}-${pad(month)}-01`, '00:00', timeZone),
    end: zonedTimeToUtc(`${next.year}-${pad(next.month)}-01`, '00:00', timeZone),
  };
}

/** Paused: `pausedAt` set, and `pausedUntil` either unset or still to come. */
export function isPaused(profile: { pausedAt: Date | null; pausedUntil: Date | null }, now: Date): boolean {
  return profile.pausedAt !== null && (profile.pausedUntil === null || profile.pausedUntil > now);
}

export interface VolunteerLoadOptions {
  /**
   * Leave out the pending invitation to this ask: when the volunteer offers on an ask they were invited
   * to, the invitation becomes the offer, so the place it held is the one the offer takes.
   */
  exceptInvitationTo?: string;
  /** Count the sessions of the calendar month this instant falls in, rather than `now`'s: a clinic offered for next month. */
  month?: Date;
}

/**
 * The volunteer's load now. Someone without a volunteer profile has no capacity. Callers that act on
 * it (making an offer, inviting) lock the profile row first, so two at once cannot both fit under the limit.
 */
export async function volunteerLoad(
  db: Prisma.TransactionClient | PrismaClient,
  volunteerId: string,
  now: Date = new Date(),
  { exceptInvitationTo, month = now }: VolunteerLoadOptions = {},
): Promise<VolunteerLoad> {
  const profile = await db.volunteerProfile.findUnique({
    where: { userId: volunteerId },
    select: { monthlyCapacity: true, timeZone: true, pausedAt: true, pausedUntil: true, pausedReason: true },
  });
  if (!profile) return { capacity: 0, booked: 0, pending: 0, invited: 0, spare: 0, paused: false, pausedReason: null };
  const { start, end } = monthBounds(month, profile.timeZone);
  // One after another: `db` may be a transaction, whose one connection runs one statement at a time (pg 9
  // will refuse a second query sent before the first answered).
  const meetings = await db.meeting.count({
    where: { volunteerId, status: { in: ['SCHEDULED', 'HELD'] }, startsAt: { gte: start, lt: end } },
  });
  // Clinic(volunteerId, startsAt). One in review holds its place too, as a pending offer does.
  const clinics = await db.clinic.count({
    where: { volunteerId, status: { in: ['PENDING_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED'] }, startsAt: { gte: start, lt: end } },
  });
  const booked = meetings + clinics;
  const pending = await db.offer.count({ where: { volunteerId, status: 'PENDING' } });
  // Invitation(volunteerId, status).
  const invited = await db.invitation.count({
    where: { volunteerId, status: 'PENDING', ...(exceptInvitationTo ? { askId: { not: exceptInvitationTo } } : {}) },
  });
  const paused = isPaused(profile, now);
  return {
    capacity: profile.monthlyCapacity,
    booked,
    pending,
    invited,
    spare: Math.max(0, profile.monthlyCapacity - booked - pending - invited),
    paused,
    pausedReason: paused ? profile.pausedReason : null,
  };
}
