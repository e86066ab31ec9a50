// The moderation queue: admins approve asks (publishing them), send them back with a message, or
// reject them with a reason. Each decision is one conditional update on a PENDING_REVIEW ask, so of two
// admins deciding at once exactly one wins and the other is told; nothing is half-applied.
import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type Actor } from '@/lib/auth/actor';
import { coachAsk } from '@/lib/asks/coach';
import { askContentSelect } from '@/lib/asks/queries';
import { askStatusesFrom, nextAskStatus, type AskTransition } from '@/lib/asks/transitions';
import { db } from '@/lib/db';
import type { EmailMessage } from '@/lib/email/messages';
import { queueEmail } from '@/lib/email/outbox';
import { askContacts } from '@/lib/email/recipients';
import { appUrl } from '@/lib/env';
import { formValues, invalid, parseForm, type FormResult } from '@/lib/forms';

export const MODERATION_PAGE_SIZE = 25;

/** Asks waiting for review, oldest first, each with the coach's view and its organisation's status. */
export async function listAsksAwaitingReview(actor: Actor) {
  assertAdmin(actor);
  const [asks, total] = await Promise.all([
    db.ask.findMany({
      where: { status: 'PENDING_REVIEW' },
      select: {
        ...askContentSelect,
        deadline: true,
        submittedAt: true,
        qualityScore: true,
        organisation: { select: { id: true, name: true, status: true } },
        project: { select: { title: true } },
        stage: true,
        skills: { select: { skill: { select: { slug: true, name: true } } }, orderBy: { skill: { name: 'asc' } } },
      },
      orderBy: [{ submittedAt: 'asc' }, { id: 'asc' }],
      take: MODERATION_PAGE_SIZE,
    }),
    db.ask.count({ where: { status: 'PENDING_REVIEW' } }),
  ]);
  return {
    total,
    asks: asks.map((ask) => ({
      ...ask,
      coach: coachAsk({
        title: ask.title,
        question: ask.question,
        outcome: ask.outcome,
        context: ask.context ?? '',
        skillSlugs: ask.skills.map(({ skill }) => skill.slug),
        durationMinutes: ask.durationMinutes,
      }),
    })),
  };
}

export type AskAwaitingReview = Awaited<ReturnType<typeof listAsksAwaitingReview>>['asks'][number];

const ALREADY_DECIDED = 'Another admin has already decided this ask, or its author withdrew it. The queue below is up to date.';

const noteSchema = (minimum: string) =>
  z.object({
    note: z.string().trim().min(10, minimum).max(1000, 'Keep this to 1,000 characters or fewer.'),
  });

const requestChangesSchema = noteSchema('Tell the charity what to change, so they can act on it (10 characters or more).');
const rejectSchema = noteSchema('Give the charity a reason they can understand (10 characters or more).');

function decisionEmail(
  transition: 'approve' | 'request-changes' | 'reject',
  askId: string,
  ask: { title: string; organisation: { name: string; status: string } },
  note: string | null,
): EmailMessage {
  if (transition === 'approve') {
    // An ask from an organisation still being verified goes live when it is (the verification email says
    // so then); until that moment the email must not promise that volunteers can see it.
    return {
      kind: 'ask-approved',
      data: {
        askTitle: ask.title,
        organisationName: ask.organisation.name,
        url: `${appUrl()}/my-asks/${askId}`,
        published: ask.organisation.status === 'VERIFIED',
      },
    };
  }
  if (transition === 'request-changes') {
    return { kind: 'ask-changes-requested', data: { askTitle: ask.title, note: note ?? '', url: `${appUrl()}/my-asks/${askId}/edit` } };
  }
  return { kind: 'ask-rejected', data: { askTitle: ask.title, note: note ?? '', url: `${appUrl()}/my-asks/${askId}` } };
}

async function decide(
  actor: Actor,
  askId: string,
  transition: Extract<AskTransition, 'approve' | 'request-changes' | 'reject'>,
  note: string | null,
  now: Date,
): Promise<{ ok: true; projectId: string | null; published: boolean } | { ok: false; message: string }> {
  return db.$transaction(async (tx) => {
    // The organisation's row, shared: a verification waits for this decision to commit (or this for it), so
    // the status read below decides truly whether the ask is published now or by that verification, which
    // then finds it approved. Without it an ask approved during a verification could be published by neither.
    await tx.$queryRaw`SELECT 1 FROM "Organisation" o JOIN "Ask" a ON a."organisationId" = o.id WHERE a.id = ${askId} FOR SHARE OF o`;
    const ask = await tx.ask.findUnique({
      where: { id: askId },
      select: { title: true, deadline: true, projectId: true, organisation: { select: { name: true, status: true } } },
    });
    if (!ask) return { ok: false, message: ALREADY_DECIDED };
    const to = nextAskStatus('PENDING_REVIEW', transition, 'admin')!;
    if (transition === 'approve' && ask.deadline <= now) {
      return { ok: false, message: 'Its deadline has passed. Request changes so the charity can choose a new date.' };
    }
    const { count } = await tx.ask.updateMany({
      where: { id: askId, status: { in: askStatusesFrom(transition, 'admin') } },
      data: {
        status: to,
        moderatedById: actor.id,
        moderatedAt: now,
        moderationNote: note,
        // Published now if its organisation is verified; otherwise when it is (lib/moderation/organisations.ts).
        ...(transition === 'approve' && ask.organisation.status === 'VERIFIED' ? { publishedAt: now } : {}),
        ...(transition === 'reject' ? { closedAt: now } : {}),
      },
    });
    if (count === 0) return { ok: false, message: ALREADY_DECIDED };
    const action = { approve: 'ask.approve', 'request-changes': 'ask.request_changes', reject: 'ask.reject' }[transition];
    await recordAudit(tx, {
      actorId: actor.id,
      action,
      target: { type: 'Ask', id: askId },
      after: { status: to },
      data: note ? { note } : undefined,
    });
    for (const contact of (await askContacts(tx, [askId])).get(askId) ?? []) {
      await queueEmail(tx, { to: contact.email, userId: contact.id, message: decisionEmail(transition, askId, ask, note) });
    }
    return { ok: true, projectId: ask.projectId, published: transition === 'approve' && ask.organisation.status === 'VERIFIED' };
  });
}

/**
 * Approves an ask under review. `published` says whether it went public now (its organisation is verified) or
 * waits for the organisation's verification, which publishes it (lib/moderation/organisations.ts).
 */
export async function approveAsk(actor: Actor, askId: string, now = new Date()): Promise<FormResult<{ published: boolean }>> {
  assertAdmin(actor);
  const decided = await decide(actor, askId, 'approve', null, now);
  if (!decided.ok) return invalid({}, {}, decided.message);
  const message = decided.published ? 'Approved and published.' : 'Approved. It will be published when its organisation is verified.';
  return { ok: true, data: { published: decided.published }, message };
}

/** A decision that carries a message for the charity: what to change, or why it was rejected. */
async function decideWithNote(
  actor: Actor,
  askId: string,
  transition: 'request-changes' | 'reject',
  input: FormData | Record<string, unknown>,
  now: Date,
): Promise<FormResult> {
  assertAdmin(actor);
  const values = formValues(input);
  const parsed = parseForm(transition === 'reject' ? rejectSchema : requestChangesSchema, values);
  if (!parsed.ok) return parsed.result;
  const decided = await decide(actor, askId, transition, parsed.data.note, now);
  if (!decided.ok) return invalid(values, {}, decided.message);
  const message = transition === 'reject' ? 'Rejected. The charity sees your reason.' : 'Sent back to the charity with your message.';
  return { ok: true, data: undefined, message };
}

export async function requestAskChanges(actor: Actor, askId: string, input: FormData | Record<string, unknown>, now = new Date()) {
  return decideWithNote(actor, askId, 'request-changes', input, now);
}

export async function rejectAsk(actor: Actor, askId: string, input: FormData | Record<string, unknown>, now = new Date()) {
  return decideWithNote(actor, askId, 'reject', input, now);
}
