// The email worker's one step: claim an outbox row, render it, send it, record what happened.
// pg-boss decides when to try (retries with backoff, a stuck attempt expired, the dead letter);
// this decides whether to: a row already sent, or being sent by a live worker, is never sent again.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { EMAIL_TOPICS, type EmailMessage } from './messages';
import { renderEmail } from './render';
import type { Mailer } from './transport';
import { oneClickUnsubscribeUrl, unsubscribeUrl } from './unsubscribe';

export interface DeliveryContext {
  db: PrismaClient;
  mailer: Mailer;
  appUrl: string;
  secret: string;
  /** How long a claim holds before another worker may take the message over, unless the job says. */
  leaseSeconds: number;
}

/** Another worker holds this message right now; pg-boss will try again after the backoff. */
export class EmailInFlight extends Error {}

export type DeliveryOutcome = 'sent' | 'already-sent' | 'gone';

interface ClaimedRow {
  id: string;
  to: string;
  kind: string;
  data: unknown;
  userId: string | null;
}

function messageIdFor(outboxId: string, appUrl: string): string {
  return `<${outboxId}@${new URL(appUrl).hostname}>`;
}

/** `leaseSeconds` is the job's own expiry: when pg-boss gives up on this attempt, the claim lapses too. */
export async function deliverEmail(
  context: DeliveryContext,
  outboxId: string,
  leaseSeconds = context.leaseSeconds,
): Promise<DeliveryOutcome> {
  const { db } = context;
  // The claim is one conditional update, so two workers cannot both win it.
  const claimed = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "EmailOutbox"
       SET "status" = 'SENDING', "attempts" = "attempts" + 1, "updatedAt" = now(),
           "lockedUntil" = now() + make_interval(secs => ${leaseSeconds})
     WHERE "id" = ${outboxId}
       AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "lockedUntil" < now()))
     RETURNING "id", "to", "kind", "data", "userId"`;
  const row = claimed[0];
  if (!row) {
    const current = await db.emailOutbox.findUnique({ where: { id: outboxId }, select: { status: true } });
    if (!current || current.status === 'FAILED') return 'gone';
    if (current.status === 'SENT') return 'already-sent';
    throw new EmailInFlight(`Email ${outboxId} is being sent by another worker`);
  }

  const message = { kind: row.kind, data: row.data } as EmailMessage;
  const user = row.userId ? await db.user.findUnique({ where: { id: row.userId }, select: { name: true } }) : null;
  const topic = EMAIL_TOPICS[message.kind];
  const unsubscribe = topic && row.userId ? unsubscribeUrl(context.appUrl, context.secret, row.userId, topic) : null;
  const oneClick = topic && row.userId ? oneClickUnsubscribeUrl(context.appUrl, context.secret, row.userId, topic) : null;
  const messageId = messageIdFor(row.id, context.appUrl);

  let subject: string | null = null;
  try {
    const rendered = await renderEmail(message, {
      appUrl: context.appUrl,
      recipientName: user?.name ?? null,
      preferencesUrl: `${context.appUrl}/account#email-preferences`,
      unsubscribeUrl: unsubscribe,
      messageId,
    });
    subject = rendered.subject;
    await context.mailer.send({
      to: row.to,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      attachments: rendered.attachments,
      messageId,
      date: new Date(),
      headers: oneClick ? { 'List-Unsubscribe': `<${oneClick}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' } : {},
    });
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    // Back to PENDING so the retry pg-boss schedules can claim it at once.
    await db.$executeRaw`
      UPDATE "EmailOutbox" SET "status" = 'PENDING', "lockedUntil" = NULL, "lastError" = ${reason.slice(0, 1000)},
             "subject" = COALESCE(${subject}, "subject"), "updatedAt" = now()
       WHERE "id" = ${row.id} AND "status" = 'SENDING'`;
    throw error;
  }
  await db.$executeRaw`
    UPDATE "EmailOutbox" SET "status" = 'SENT', "sentAt" = now(), "lockedUntil" = NULL, "subject" = ${subject}, "updatedAt" = now()
     WHERE "id" = ${row.id}`;
  return 'sent';
}

/** Called for a job that used its last retry: the message becomes a dead letter an admin can retry. */
export async function markEmailDead(db: PrismaClient, outboxId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "EmailOutbox" SET "status" = 'FAILED', "lockedUntil" = NULL, "updatedAt" = now()
     WHERE "id" = ${outboxId} AND "status" IN ('PENDING', 'SENDING')`;
}
