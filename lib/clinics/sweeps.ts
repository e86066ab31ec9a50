// The clinic sweeps, beside the meetings' (lib/meetings/sweeps.ts) and on the same schedules' rhythm
// (lib/jobs/schedules.ts): reminders 24 hours and 1 hour before a clinic, to the volunteer and each booked
// seat, and once it has ended a feedback request to each booked seat that has not given it. Idempotent: every
// email's dedupe key names the clinic (with its start, for reminders, so a moved clinic is reminded again),
// the seat and the person; two sweeps at once queue each email once (lib/email/outbox.ts queueSweepEmails).
import { DAY_MS } from '@/lib/dates';
import { queueSweepEmails, type SweepEmail } from '@/lib/email/outbox';
import type { TaskContext } from '@/lib/jobs/task-context';
import { clinicEmailSelect } from './emails';
import { recipientKey, sessionRecipients, sessionSeatSelect } from './session-emails';

const HOUR_MS = 3_600_000;
/** A seat booked less than this long before the start gets no 24-hour reminder: its booking email just came. */
const LATE_BOOKING_MS = 2 * HOUR_MS;
/** Feedback is asked for during the week after a clinic. */
const FEEDBACK_DAYS = 7;
const BATCH = 100;

type Lead = '24h' | '1h';

/** Which reminder is due `startsAt`, for a place taken at `bookedAt`: within the hour the 1-hour one, within the day the 24-hour one. */
export function clinicLeadFor(startsAt: Date, bookedAt: Date, now: Date): Lead | null {
  const until = startsAt.getTime() - now.getTime();
  if (until <= 0 || until > DAY_MS) return null;
  if (until <= HOUR_MS) return '1h';
  return startsAt.getTime() - bookedAt.getTime() > LATE_BOOKING_MS ? '24h' : null;
}

/**
 * PUBLISHED clinics starting within 24 hours: the reminder due to the volunteer (reckoned from publication) and
 * to each BOOKED seat (from its booking or offer). Keys `clinic-reminder-<lead>:<clinicId>:<startsAt>:...`.
 * queueEmail leaves out people who turned reminders off.
 */
export async function sendClinicReminders({ db, boss, appUrl }: TaskContext, now = new Date()): Promise<{ emails: string[] }> {
  const emails: string[] = [];
  let after: string | undefined;
  for (;;) {
    // Clinic(status, startsAt).
    const clinics = await db.clinic.findMany({
      where: { status: 'PUBLISHED', startsAt: { gt: now, lte: new Date(now.getTime() + DAY_MS) }, ...(after ? { id: { gt: after } } : {}) },
      select: {
        ...clinicEmailSelect,
        publishedAt: true,
        seatRows: { where: { status: 'BOOKED' }, select: { ...sessionSeatSelect, createdAt: true, offeredAt: true } },
      },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (clinics.length === 0) break;
    after = clinics.at(-1)!.id;
    const requests: SweepEmail[] = [];
    for (const clinic of clinics) {
      const start = clinic.startsAt.toISOString();
      const leadOf = (bookedAt: Date) => clinicLeadFor(clinic.startsAt, bookedAt, now);
      for (const recipient of await sessionRecipients(db, clinic, clinic.seatRows, { base: appUrl })) {
        const seat = clinic.seatRows.find((row) => row.id === recipient.seatId);
        const lead = leadOf(seat ? (seat.offeredAt ?? seat.createdAt) : (clinic.publishedAt ?? clinic.startsAt));
        if (!lead) continue;
        requests.push({
          to: recipient.to,
          userId: recipient.userId,
          dedupeKey: recipientKey(`clinic-reminder-${lead}:${clinic.id}:${start}`, recipient),
          message: { kind: 'clinic-reminder', data: { ...recipient.details, audience: recipient.audience, lead } },
        });
      }
    }
    emails.push(...(await queueSweepEmails({ db, boss }, requests)).map((email) => email.outboxId));
    if (clinics.length < BATCH) break;
  }
  return { emails };
}

/**
 * Clinics that ended in the last seven days: a 'clinic-feedback-request' to each BOOKED seat that has given no
 * feedback and was not marked as absent. Key `clinic-feedback-request:<clinicId>:<seatId>:<userId>`.
 */
export async function requestClinicFeedback({ db, boss, appUrl }: TaskContext, now = new Date()): Promise<{ emails: string[] }> {
  const emails: string[] = [];
  let after: string | undefined;
  for (;;) {
    const clinics = await db.clinic.findMany({
      where: {
        status: 'PUBLISHED',
        endsAt: { lte: now, gt: new Date(now.getTime() - FEEDBACK_DAYS * DAY_MS) },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: {
        ...clinicEmailSelect,
        seatRows: {
          where: { status: 'BOOKED', feedbackAt: null, OR: [{ attendance: null }, { attendance: 'ATTENDED' }] },
          select: sessionSeatSelect,
        },
      },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (clinics.length === 0) break;
    after = clinics.at(-1)!.id;
    const requests: SweepEmail[] = [];
    for (const clinic of clinics) {
      for (const recipient of await sessionRecipients(db, clinic, clinic.seatRows, { base: appUrl })) {
        if (!recipient.seatId) continue; // The volunteer marks attendance on the page; the request is the charities'.
        requests.push({
          to: recipient.to,
          userId: recipient.userId,
          dedupeKey: recipientKey(`clinic-feedback-request:${clinic.id}`, recipient),
          message: { kind: 'clinic-feedback-request', data: { ...recipient.details, heldAt: clinic.startsAt.toISOString() } },
        });
      }
    }
    emails.push(...(await queueSweepEmails({ db, boss }, requests)).map((email) => email.outboxId));
    if (clinics.length < BATCH) break;
  }
  return { emails };
}
