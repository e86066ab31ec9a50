// Moderating group clinics in the same queue as asks (/admin/asks, each its own card): approve (published at
// once, charities can book), send back with a note (the volunteer edits and resubmits) or reject with a reason.
// Each decision is one conditional update on a PENDING_REVIEW clinic, so of two admins deciding at once exactly
// one wins and the other is told; the volunteer's email is queued in the same transaction.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type Actor } from '@/lib/auth/actor';
import { clinicDetails, clinicEmailSelect } from '@/lib/clinics/emails';
import { CLINIC_DETAILS_SELECT } from '@/lib/clinics/queries';
import { clinicNoteSchema } from '@/lib/clinics/schema';
import { clinicStatusesFrom, nextClinicStatus } from '@/lib/clinics/transitions';
import { db } from '@/lib/db';
import type { EmailMessage } from '@/lib/email/messages';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';
import { MODERATION_PAGE_SIZE } from './asks';

type Decision = 'approve' | 'request-changes' | 'reject';

/** Clinics waiting for review, oldest first, with what an admin needs to judge them. */
export async function listClinicsAwaitingReview(actor: Actor) {
  assertAdmin(actor);
  // Clinic(status, submittedAt).
  const [clinics, total] = await Promise.all([
    db.clinic.findMany({
      where: { status: 'PENDING_REVIEW' },
      select: {
        ...CLINIC_DETAILS_SELECT,
        submittedAt: true,
        moderationNote: true,
        volunteer: { select: { id: true, name: true, email: true, status: true } },
      },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      take: MODERATION_PAGE_SIZE,
    }),
    db.clinic.count({ where: { status: 'PENDING_REVIEW' } }),
  ]);
  return { total, clinics };
}

export type ClinicAwaitingReview = Awaited<ReturnType<typeof listClinicsAwaitingReview>>['clinics'][number];

const ALREADY_DECIDED = 'Another admin has already decided this clinic, or its volunteer withdrew it. The queue below is up to date.';

const requestChangesSchema = clinicNoteSchema('Tell the volunteer what to change, so they can act on it (10 characters or more).');
const rejectSchema = clinicNoteSchema('Give the volunteer a reason they can understand (10 characters or more).');

async function decide(
  actor: Actor,
  clinicId: string,
  decision: Decision,
  note: string | null,
  now: Date,
): Promise<{ ok: true } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    const clinic = await tx.clinic.findUnique({ where: { id: clinicId }, select: { ...clinicEmailSelect, status: true } });
    if (!clinic) return { ok: false, message: ALREADY_DECIDED };
    if (decision === 'approve' && clinic.startsAt <= now) {
      return { ok: false, message: 'Its start has passed. Request changes so the volunteer can choose a new time.' };
    }
    if (decision === 'approve' && clinic.volunteer.status !== 'ACTIVE') {
      return { ok: false, message: 'Its volunteer’s account is suspended, so it cannot be published. Reject it instead.' };
    }
    const to = nextClinicStatus('PENDING_REVIEW', decision, 'admin')!;
    const { count } = await tx.clinic.updateMany({
      where: { id: clinicId, status: { in: clinicStatusesFrom(decision, 'admin') } },
      data: {
        status: to,
        moderatedById: actor.id,
        moderatedAt: now,
        moderationNote: note,
        ...(decision === 'approve' ? { publishedAt: now } : {}),
      },
    });
    if (count === 0) return { ok: false, message: ALREADY_DECIDED };
    await recordAudit(tx, {
      actorId: actor.id,
      action: { approve: 'clinic.approve', 'request-changes': 'clinic.request_changes', reject: 'clinic.reject' }[decision],
      target: { type: 'Clinic', id: clinicId },
      before: { status: clinic.status },
      after: { status: to },
      data: note ? { note } : undefined,
    });
    const volunteer = clinic.volunteer;
    if (volunteer.status === 'ACTIVE') {
      const details = clinicDetails(clinic, volunteer, { join: true });
      const message: EmailMessage =
        decision === 'approve'
          ? { kind: 'clinic-approved', data: details }
          : decision === 'request-changes'
            ? { kind: 'clinic-changes-requested', data: { ...details, note: note ?? '', editUrl: `${appUrl()}/clinics/${clinicId}/edit` } }
            : { kind: 'clinic-rejected', data: { ...details, note: note ?? '' } };
      // Keyed by the decision's moment: a clinic sent back, edited and sent back again is emailed each time.
      await queueEmail(tx, {
        to: volunteer.email,
        userId: volunteer.id,
        dedupeKey: `${message.kind}:${clinicId}:${now.getTime()}`,
        message,
      });
    }
    return { ok: true };
  });
}

/** An admin publishes a clinic: charities can see and book it at once; the volunteer is told. */
export async function approveClinic(actor: Actor, clinicId: string, now = new Date()): Promise<FormResult> {
  assertAdmin(actor);
  const decided = await decide(actor, clinicId, 'approve', null, now);
  return decided.ok ? { ok: true, data: undefined, message: 'Approved and published.' } : invalid({}, {}, decided.message);
}

async function decideWithNote(
  actor: Actor,
  clinicId: string,
  decision: 'request-changes' | 'reject',
  input: FormData | Record<string, unknown>,
  now: Date,
): Promise<FormResult> {
  assertAdmin(actor);
  const values = formValues(input);
  const parsed = parseForm(decision === 'reject' ? rejectSchema : requestChangesSchema, values);
  if (!parsed.ok) return parsed.result;
  const decided = await decide(actor, clinicId, decision, parsed.data.note, now);
  if (!decided.ok) return invalid(values, {}, decided.message);
  return {
    ok: true,
    data: undefined,
    message: decision === 'reject' ? 'Rejected. The volunteer sees your reason.' : 'Sent back to the volunteer with your message.',
  };
}

/** An admin sends a clinic back to its volunteer with what to change. */
export async function requestClinicChanges(actor: Actor, clinicId: string, input: FormData | Record<string, unknown>, now = new Date()) {
  return decideWithNote(actor, clinicId, 'request-changes', input, now);
}

/** An admin rejects a clinic with a reason the volunteer reads. */
export async function rejectClinic(actor: Actor, clinicId: string, input: FormData | Record<string, unknown>, now = new Date()) {
  return decideWithNote(actor, clinicId, 'reject', input, now);
}
