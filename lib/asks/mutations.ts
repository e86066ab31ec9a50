// Writing asks: staff create, edit, submit and withdraw them, and split a broad one into stages.
// Every function takes the acting user and checks their membership here, where the data is written;
// status moves follow lib/asks/transitions.ts and are conditional updates, so a race has one winner.
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import type { Prisma } from '@/lib/generated/prisma/client';
import {
  CORRECT_THE_PROBLEMS,
  formValues,
  invalid,
  parseForm,
  single,
  type FieldErrors,
  type FormResult,
  type FormValues,
} from '@/lib/forms';
import { withdrawPendingInvitations } from '@/lib/invitations/withdrawals';
import { createOnce, recordSubmission, submissionOf } from '@/lib/form-submissions';
import { assertOrgRole } from '@/lib/orgs/policy';
import { coachAsk, type CoachReport } from './coach';
import { assertAskStaff, staffAskWhere } from './policy';
import { askIntent, parseAskForm, parseStages, withdrawSchema, type AskFields } from './schema';
import { askStatusesFrom, EDITABLE_ASK_STATUSES, nextAskStatus } from './transitions';

/** The ask form's result: the usual form result, plus the coach's report on what was sent. */
export type AskFormResult = FormResult<{ id: string; submitted: boolean }> & { coach?: CoachReport };

type Tx = Prisma.TransactionClient;

/** The coach's view of whatever the form holds, finished or not. */
export function coachForm(values: FormValues): CoachReport {
  const skills = values.skills;
  return coachAsk({
    title: single(values, 'title') ?? '',
    question: single(values, 'question') ?? '',
    outcome: single(values, 'outcome') ?? '',
    context: single(values, 'context') ?? '',
    skillSlugs: Array.isArray(skills) ? skills : skills ? [skills] : [],
    durationMinutes: Number(single(values, 'durationMinutes')) || undefined,
  });
}

/** Skill slugs to ids; unknown slugs are a field error rather than a failed insert. */
async function skillIdsFor(slugs: string[]): Promise<{ ids: string[] } | { error: string }> {
  if (slugs.length === 0) return { ids: [] };
  const unique = [...new Set(slugs)];
  const skills = await db.skill.findMany({ where: { slug: { in: unique } }, select: { id: true } });
  if (skills.length !== unique.length) return { error: 'Some of those skills are not in our list any more. Please choose again.' };
  return { ids: skills.map((skill) => skill.id) };
}

function askColumns(fields: AskFields, coach: CoachReport) {
  return {
    title: fields.title,
    question: fields.question,
    outcome: fields.outcome,
    context: fields.context,
    prepLink: fields.prepLink,
    durationMinutes: fields.durationMinutes,
    media: fields.media,
    location: fields.media.includes('IN_PERSON') ? fields.location : null,
    availability: fields.availability,
    timeZone: fields.timeZone,
    deadline: fields.deadline,
    qualityScore: coach.score,
  };
}

/**
 * Creates an ask (askId null) or edits one, and with intent "submit" sends it for review in the same
 * transaction; intent "check" only runs the coach. An edit carries the version it was loaded at, so a
 * colleague's save in between is reported instead of overwritten.
 */
export async function saveAsk(
  actor: Actor,
  askId: string | null,
  input: FormData | Record<string, unknown>,
  now = new Date(),
): Promise<AskFormResult> {
  assertActive(actor);
  const values = formValues(input);
  const intent = askIntent(values);
  const coach = coachForm(values);

  let existing: Awaited<ReturnType<typeof assertAskStaff>> | null = null;
  let organisationId: string;
  if (askId) {
    existing = await assertAskStaff(actor, askId);
    organisationId = existing.organisationId;
  } else {
    organisationId = single(values, 'organisationId') ?? '';
    await assertOrgRole(actor, organisationId).catch(() => {
      throw new AccessDenied('Not a member of that organisation');
    });
  }
  if (intent === 'check') return { ok: false, fieldErrors: {}, values, coach };

  const parsed = parseAskForm(values, intent, now);
  const fieldErrors: FieldErrors = parsed.ok ? {} : parsed.fieldErrors;
  const skills = await skillIdsFor(parsed.ok ? parsed.data.skills : []);
  if ('error' in skills) fieldErrors.skills = [skills.error];
  if (!parsed.ok || 'error' in skills) {
    return { ...invalid(values, fieldErrors, CORRECT_THE_PROBLEMS), coach };
  }

  const fields = parsed.data;
  const submitting = intent === 'submit';
  if (existing && !EDITABLE_ASK_STATUSES.includes(existing.status)) {
    return { ...invalid(values, {}, 'This ask can no longer be edited: it has been sent for review or is already closed.'), coach };
  }

  // A new ask is created once per rendered form, however often it is posted (lib/form-submissions.ts).
  const submission = existing ? null : submissionOf(actor.id, 'ask', values);
  const result = await createOnce(
    submission,
    () =>
      db.$transaction(async (tx) => {
        if (!existing) {
          const created = await tx.ask.create({
            data: {
              ...askColumns(fields, coach),
              organisationId,
              createdById: actor.id,
              status: submitting ? 'PENDING_REVIEW' : 'DRAFT',
              submittedAt: submitting ? now : null,
              skills: { create: skills.ids.map((skillId) => ({ skillId })) },
            },
            select: { id: true },
          });
          await recordAudit(tx, { actorId: actor.id, action: 'ask.create', target: { type: 'Ask', id: created.id } });
          if (submitting) await recordAudit(tx, { actorId: actor.id, action: 'ask.submit', target: { type: 'Ask', id: created.id } });
          await recordSubmission(tx, submission, created.id);
          return { ok: true as const, id: created.id };
        }

        const expectedVersion = Number(single(values, 'version'));
        const { count } = await tx.ask.updateMany({
          where: {
            ...staffAskWhere(actor, existing.id),
            version: Number.isInteger(expectedVersion) ? expectedVersion : -1,
            status: { in: submitting ? askStatusesFrom('submit', 'staff') : [...EDITABLE_ASK_STATUSES] },
          },
          data: {
            ...askColumns(fields, coach),
            version: { increment: 1 },
            ...(submitting ? { status: 'PENDING_REVIEW' as const, submittedAt: now } : {}),
          },
        });
        if (count === 0) return { ok: false as const };
        await tx.askSkill.deleteMany({ where: { askId: existing.id } });
        await tx.askSkill.createMany({ data: skills.ids.map((skillId) => ({ askId: existing.id, skillId })) });
        await recordAudit(tx, {
          actorId: actor.id,
          action: submitting ? 'ask.submit' : 'ask.edit',
          target: { type: 'Ask', id: existing.id },
        });
        return { ok: true as const, id: existing.id };
      }),
    async (id) => ({ ok: true as const, id }),
  );

  if (!result.ok) {
    const current = await db.ask.findUnique({ where: { id: existing!.id }, select: { status: true } });
    const message =
      current && EDITABLE_ASK_STATUSES.includes(current.status)
        ? 'A colleague saved changes to this ask while you were editing. Your version is still below: open the ask again to see theirs, then copy across what you need.'
        : 'This ask can no longer be edited: it has been sent for review or is already closed.';
    return { ...invalid(values, {}, message), coach };
  }
  return { ok: true, data: { id: result.id, submitted: submitting }, coach };
}

/** Withdraws an ask at any time before a session is booked; offers waiting on it are declined kindly, invitations withdrawn. */
export async function withdrawAsk(
  actor: Actor,
  askId: string,
  input: FormData | Record<string, unknown>,
  now = new Date(),
): Promise<FormResult> {
  await assertAskStaff(actor, askId);
  const values = formValues(input);
  const parsed = parseForm(withdrawSchema, values);
  if (!parsed.ok) return parsed.result;
  const result = await db.$transaction(async (tx): Promise<FormResult> => {
    const { count } = await tx.ask.updateMany({
      where: { ...staffAskWhere(actor, askId), status: { in: askStatusesFrom('withdraw', 'staff') } },
      data: { status: nextAskStatus('OPEN', 'withdraw', 'staff')!, closedAt: now, version: { increment: 1 } },
    });
    if (count === 0) {
      return invalid(values, {}, 'This ask can no longer be withdrawn: a session has been booked, or it is already closed.');
    }
    const declined = await tx.$queryRaw<Array<{ id: string }>>`
      UPDATE "Offer" SET "status" = 'DECLINED', "respondedAt" = ${now}, "declineReason" = 'ASK_CLOSED', "updatedAt" = now(),
                         "declineNote" = 'The charity has withdrawn this ask, so it no longer needs help. Thank you for offering.'
       WHERE "askId" = ${askId} AND "status" = 'PENDING'
      RETURNING "id"`;
    await tellVolunteersTheAskClosed(
      tx,
      declined.map((offer) => offer.id),
    );
    await withdrawPendingInvitations(tx, [askId]);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'ask.withdraw',
      target: { type: 'Ask', id: askId },
      data: parsed.data.reason ? { reason: parsed.data.reason } : undefined,
    });
    return { ok: true as const, data: undefined, message: 'Your ask has been withdrawn.' };
  });
  // It leaves the lists and the home page; its own page and its project's say it is withdrawn.
  return result;
}

/** Each volunteer whose offer was waiting on a withdrawn ask hears, once, that it no longer needs help. */
async function tellVolunteersTheAskClosed(tx: Tx, offerIds: string[]) {
  if (offerIds.length === 0) return;
  const offers = await tx.offer.findMany({
    where: { id: { in: offerIds }, volunteer: { status: 'ACTIVE' } },
    select: {
      id: true,
      volunteer: { select: { id: true, email: true } },
      ask: { select: { title: true, organisation: { select: { name: true } } } },
    },
  });
  for (const offer of offers) {
    await queueEmail(tx, {
      to: offer.volunteer.email,
      userId: offer.volunteer.id,
      dedupeKey: `offer-declined:${offer.id}`,
      message: {
        kind: 'offer-declined',
        data: { askTitle: offer.ask.title, organisationName: offer.ask.organisation.name, reason: 'ask-closed', url: `${appUrl()}/asks` },
      },
    });
  }
}

/**
 * Splits a broad ask (a draft, or one sent back for changes) into a project of 2-5 smaller asks, each a
 * draft with its own question, skills and duration; the rest (how, when, by when, the prep pack) is
 * copied from the broad ask. The broad ask is withdrawn and kept in the project's history.
 */
export async function splitAskIntoStages(
  actor: Actor,
  askId: string,
  input: FormData | Record<string, unknown>,
  now = new Date(),
): Promise<FormResult<{ projectId: string; firstStageId: string }>> {
  const ask = await assertAskStaff(actor, askId);
  const values = formValues(input);
  const parsed = parseStages(values);
  if (!parsed.ok) return invalid(values, parsed.fieldErrors, CORRECT_THE_PROBLEMS);
  const stageSkills: string[][] = [];
  for (const [index, stage] of parsed.stages.entries()) {
    const skills = await skillIdsFor(stage.skills);
    if ('error' in skills) return invalid(values, { [`stage-${index + 1}-skills`]: [skills.error] }, CORRECT_THE_PROBLEMS);
    stageSkills.push(skills.ids);
  }
  if (!EDITABLE_ASK_STATUSES.includes(ask.status) || ask.projectId) {
    return invalid(values, {}, 'Only a draft (or an ask sent back for changes) that is not already part of a project can be split.');
  }

  return db.$transaction(async (tx) => {
    const source = await tx.ask.findUniqueOrThrow({ where: { id: askId } });
    const { count } = await tx.ask.updateMany({
      where: { id: askId, version: source.version, status: { in: [...EDITABLE_ASK_STATUSES] }, projectId: null },
      data: { status: 'WITHDRAWN', closedAt: now, version: { increment: 1 } },
    });
    if (count === 0) return invalid(values, {}, 'This ask changed while you were splitting it. Open it again and try once more.');
    const project = await tx.project.create({
      data: {
        organisationId: source.organisationId,
        createdById: actor.id,
        title: parsed.projectTitle,
        description: source.question || null,
      },
      select: { id: true },
    });
    await tx.ask.update({ where: { id: askId }, data: { projectId: project.id } });
    const ids: string[] = [];
    for (const [index, stage] of parsed.stages.entries()) {
      const coach = coachAsk({
        title: stage.title,
        question: stage.question,
        outcome: source.outcome,
        context: source.context ?? '',
        durationMinutes: stage.durationMinutes,
      });
      const created = await tx.ask.create({
        data: {
          organisationId: source.organisationId,
          createdById: actor.id,
          projectId: project.id,
          stage: index + 1,
          title: stage.title,
          question: stage.question,
          outcome: '',
          context: source.context,
          prepLink: source.prepLink,
          durationMinutes: stage.durationMinutes,
          media: source.media,
          location: source.location,
          availability: source.availability ?? [],
          timeZone: source.timeZone,
          deadline: source.deadline,
          qualityScore: coach.score,
          skills: { create: stageSkills[index]!.map((skillId) => ({ skillId })) },
        },
        select: { id: true },
      });
      ids.push(created.id);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'ask.create',
        target: { type: 'Ask', id: created.id },
        data: { fromAsk: askId, stage: index + 1 },
      });
    }
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'ask.split',
      target: { type: 'Ask', id: askId },
      data: { projectId: project.id, stages: ids },
    });
    return {
      ok: true as const,
      data: { projectId: project.id, firstStageId: ids[0]! },
      message: `Split into ${ids.length} stages. Each is a draft: add what a good outcome looks like, then submit it.`,
    };
  });
}
