// A charity's seat at a clinic: booking one, joining the waiting list when every seat is taken, giving it up,
// and the waiting list's turn (a freed seat offered to the first in line for 24 hours, confirmed or declined).
//
// Seats never exceed Clinic.seats: every write that takes, frees or hands on a seat first locks the clinic's row
// (lockClinic, SELECT ... FOR UPDATE) and counts BOOKED and OFFERED seats in the same transaction, so fifty
// charities booking the last seats at once queue on that lock and each reads what the one before committed
// (tests/integration/clinics-booking.test.ts). The partial unique index ClinicSeat_one_live_per_organisation
// keeps one live seat or place per organisation even if a write ever forgot the lock.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { blocksBetween } from '@/lib/blocks/policy';
import { isUniqueViolation } from '@/lib/database/errors';
import { db } from '@/lib/db';
import { CORRECT_THE_PROBLEMS, formValues, invalid, parseForm, type FormResult, type FormValues } from '@/lib/forms';
import type { ClinicSeatStatus } from '@/lib/generated/prisma/client';
import { clinicDetails, queueSeatEmail } from './emails';
import { SEAT_OFFER_HOURS } from './limits';
import { assertSeatStaff, seatRefusal, staffOrganisations, staffSeatWhere } from './policy';
import { seatSchema } from './schema';
import { nextSeatStatus, SEAT_HOLDING_STATUSES, seatStatusesFrom } from './transitions';
import { lapseExpiredOffers, lockClinic, offerNextInLine, queueSeatBooked, SEAT_TRANSACTION, seatsTaken } from './waiting-list';

type Input = FormData | Record<string, unknown>;

const fullMessage = (seats: number) => `All ${seats} seats are taken. You can join the waiting list.`;

function liveSeatMessage(status: ClinicSeatStatus): string {
  if (status === 'BOOKED') return 'Your organisation already has a seat at this clinic. Your question is below.';
  if (status === 'OFFERED') return 'A seat is being held for your organisation: confirm it below.';
  return 'Your organisation is already on the waiting list for this clinic.';
}

/**
 * Which of the actor's organisations the seat is for: the one chosen in the form (it must be theirs), or their
 * only verified one. AccessDenied for someone who is staff of no organisation: booking is for charities.
 */
async function chooseOrganisation(
  actor: Actor,
  values: FormValues,
  chosen: string | null,
): Promise<{ ok: true; organisationId: string } | { ok: false; result: FormResult<never> }> {
  const organisations = await staffOrganisations(actor);
  if (organisations.length === 0) throw new AccessDenied('Staff of an organisation only');
  if (chosen) {
    if (organisations.some((organisation) => organisation.id === chosen)) return { ok: true, organisationId: chosen };
    return { ok: false, result: invalid(values, { organisationId: ['Choose one of your organisations.'] }, CORRECT_THE_PROBLEMS) };
  }
  const verified = organisations.filter((organisation) => organisation.status === 'VERIFIED');
  const only = organisations.length === 1 ? organisations[0] : verified.length === 1 ? verified[0] : undefined;
  if (only) return { ok: true, organisationId: only.id };
  return { ok: false, result: invalid(values, { organisationId: ['Choose which organisation this seat is for.'] }, CORRECT_THE_PROBLEMS) };
}

type SeatKind = 'seat' | 'waiting';

/** Booking a seat and joining the waiting list: the same checks under the clinic's lock, then one insert. */
async function takePlace(actor: Actor, clinicId: string, input: Input, kind: SeatKind, now: Date): Promise<FormResult<{ seatId: string }>> {
  assertActive(actor);
  const values = formValues(input);
  // A clinic not yet published (or withdrawn, rejected) is not there as far as a charity knows.
  const visible = await db.clinic.findFirst({ where: { id: clinicId, status: { in: ['PUBLISHED', 'CANCELLED'] } }, select: { id: true } });
  if (!visible) throw new AccessDenied();
  const parsed = parseForm(seatSchema, values);
  const chosen = await chooseOrganisation(actor, values, parsed.ok ? parsed.data.organisationId : null);
  if (!chosen.ok) return chosen.result;
  const { organisationId } = chosen;

  try {
    return await db.$transaction(async (tx) => {
      const clinic = (await lockClinic(tx, clinicId))!;
      // In turn: a transaction's one connection runs one statement at a time.
      const organisation = await tx.organisation.findUniqueOrThrow({ where: { id: organisationId }, select: { status: true } });
      const blocks = await blocksBetween(tx, organisationId, clinic.volunteerId);
      const volunteer = await tx.user.findUniqueOrThrow({ where: { id: clinic.volunteerId }, select: { status: true } });
      const refusal = seatRefusal({ clinic, volunteerActive: volunteer.status === 'ACTIVE', organisation, blocks, actorId: actor.id, now });
      if (refusal) return invalid(values, {}, refusal);
      const live = await tx.clinicSeat.findFirst({
        where: { clinicId, organisationId, status: { in: ['BOOKED', 'OFFERED', 'WAITING'] } },
        select: { status: true },
      });
      if (live) return invalid(values, {}, liveSeatMessage(live.status));
      if (!parsed.ok) return parsed.result;

      const taken = await seatsTaken(tx, clinicId);
      if (kind === 'seat' && taken >= clinic.seats) return invalid(values, {}, fullMessage(clinic.seats));
      if (kind === 'waiting' && taken < clinic.seats) {
        return invalid(values, {}, 'A seat is free at this clinic, so there is no need to wait: book it instead.');
      }
      const seat = await tx.clinicSeat.create({
        data: {
          clinicId,
          organisationId,
          bookedById: actor.id,
          question: parsed.data.question,
          status: kind === 'seat' ? 'BOOKED' : 'WAITING',
        },
        select: { id: true, createdAt: true },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: kind === 'seat' ? 'clinic.seat.book' : 'clinic.seat.wait',
        target: { type: 'ClinicSeat', id: seat.id },
        data: { clinicId, organisationId },
      });
      if (kind === 'seat') {
        await queueSeatBooked(tx, seat.id);
        return {
          ok: true as const,
          data: { seatId: seat.id },
          message: 'Your seat is booked. We have emailed you the details and a calendar invite.',
        };
      }
      const position = await tx.clinicSeat.count({
        where: {
          clinicId,
          status: 'WAITING',
          OR: [{ createdAt: { lt: seat.createdAt } }, { createdAt: seat.createdAt, id: { lte: seat.id } }],
        },
      });
      await queueSeatEmail(tx, seat.id, `clinic-waiting-list-joined:${seat.id}`, (row, contact) => ({
        kind: 'clinic-waiting-list-joined',
        data: { ...clinicDetails(row.clinic, contact, { seatId: row.id }), organisationName: row.organisation.name, position },
      }));
      return {
        ok: true as const,
        data: { seatId: seat.id },
        message: `You are on the waiting list, number ${position} in line. If a seat comes free we will email you, and hold it for you for ${SEAT_OFFER_HOURS} hours.`,
      };
    }, SEAT_TRANSACTION);
  } catch (error) {
    // Cannot happen under the clinic's lock; if a write ever skipped it, the index still says no.
    if (isUniqueViolation(error, 'ClinicSeat_one_live_per_organisation')) {
      return invalid(values, {}, 'Your organisation already has a seat or a place on the waiting list for this clinic.');
    }
    throw error;
  }
}

/**
 * Staff book one seat for their organisation with their one question. Refused with a reason when the clinic is
 * not open, has started, is the actor's own, a block stands between, the organisation is not verified or already
 * has a place, or every seat is taken ("All N seats are taken. You can join the waiting list.").
 */
export async function bookSeat(actor: Actor, clinicId: string, input: Input, now = new Date()): Promise<FormResult<{ seatId: string }>> {
  return takePlace(actor, clinicId, input, 'seat', now);
}

/** Staff join the waiting list of a full clinic with their one question; refused when a seat is free. */
export async function joinWaitingList(
  actor: Actor,
  clinicId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ seatId: string }>> {
  return takePlace(actor, clinicId, input, 'waiting', now);
}

/** Staff confirm the seat offered to them: it is booked, and they get the booking email with its invite. */
export async function confirmSeat(actor: Actor, seatId: string, now = new Date()): Promise<FormResult<{ clinicId: string }>> {
  const seat = await assertSeatStaff(actor, seatId);
  return db.$transaction(async (tx) => {
    await lockClinic(tx, seat.clinicId);
    const { count } = await tx.clinicSeat.updateMany({
      where: { ...staffSeatWhere(actor, seatId), status: { in: seatStatusesFrom('confirm', 'staff') }, offerExpiresAt: { gt: now } },
      data: { status: nextSeatStatus('OFFERED', 'confirm', 'staff')!, offerExpiresAt: null, bookedById: actor.id },
    });
    if (count === 0) {
      const current = await tx.clinicSeat.findUniqueOrThrow({ where: { id: seatId }, select: { status: true } });
      if (current.status === 'BOOKED') return invalid({}, {}, 'This seat is already booked for your organisation.');
      if (current.status === 'OFFERED' || current.status === 'LAPSED') {
        // Its time ran out before the sweep came by: pass it on now, as the sweep would.
        await lapseExpiredOffers(tx, seat.clinicId, now);
        return invalid({}, {}, 'The 24 hours to confirm this seat have passed, so it went to the next charity in line.');
      }
      return invalid({}, {}, 'This seat is no longer being held for your organisation.');
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clinic.seat.confirm',
      target: { type: 'ClinicSeat', id: seatId },
      before: { status: 'OFFERED' },
      after: { status: 'BOOKED' },
    });
    await queueSeatBooked(tx, seatId);
    return {
      ok: true as const,
      data: { clinicId: seat.clinicId },
      message: 'Your seat is booked. We have emailed you the details and a calendar invite.',
    };
  }, SEAT_TRANSACTION);
}

/** Staff say no to the seat offered to them: it goes to the next in line at once. */
export async function declineSeat(actor: Actor, seatId: string, now = new Date()): Promise<FormResult<{ clinicId: string }>> {
  const seat = await assertSeatStaff(actor, seatId);
  return db.$transaction(async (tx) => {
    await lockClinic(tx, seat.clinicId);
    const { count } = await tx.clinicSeat.updateMany({
      where: { ...staffSeatWhere(actor, seatId), status: { in: seatStatusesFrom('decline', 'staff') } },
      data: { status: nextSeatStatus('OFFERED', 'decline', 'staff')!, cancelledAt: now },
    });
    if (count === 0) return invalid({}, {}, 'This seat is no longer being held for your organisation.');
    await recordAudit(tx, { actorId: actor.id, action: 'clinic.seat.decline', target: { type: 'ClinicSeat', id: seatId } });
    await offerNextInLine(tx, seat.clinicId, now);
    return {
      ok: true as const,
      data: { clinicId: seat.clinicId },
      message: 'Thank you for letting us know. The seat has gone to the next charity in line.',
    };
  }, SEAT_TRANSACTION);
}

/**
 * Staff give up their seat, their offered seat or their place on the waiting list, until the clinic starts. A
 * seat given up is offered in the same transaction to the first in line. Also the one-click "I can no longer
 * come" of a moved clinic's email (lib/clinics/changes.ts).
 */
export async function cancelSeat(
  actor: Actor,
  seatId: string,
  now = new Date(),
): Promise<FormResult<{ clinicId: string; offeredTo: string[] }>> {
  const seat = await assertSeatStaff(actor, seatId);
  return db.$transaction(async (tx) => {
    const clinic = (await lockClinic(tx, seat.clinicId))!;
    if (clinic.startsAt <= now) return invalid({}, {}, 'This clinic has already started, so the seat can no longer be given up.');
    const before = await tx.clinicSeat.findUniqueOrThrow({ where: { id: seatId }, select: { status: true } });
    const { count } = await tx.clinicSeat.updateMany({
      where: { ...staffSeatWhere(actor, seatId), status: { in: seatStatusesFrom('cancel', 'staff') } },
      data: { status: nextSeatStatus(before.status, 'cancel', 'staff') ?? 'CANCELLED', cancelledAt: now },
    });
    if (count === 0) return invalid({}, {}, 'Your organisation has already given up this seat.');
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clinic.seat.cancel',
      target: { type: 'ClinicSeat', id: seatId },
      before: { status: before.status },
      after: { status: 'CANCELLED' },
    });
    const offeredTo = SEAT_HOLDING_STATUSES.includes(before.status) ? await offerNextInLine(tx, seat.clinicId, now) : [];
    const message =
      before.status === 'WAITING'
        ? 'You have left the waiting list.'
        : 'Your seat is given up. Thank you for letting the next charity have it.';
    return { ok: true as const, data: { clinicId: seat.clinicId, offeredTo }, message };
  }, SEAT_TRANSACTION);
}
