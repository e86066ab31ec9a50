// The expiry sweep: open asks past their deadline are closed, offers still waiting on them expire and
// invitations still waiting are withdrawn.
// Listing never shows them in the meantime (lib/asks/listed.ts checks the deadline itself); the sweep
// makes the status match. Idempotent: a second run, or two at once, finds nothing left to do.
// Volunteers whose offers were still waiting are told the ask closed. It takes its client rather than
// importing lib/db, so the worker and tests run it on any database. Three days before the deadline,
// warnAsksExpiringSoon tells the charity, once per ask (its email dedupe key).
import { recordAudits } from '@/lib/audit/record';
import { DAY_MS } from '@/lib/dates';
import { queueEmail, queueSweepEmails, type SweepEmail } from '@/lib/email/outbox';
import { askContacts, contactDedupeKey } from '@/lib/email/recipients';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { expireUnansweredInvitations, withdrawPendingInvitations } from '@/lib/invitations/withdrawals';
import type { TaskContext } from '@/lib/jobs/task-context';
import { openAskWhere } from './listed';
import { nextAskStatus } from './transitions';

const EXPIRE_BATCH = 1000;

/**
 * Closes up to 1,000 overdue open asks. With `notify`, each volunteer whose offer was still waiting is
 * told the ask closed (offer-declined, reason ask-closed), in the same transaction as the change.
 */
export async function expireOverdueAsks(
  db: PrismaClient,
  now = new Date(),
  notify?: Pick<TaskContext, 'boss' | 'appUrl'>,
): Promise<{ expired: string[] }> {
  const result = await db.$transaction(async (tx) => {
    // FOR UPDATE SKIP LOCKED: two sweeps at once split the work instead of waiting on each other.
    const due = await tx.$queryRaw<Array<{ id: string }>>`
      SELECT id FROM "Ask"
       WHERE status = 'OPEN' AND deadline <= ${now}
       ORDER BY deadline
       LIMIT ${EXPIRE_BATCH}
       FOR UPDATE SKIP LOCKED`;
    const ids = due.map((row) => row.id); // OPEN is the only status the table lets expire
    if (ids.length === 0) return { expired: [] };
    await tx.ask.updateMany({
      where: { id: { in: ids }, status: 'OPEN' },
      data: { status: nextAskStatus('OPEN', 'expire', 'system')!, closedAt: now },
    });
    const waiting = notify
      ? await tx.offer.findMany({
          where: { askId: { in: ids }, status: 'PENDING' },
          select: {
            id: true,
            volunteer: { select: { id: true, email: true } },
            ask: { select: { title: true, organisation: { select: { name: true } } } },
          },
        })
      : [];
    await tx.offer.updateMany({ where: { askId: { in: ids }, status: 'PENDING' }, data: { status: 'EXPIRED', respondedAt: now } });
    // Invitations still waiting are withdrawn rather than expired: the ask closed, the volunteer did nothing wrong.
    await withdrawPendingInvitations(tx, ids);
    for (const offer of waiting) {
      await queueEmail(
        tx,
        {
          to: offer.volunteer.email,
          userId: offer.volunteer.id,
          dedupeKey: `offer-closed:${offer.id}`,
          message: {
            kind: 'offer-declined',
            data: {
              askTitle: offer.ask.title,
              organisationName: offer.ask.organisation.name,
              reason: 'ask-closed',
              url: `${notify!.appUrl}/asks`,
            },
          },
        },
        notify!.boss,
      );
    }
    await recordAudits(
      tx,
      ids.map((id) => ({ actorId: null, action: 'ask.expire', target: { type: 'Ask', id } })),
    );
    return { expired: ids };
  });
  // Closed: off the lists and the home page, and their pages say so; in every app server when the page
  // cache is in Redis, even though this sweep may run in a worker process of its own.
  return result;
}

/**
 * The scheduled sweep: every overdue ask, a batch at a time, telling the volunteers still waiting; then
 * invitations left unanswered for a week expire, freeing the places they held.
 */
export async function closeOverdueAsks(
  { db, boss, appUrl }: TaskContext,
  now = new Date(),
): Promise<{ expired: string[]; invitationsExpired: number }> {
  const expired: string[] = [];
  for (;;) {
    const batch = await expireOverdueAsks(db, now, { boss, appUrl });
    expired.push(...batch.expired);
    if (batch.expired.length < EXPIRE_BATCH) break;
  }
  return { expired, invitationsExpired: await expireUnansweredInvitations(db, now) };
}

/** Asks whose deadline falls within this window get one "closing soon" email. */
export const EXPIRY_WARNING_DAYS = 3;
const PAGE = 200;

/**
 * Open, listed asks whose deadline falls in the next three days: one email to the charity that
 * posted each, so they can extend it or accept an offer before it closes. The dedupe key
 * (`ask-expiring:<askId>`) makes a second run, or two at once, send nothing again.
 */
export async function warnAsksExpiringSoon({ db, boss, appUrl }: TaskContext, now = new Date()): Promise<{ emails: string[] }> {
  const emails: string[] = [];
  const until = new Date(now.getTime() + EXPIRY_WARNING_DAYS * DAY_MS);
  let after: string | undefined;
  for (;;) {
    const asks = await db.ask.findMany({
      // Listed and open right now (./listed.ts), and closing within the window.
      where: {
        ...openAskWhere(now),
        deadline: { gt: now, lte: until },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { id: true, title: true, deadline: true },
      orderBy: { id: 'asc' },
      take: PAGE,
    });
    if (asks.length === 0) break;
    after = asks.at(-1)!.id;
    const contacts = await askContacts(
      db,
      asks.map((ask) => ask.id),
    );
    const requests: SweepEmail[] = asks.flatMap((ask) =>
      (contacts.get(ask.id) ?? []).map((contact) => ({
        to: contact.email,
        userId: contact.id,
        dedupeKey: contactDedupeKey(`ask-expiring:${ask.id}`, contact),
        message: {
          kind: 'ask-expiring' as const,
          data: {
            askTitle: ask.title,
            deadline: ask.deadline.toISOString(),
            timeZone: contact.timeZone,
            url: `${appUrl}/my-asks/${ask.id}`,
          },
        },
      })),
    );
    emails.push(...(await queueSweepEmails({ db, boss }, requests)).map((email) => email.outboxId));
    if (asks.length < PAGE) break;
  }
  return { emails };
}
