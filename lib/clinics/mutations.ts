// A volunteer's clinic before it is published: offering it (sent for review, like an ask), editing it while
// it is in review or sent back with changes (which sends it for review again), and withdrawing it. Capacity is
// checked under the volunteer's profile row lock, as for offers (lib/offers/mutations.ts): a clinic counts as
// one session in its month. Status moves follow lib/clinics/transitions.ts as conditional updates.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { createOnce, recordSubmission, submissionOf } from '@/lib/form-submissions';
import { CORRECT_THE_PROBLEMS, formValues, invalid, type FieldErrors, type FormResult, type FormValues } from '@/lib/forms';
import type { Prisma } from '@/lib/generated/prisma/client';
import { calendarClash, lockVolunteerCalendar } from '@/lib/meetings/booking';
import { monthBounds, volunteerLoad } from '@/lib/offers/capacity';
import { assertOwnClinic, clinicOfferRefusal } from './policy';
import { parseClinicForm, type ClinicFields } from './schema';
import { clinicStatusesFrom, nextClinicStatus } from './transitions';

type Tx = Prisma.TransactionClient;
type Input = FormData | Record<string, unknown>;

/** The skills' ids for the slugs chosen, or a field error naming what is not a skill. */
async function skillIds(tx: Tx, slugs: string[]): Promise<{ ok: true; ids: string[] } | { ok: false; fieldErrors: FieldErrors }> {
  const skills = await tx.skill.findMany({ where: { slug: { in: slugs } }, select: { id: true } });
  if (skills.length !== new Set(slugs).size) return { ok: false, fieldErrors: { skills: ['Choose skills from the list.'] } };
  return { ok: true, ids: skills.map((skill) => skill.id) };
}

/**
 * Under the volunteer's profile lock (so two clinics offered at once cannot both take the last place): may they
 * offer a clinic starting `startsAt`? `editing` is a clinic being edited: already counted when it stays in the
 * same month, so it does not need a second place.
 */
async function capacityRefusal(
  tx: Tx,
  actor: Actor,
  startsAt: Date,
  now: Date,
  editing?: { startsAt: Date; timeZone: string },
): Promise<string | null> {
  const [profile] = await tx.$queryRaw<Array<{ timeZone: string }>>`
    SELECT "timeZone" FROM "VolunteerProfile" WHERE "userId" = ${actor.id} FOR UPDATE`;
  const load = await volunteerLoad(tx, actor.id, now, { month: startsAt });
  if (!profile) return clinicOfferRefusal({ hasProfile: false, load });
  const month = monthBounds(startsAt, profile.timeZone);
  const counted = editing && editing.startsAt >= month.start && editing.startsAt < month.end;
  return clinicOfferRefusal({ hasProfile: true, load: counted ? { ...load, spare: load.spare + 1 } : load });
}

/**
 * Under the volunteer's calendar lock (the one every booking and move takes): the error for the date field when
 * they already have a session, or run another clinic, at an overlapping time; null when the time is free.
 * `exceptClinicId` is the clinic being edited or moved.
 */
export async function clinicTimeClash(
  tx: Tx,
  volunteerId: string,
  time: { startsAt: Date; endsAt: Date },
  exceptClinicId?: string,
): Promise<string | null> {
  await lockVolunteerCalendar(tx, volunteerId);
  const clash = await calendarClash(tx, volunteerId, time, { exceptClinicId });
  if (clash === 'session') return 'You have a session booked at an overlapping time. Choose a time that is free.';
  if (clash === 'clinic') return 'You run another group clinic at an overlapping time. Choose a time that is free.';
  return null;
}

async function volunteerZone(actor: Actor): Promise<string | null> {
  const profile = await db.volunteerProfile.findUnique({ where: { userId: actor.id }, select: { timeZone: true } });
  return profile?.timeZone ?? null;
}

function clinicData(fields: ClinicFields, timeZone: string) {
  return {
    topic: fields.topic,
    description: fields.description,
    bring: fields.bring,
    startsAt: fields.startsAt,
    endsAt: fields.endsAt,
    timeZone,
    medium: fields.medium,
    joinDetails: fields.joinDetails,
    seats: fields.seats,
  };
}

const NO_PROFILE = 'Create your volunteer profile before offering a clinic, so charities can see what you bring.';

/** Reads and checks the form for `actor`; the values kept and the errors keyed by field, or the clinic's fields. */
function readForm(values: FormValues, timeZone: string, now: Date) {
  const parsed = parseClinicForm(values, { now, timeZone });
  if (!parsed.ok) return { ok: false as const, result: invalid(values, parsed.fieldErrors, CORRECT_THE_PROBLEMS) };
  return parsed;
}

/**
 * A volunteer offers a group clinic: written as PENDING_REVIEW for an admin to check (the queue at /admin/asks).
 * Refused when they have no profile, are paused or suspended, or the clinic's month is full. A second post of
 * the same form creates nothing new (docs/decisions/0022).
 */
export async function offerClinic(actor: Actor, input: Input, now = new Date()): Promise<FormResult<{ id: string }>> {
  assertActive(actor);
  const values = formValues(input);
  const timeZone = await volunteerZone(actor);
  if (!timeZone) return invalid(values, {}, NO_PROFILE);
  const form = readForm(values, timeZone, now);
  if (!form.ok) return form.result;
  const fields = form.data;
  const submission = submissionOf(actor.id, 'clinic', values);
  return createOnce(
    submission,
    () =>
      db.$transaction(async (tx) => {
        const refusal = await capacityRefusal(tx, actor, fields.startsAt, now);
        if (refusal) return invalid(values, {}, refusal);
        const clash = await clinicTimeClash(tx, actor.id, fields);
        if (clash) return invalid(values, { date: [clash] }, CORRECT_THE_PROBLEMS);
        const skills = await skillIds(tx, fields.skills);
        if (!skills.ok) return invalid(values, skills.fieldErrors, CORRECT_THE_PROBLEMS);
        const clinic = await tx.clinic.create({
          data: {
            ...clinicData(fields, timeZone),
            volunteerId: actor.id,
            status: 'PENDING_REVIEW',
            submittedAt: now,
            skills: { create: skills.ids.map((skillId) => ({ skillId })) },
          },
          select: { id: true },
        });
        await recordAudit(tx, { actorId: actor.id, action: 'clinic.offer', target: { type: 'Clinic', id: clinic.id } });
        await recordSubmission(tx, submission, clinic.id);
        return {
          ok: true as const,
          data: { id: clinic.id },
          message: 'Thank you. Your clinic is sent for review; we will email you when it is published, usually within a day.',
        };
      }),
    async (id) => ({ ok: true as const, data: { id }, message: 'Your clinic is sent for review.' }),
  );
}

/**
 * The volunteer edits their clinic while it is in review or sent back with changes; saving sends it for review
 * (again). A published clinic is moved or cancelled instead (lib/clinics/changes.ts), so charities are told.
 */
export async function editClinic(actor: Actor, clinicId: string, input: Input, now = new Date()): Promise<FormResult<{ id: string }>> {
  const clinic = await assertOwnClinic(actor, clinicId);
  const values = formValues(input);
  if (!clinicStatusesFrom('edit', 'volunteer').includes(clinic.status)) {
    return invalid(values, {}, 'This clinic can no longer be edited: only a clinic in review or sent back with changes can be.');
  }
  const timeZone = (await volunteerZone(actor)) ?? clinic.timeZone;
  const form = readForm(values, timeZone, now);
  if (!form.ok) return form.result;
  const fields = form.data;
  return db.$transaction(async (tx) => {
    const refusal = await capacityRefusal(tx, actor, fields.startsAt, now, clinic);
    if (refusal) return invalid(values, {}, refusal);
    const clash = await clinicTimeClash(tx, actor.id, fields, clinicId);
    if (clash) return invalid(values, { date: [clash] }, CORRECT_THE_PROBLEMS);
    const skills = await skillIds(tx, fields.skills);
    if (!skills.ok) return invalid(values, skills.fieldErrors, CORRECT_THE_PROBLEMS);
    const { count } = await tx.clinic.updateMany({
      where: { id: clinicId, volunteerId: actor.id, status: { in: clinicStatusesFrom('edit', 'volunteer') } },
      data: {
        ...clinicData(fields, timeZone),
        status: nextClinicStatus(clinic.status, 'edit', 'volunteer') ?? 'PENDING_REVIEW',
        submittedAt: now,
      },
    });
    if (count === 0)
      return invalid(values, {}, 'An admin decided this clinic a moment ago, so it can no longer be edited. Reload to see it.');
    await tx.clinicSkill.deleteMany({ where: { clinicId } });
    await tx.clinicSkill.createMany({ data: skills.ids.map((skillId) => ({ clinicId, skillId })) });
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clinic.edit',
      target: { type: 'Clinic', id: clinicId },
      before: { status: clinic.status },
      after: { status: 'PENDING_REVIEW' },
    });
    return { ok: true as const, data: { id: clinicId }, message: 'Saved and sent for review. We will email you when it is published.' };
  });
}

/** The volunteer takes back their clinic before it is published. */
export async function withdrawClinic(actor: Actor, clinicId: string): Promise<FormResult<{ id: string }>> {
  const clinic = await assertOwnClinic(actor, clinicId);
  return db.$transaction(async (tx) => {
    const { count } = await tx.clinic.updateMany({
      where: { id: clinicId, volunteerId: actor.id, status: { in: clinicStatusesFrom('withdraw', 'volunteer') } },
      data: { status: nextClinicStatus(clinic.status, 'withdraw', 'volunteer') ?? 'WITHDRAWN' },
    });
    if (count === 0) {
      const current = await tx.clinic.findUnique({ where: { id: clinicId }, select: { status: true } });
      return invalid(
        {},
        {},
        current?.status === 'PUBLISHED'
          ? 'This clinic is published, so charities may have booked. Cancel it instead, so they are told.'
          : 'This clinic can no longer be withdrawn.',
      );
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'clinic.withdraw',
      target: { type: 'Clinic', id: clinicId },
      before: { status: clinic.status },
      after: { status: 'WITHDRAWN' },
    });
    return { ok: true as const, data: { id: clinicId }, message: 'Your clinic is withdrawn.' };
  });
}
