// The waiting list's turn: a freed seat is offered to the first in line (createdAt, then id) for 24 hours, or
// until the start if that is sooner; an offer not confirmed in time LAPSES and passes to the next. The sweep
// (lapseOfferedSeats, on a pg-boss schedule in lib/jobs/schedules.ts) finds lapsed offers; the seat moves
// themselves happen under the clinic's row lock, as every seat write does (lib/clinics/seats.ts), so a sweep,
// a late confirmation and a cancellation at once hand each seat on exactly once. No 'server-only' here: the
// job worker runs it outside Next.
import { recordAudit } from '@/lib/audit/record';
import type { ClinicStatus, Prisma } from '@/lib/generated/prisma/client';
import type { TaskContext } from '@/lib/jobs/task-context';
import { clinicDetails, queueSeatEmail, volunteerDisplayName, type EmailSetting } from './emails';
import { SEAT_OFFER_HOURS } from './limits';
import { nextSeatStatus, SEAT_HOLDING_STATUSES, seatStatusesFrom } from './transitions';

type Tx = Prisma.TransactionClient;
const HOUR_MS = 3_600_000;

/** Seat writes wait for the clinic's row lock while others race; give them longer than Prisma's 2 s default. */
export const SEAT_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;

export interface LockedClinic {
  id: string;
  status: ClinicStatus;
  startsAt: Date;
  timeZone: string;
  seats: number;
  volunteerId: string;
}

/**
 * Locks the clinic's row until the transaction ends and returns it as it stands; null when there is no such
 * clinic. Every write that books, frees or hands on a seat takes it first (lib/clinics/changes.ts's moves and cancellations too),
 * so the count of seats taken read after it is the truth until commit.
 */
export async function lockClinic(tx: Tx, clinicId: string): Promise<LockedClinic | null> {
  const [clinic] = await tx.$queryRaw<LockedClinic[]>`
    SELECT "id", "status"::text AS "status", "startsAt", "timeZone", "seats", "volunteerId"
      FROM "Clinic" WHERE "id" = ${clinicId} FOR UPDATE`;
  return clinic ?? null;
}

/** Seats taken (booked, or offered and waiting to be confirmed). Call under lockClinic. */
export async function seatsTaken(tx: Tx, clinicId: string): Promise<number> {
  return tx.clinicSeat.count({ where: { clinicId, status: { in: [...SEAT_HOLDING_STATUSES] } } });
}

/** The 'clinic-seat-booked' email to the seat's charity: how to join, the volunteer's email, a calendar invite. */
export async function queueSeatBooked(tx: Tx, seatId: string): Promise<void> {
  await queueSeatEmail(tx, seatId, `clinic-seat-booked:${seatId}`, (seat, contact) => {
    const volunteer = seat.clinic.volunteer;
    return {
      kind: 'clinic-seat-booked',
      data: {
        ...clinicDetails(seat.clinic, contact, {
          seatId: seat.id,
          join: true,
          // The invite names the volunteer and this charity's booker only, never the other charities.
          attendees: [
            { name: volunteerDisplayName(volunteer.name), email: volunteer.email },
            { name: contact.name, email: contact.email },
          ],
        }),
        organisationName: seat.organisation.name,
        question: seat.question,
        volunteerEmail: volunteer.email,
      },
    };
  });
}

/**
 * Offers the clinic's free seats to the first in line (createdAt, then id): each becomes OFFERED until 24 hours
 * from now (or the start, if sooner) and its charity is emailed. Nothing once the clinic is not published or has
 * started. Takes the clinic's lock itself (again, harmlessly, when the caller holds it). Returns the seats offered.
 */
export async function offerNextInLine(tx: Tx, clinicId: string, now: Date, setting: EmailSetting = {}): Promise<string[]> {
  const clinic = await lockClinic(tx, clinicId);
  if (!clinic || clinic.status !== 'PUBLISHED' || clinic.startsAt <= now) return [];
  const free = clinic.seats - (await seatsTaken(tx, clinicId));
  if (free <= 0) return [];
  const next = await tx.clinicSeat.findMany({
    where: { clinicId, status: 'WAITING' },
    select: { id: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: free,
  });
  const expiresAt = new Date(Math.min(now.getTime() + SEAT_OFFER_HOURS * HOUR_MS, clinic.startsAt.getTime()));
  const offered: string[] = [];
  for (const { id } of next) {
    const { count } = await tx.clinicSeat.updateMany({
      where: { id, status: { in: seatStatusesFrom('offer', 'system') } },
      data: { status: nextSeatStatus('WAITING', 'offer', 'system')!, offeredAt: now, offerExpiresAt: expiresAt },
    });
    if (count === 0) continue;
    offered.push(id);
    await recordAudit(tx, { actorId: null, action: 'clinic.seat.offer', target: { type: 'ClinicSeat', id }, data: { clinicId } });
    await queueSeatEmail(
      tx,
      id,
      `clinic-seat-offered:${id}`,
      (seat, contact) => ({
        kind: 'clinic-seat-offered',
        data: {
          ...clinicDetails(seat.clinic, contact, { seatId: seat.id, base: setting.appUrl }),
          organisationName: seat.organisation.name,
          expiresAt: expiresAt.toISOString(),
        },
      }),
      setting,
    );
  }
  return offered;
}

/**
 * Offered seats of this clinic not confirmed by their time become LAPSED, and the seats go to the next in line;
 * each lapsed charity is emailed ('clinic-seat-lapsed') in the same transaction.
 * Under the clinic's lock; the waiting list's sweep (waiting-list.ts) and a late confirmation both use it.
 */
export async function lapseExpiredOffers(
  tx: Tx,
  clinicId: string,
  now: Date,
  setting: EmailSetting = {},
): Promise<{ lapsed: string[]; offered: string[] }> {
  const clinic = await lockClinic(tx, clinicId);
  const lapsed = await tx.clinicSeat.updateManyAndReturn({
    where: { clinicId, status: { in: seatStatusesFrom('lapse', 'system') }, offerExpiresAt: { lte: now } },
    data: { status: nextSeatStatus('OFFERED', 'lapse', 'system')! },
    select: { id: true, offerExpiresAt: true },
  });
  for (const { id } of lapsed) {
    await recordAudit(tx, { actorId: null, action: 'clinic.seat.lapse', target: { type: 'ClinicSeat', id }, data: { clinicId } });
  }
  const offered = lapsed.length > 0 ? await offerNextInLine(tx, clinicId, now, setting) : [];
  // A cancelled clinic's charities have its cancellation email already; otherwise each lapsed charity hears
  // where its seat went. Seats are alike, so the first `offered.length` of them went to those next in line.
  if (clinic?.status === 'PUBLISHED') {
    for (const [index, seat] of lapsed.entries()) {
      const outcome = clinic.startsAt <= now ? 'started' : index < offered.length ? 'offered' : 'free';
      await queueSeatLapsed(tx, seat.id, seat.offerExpiresAt ?? now, outcome, setting);
    }
  }
  return { lapsed: lapsed.map((seat) => seat.id), offered };
}

/**
 * The 'clinic-seat-lapsed' email: the hold has ended, where the seat went, and that the charity is off the
 * waiting list but may join it again. Keyed by the seat, so a second sweep or a retried transaction sends it once.
 */
async function queueSeatLapsed(
  tx: Tx,
  seatId: string,
  heldUntil: Date,
  outcome: 'offered' | 'free' | 'started',
  setting: EmailSetting,
): Promise<void> {
  await queueSeatEmail(
    tx,
    seatId,
    `clinic-seat-lapsed:${seatId}`,
    (seat, contact) => ({
      kind: 'clinic-seat-lapsed',
      data: {
        ...clinicDetails(seat.clinic, contact, { seatId: seat.id, base: setting.appUrl }),
        organisationName: seat.organisation.name,
        heldUntil: heldUntil.toISOString(),
        outcome,
      },
    }),
    setting,
  );
}

/**
 * The sweep: every clinic with an offered seat past its time, one transaction each (the clinic's lock, the
 * lapse as a conditional update, the next offer and its email). Idempotent: a second run, or two at once,
 * finds nothing left to lapse. Returns the seats lapsed and the seats offered in their place.
 */
export async function lapseOfferedSeats(
  { db, boss, appUrl }: TaskContext,
  now = new Date(),
): Promise<{ lapsed: string[]; offered: string[] }> {
  // ClinicSeat(status, offerExpiresAt).
  const due = await db.clinicSeat.findMany({
    where: { status: 'OFFERED', offerExpiresAt: { lte: now } },
    select: { clinicId: true },
    distinct: ['clinicId'],
  });
  const result = { lapsed: [] as string[], offered: [] as string[] };
  for (const { clinicId } of due) {
    const one = await db.$transaction((tx) => lapseExpiredOffers(tx, clinicId, now, { boss, appUrl }), SEAT_TRANSACTION);
    result.lapsed.push(...one.lapsed);
    result.offered.push(...one.offered);
  }
  return result;
}
