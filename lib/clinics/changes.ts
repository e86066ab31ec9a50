// Changing a published clinic: the volunteer moves it, or the volunteer or an admin cancels it. Both raise the
// clinic's SEQUENCE and tell everyone with a live seat or place, and the volunteer, in the same transaction,
// under the clinic's row lock (as every seat write takes it, lib/clinics/waiting-list.ts), so a booking at the
// same moment is either told about the change or sees it. A move carries each charity's one-click "I can no
// longer come"; a cancellation gives up every seat and sends METHOD:CANCEL to those who hold the event.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { EmailMessage } from '@/lib/email/messages';
import { queueEmail } from '@/lib/email/outbox';
import { CORRECT_THE_PROBLEMS, formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import type { Prisma } from '@/lib/generated/prisma/client';
import { MAX_AHEAD_DAYS } from '@/lib/offers/times';
import { clinicEmailSelect, clinicUrl, volunteerDisplayName, type ClinicForEmail } from './emails';
import { clinicTimeClash } from './mutations';
import { recipientKey, sessionRecipients, sessionSeatSelect, type SessionRecipient } from './session-emails';
import { cancelClinicSchema, moveClinicSchema } from './session-schema';
import { typedStart } from './session-times';
import { clinicStatusesFrom, LIVE_SEAT_STATUSES, nextClinicStatus, seatStatusesFrom } from './transitions';
import { lockClinic, SEAT_TRANSACTION } from './waiting-list';

type Tx = Prisma.TransactionClient;
type Input = FormData | Record<string, unknown>;

const STARTED = 'This clinic has already started, so it can no longer be changed.';

/** The page where a charity gives up its seat in one click, linked from a moved clinic's email. */
export function giveUpUrl(clinicId: string, seatId: string): string {
  return `${clinicUrl(clinicId)}/give-up?seat=${encodeURIComponent(seatId)}`;
}

/** Every live seat of the clinic and the volunteer, each sent the message `build` makes for them, once per `key`. */
async function tellEveryone(
  tx: Tx,
  clinic: ClinicForEmail,
  key: string,
  build: (recipient: SessionRecipient) => EmailMessage,
): Promise<void> {
  const seats = await tx.clinicSeat.findMany({
    where: { clinicId: clinic.id, status: { in: [...LIVE_SEAT_STATUSES] } },
    select: sessionSeatSelect,
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  for (const recipient of await sessionRecipients(tx, clinic, seats)) {
    await queueEmail(tx, {
      to: recipient.to,
      userId: recipient.userId,
      dedupeKey: recipientKey(key, recipient),
      message: build(recipient),
    });
  }
}

/**
 * The volunteer moves their published clinic to a new date and time (in the clinic's zone), keeping its length.
 * SEQUENCE rises; every charity with a seat, an offered seat or a place in line is told, with a link to give it
 * up, and the volunteer and booked charities get the updated invite. An offered seat's 24 hours end at the new
 * start if that comes sooner.
 */
export async function moveClinic(
  actor: Actor,
  clinicId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ sequence: number }>> {
  assertActive(actor);
  const values = formValues(input);
  const own = await db.clinic.findFirst({ where: { id: clinicId, volunteerId: actor.id }, select: { id: true, timeZone: true } });
  if (!own) throw new AccessDenied();
  const parsed = parseForm(moveClinicSchema, values);
  if (!parsed.ok) return parsed.result;
  // Read in the clinic's zone, by the clinic form's rules: two hours to 60 days ahead.
  const start = typedStart(values, parsed.data, { zone: own.timeZone, now, maxDays: MAX_AHEAD_DAYS });
  if (!start.ok) return start.result;
  const { startsAt } = start;

  return db.$transaction(async (tx) => {
    const locked = await lockClinic(tx, clinicId);
    if (!locked || locked.volunteerId !== actor.id) throw new AccessDenied();
    if (locked.status !== 'PUBLISHED') {
      return invalid(values, {}, 'Only a published clinic can be moved. While it waits for review, edit it instead.');
    }
    if (locked.startsAt <= now) return invalid(values, {}, STARTED);
    if (locked.startsAt.getTime() === startsAt.getTime()) {
      return invalid(values, { date: ['That is the time the clinic already has. Choose a new date or time.'] }, CORRECT_THE_PROBLEMS);
    }
    const before = await tx.clinic.findUniqueOrThrow({ where: { id: clinicId }, select: { startsAt: true, endsAt: true } });
    const endsAt = new Date(startsAt.getTime() + (before.endsAt.getTime() - before.startsAt.getTime()));
    const clash = await clinicTimeClash(tx, actor.id, { startsAt, endsAt }, clinicId);
    if (clash) return invalid(values, { date: [clash] }, CORRECT_THE_PROBLEMS);
    const clinic = await tx.clinic.update({
      where: { id: clinicId },
      data: { startsAt, endsAt, sequence: { increment: 1 } },
      select: clinicEmailSelect,
    });
    // A seat held for a charity to confirm is never held past the start.
    await tx.clinicSeat.updateMany({
      where: { clinicId, status: 'OFFERED', offerExpiresAt: { gt: startsAt } },
      data: { offerExpiresAt: startsAt },
    });
    const previousStartsAt = before.startsAt.toISOString();
    await tellEveryone(tx, clinic, `clinic-moved:${clinicId}:${clinic.sequence}`, (recipient) => ({
      kind: 'clinic-moved',
      data: {
        ...recipient.details,
        audience: recipient.audience,
        previousStartsAt,
        giveUpUrl: recipient.seatId ? giveUpUrl(clinicId, recipient.seatId) : null,
      },
    }));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clinic.move',
      target: { type: 'Clinic', id: clinicId },
      before: { startsAt: previousStartsAt },
      after: { startsAt: startsAt.toISOString() },
    });
    return {
      ok: true as const,
      data: { sequence: clinic.sequence },
      message: 'The clinic has moved. We have told every charity, and sent you and them the updated calendar invite.',
    };
  }, SEAT_TRANSACTION);
}

/**
 * The volunteer, or an admin, calls off a published clinic before it starts, with a reason the charities read.
 * Every live seat and place is given up; everyone is told; the volunteer and booked charities get METHOD:CANCEL.
 */
export async function cancelClinic(
  actor: Actor,
  clinicId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ sequence: number }>> {
  assertActive(actor);
  const values = formValues(input);
  const by = actor.role === 'ADMIN' ? 'admin' : 'volunteer';
  const visible = await db.clinic.findFirst({
    where: { id: clinicId, ...(by === 'admin' ? {} : { volunteerId: actor.id }) },
    select: { id: true },
  });
  if (!visible) throw new AccessDenied();
  const parsed = parseForm(cancelClinicSchema, values);
  if (!parsed.ok) return parsed.result;
  const { reason } = parsed.data;

  return db.$transaction(async (tx) => {
    const locked = await lockClinic(tx, clinicId);
    if (!locked || (by === 'volunteer' && locked.volunteerId !== actor.id)) throw new AccessDenied();
    if (!clinicStatusesFrom('cancel', by).includes(locked.status)) {
      return invalid(
        values,
        {},
        locked.status === 'CANCELLED'
          ? 'This clinic is already cancelled.'
          : 'Only a published clinic can be cancelled. While it waits for review, withdraw it instead.',
      );
    }
    if (locked.startsAt <= now) return invalid(values, {}, STARTED);
    // Read before the seats are given up: who held what decides what each is told.
    const seats = await tx.clinicSeat.findMany({
      where: { clinicId, status: { in: seatStatusesFrom('cancel', 'system') } },
      select: sessionSeatSelect,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    });
    const clinic = await tx.clinic.update({
      where: { id: clinicId },
      data: { status: nextClinicStatus('PUBLISHED', 'cancel', by)!, cancelledAt: now, cancelReason: reason, sequence: { increment: 1 } },
      select: clinicEmailSelect,
    });
    await tx.clinicSeat.updateMany({
      where: { clinicId, status: { in: seatStatusesFrom('cancel', 'system') } },
      data: { status: 'CANCELLED', cancelledAt: now, offerExpiresAt: null },
    });
    const cancelledByName = by === 'admin' ? 'The HalfHour team' : volunteerDisplayName(clinic.volunteer.name);
    const key = `clinic-cancelled:${clinicId}`;
    for (const recipient of await sessionRecipients(tx, clinic, seats)) {
      await queueEmail(tx, {
        to: recipient.to,
        userId: recipient.userId,
        dedupeKey: recipientKey(key, recipient),
        message: {
          kind: 'clinic-cancelled',
          data: { ...recipient.details, joinDetails: null, audience: recipient.audience, cancelledByName, reason },
        },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clinic.cancel',
      target: { type: 'Clinic', id: clinicId },
      before: { status: 'PUBLISHED' },
      after: { status: 'CANCELLED' },
      data: { reason, by, seats: seats.length },
    });
    return {
      ok: true as const,
      data: { sequence: clinic.sequence },
      message: 'The clinic is cancelled. We have told every charity and sent the calendar cancellation.',
    };
  }, SEAT_TRANSACTION);
}
