// A volunteer's own profile: skills, how they meet, how much they give, and pausing.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { CORRECT_THE_PROBLEMS, fieldErrorsFrom, formValues, inFieldOrder, invalid, parseForm, type FormResult } from '@/lib/forms';
import { withdrawPendingOffers } from '@/lib/offers/withdrawals';
import { pauseSchema, skillLevelsFrom, volunteerProfileSchema } from './schema';

export async function saveVolunteerProfile(actor: Actor, input: FormData | Record<string, unknown>): Promise<FormResult> {
  assertActive(actor);
  const values = formValues(input);
  const parsed = volunteerProfileSchema.safeParse({ ...values, skills: skillLevelsFrom(values) });
  if (!parsed.success) {
    // In the form's order, so the error summary reads from top to bottom (the region check comes last from zod).
    return invalid(values, inFieldOrder(fieldErrorsFrom(parsed.error), Object.keys(volunteerProfileSchema.shape)), CORRECT_THE_PROBLEMS);
  }
  const { skills, ...profile } = parsed.data;

  const known = await db.skill.count({ where: { id: { in: skills.map((s) => s.skillId) } } });
  if (known !== new Set(skills.map((s) => s.skillId)).size) {
    return invalid(values, { skills: ['Some of those skills are not in our list any more. Please choose again.'] });
  }

  const existed = await db.$transaction(async (tx) => {
    const previous = await tx.volunteerProfile.findUnique({ where: { userId: actor.id }, select: { id: true } });
    const saved = await tx.volunteerProfile.upsert({
      where: { userId: actor.id },
      create: { userId: actor.id, ...profile },
      update: profile,
      select: { id: true },
    });
    await tx.volunteerSkill.deleteMany({ where: { volunteerProfileId: saved.id } });
    await tx.volunteerSkill.createMany({
      data: skills.map((skill) => ({ volunteerProfileId: saved.id, skillId: skill.skillId, level: skill.level })),
    });
    await tx.user.update({ where: { id: actor.id }, data: { timeZone: profile.timeZone } });
    return previous !== null;
  });
  // A new volunteer is one more on the home page's figures.
  return {
    ok: true,
    data: undefined,
    message: existed ? 'Your volunteer profile is saved.' : 'Your volunteer profile is ready. Charities can now find you.',
  };
}

/** One click: no new asks are suggested to them until they resume (or the date passes), and waiting offers are withdrawn. */
export async function pauseVolunteering(actor: Actor, input: FormData | Record<string, unknown>): Promise<FormResult> {
  assertActive(actor);
  const values = formValues(input);
  const parsed = parseForm(pauseSchema, values);
  if (!parsed.ok) return parsed.result;
  // Their waiting offers go in the same transaction: no charity accepts an offer from someone paused.
  const withdrawn = await db.$transaction(async (tx) => {
    const { count } = await tx.volunteerProfile.updateMany({
      where: { userId: actor.id },
      data: { pausedAt: new Date(), pausedUntil: parsed.data.pausedUntil },
    });
    if (count === 0) return null;
    return withdrawPendingOffers(tx, actor.id, 'paused');
  });
  if (withdrawn === null) return invalid(values, {}, 'Create your volunteer profile first.');
  // One volunteer fewer on the home page; the asks they had offered on count fewer offers.
  const offers =
    withdrawn.length === 0
      ? ''
      : ` Your ${withdrawn.length === 1 ? 'waiting offer has' : `${withdrawn.length} waiting offers have`} been withdrawn and the charities told.`;
  return { ok: true, data: undefined, message: `You are paused. Charities will not see you in suggestions until you resume.${offers}` };
}

/**
 * Ends a pause the volunteer chose. A pause HalfHour made (three missed sessions, `pausedReason` set) is
 * not theirs to end: an admin lifts it (lib/moderation/users.ts). Returns whether they are active again.
 */
export async function resumeVolunteering(actor: Actor): Promise<boolean> {
  assertActive(actor);
  const { count } = await db.volunteerProfile.updateMany({
    where: { userId: actor.id, pausedReason: null },
    data: { pausedAt: null, pausedUntil: null },
  });
  return count === 1;
}
