// A volunteer's load this month: how many sessions they may still take on before they reach the monthly
// capacity they chose, and whether they are paused. The month is their calendar month, in their zone.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { dateInZone, zonedTimeToUtc } from '@/lib/time-zones';

export interface VolunteerLoad {
  capacity: number;
  /** Meetings SCHEDULED or HELD starting this calendar month. */
  booked: number;
  /** Offers still waiting for an answer. */
  pending: number;
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

/**
 * The volunteer's load now. Someone without a volunteer profile has no capacity. Callers that act on
 * it (making an offer) lock the profile row first, so two offers at once cannot both fit under the limit.
 */
export async function volunteerLoad(
  db: Prisma.TransactionClient | PrismaClient,
  volunteerId: string,
  now: Date = new Date(),
): Promise<VolunteerLoad> {
  const profile = await db.volunteerProfile.findUnique({
    where: { userId: volunteerId },
    select: { monthlyCapacity: true, timeZone: true, pausedAt: true, pausedUntil: true, pausedReason: true },
  });
  if (!profile) return { capacity: 0, booked: 0, pending: 0, spare: 0, paused: false, pausedReason: null };
  const { start, end } = monthBounds(now, profile.timeZone);
  const [booked, pending] = await Promise.all([
    db.meeting.count({ where: { volunteerId, status: { in: ['SCHEDULED', 'HELD'] }, startsAt: { gte: start, lt: end } } }),
    db.offer.count({ where: { volunteerId, status: 'PENDING' } }),
  ]);
  const paused = isPaused(profile, now);
  return {
    capacity: profile.monthlyCapacity,
    booked,
    pending,
    spare: Math.max(0, profile.monthlyCapacity - booked - pending),
    paused,
    pausedReason: paused ? profile.pausedReason : null,
  };
}
