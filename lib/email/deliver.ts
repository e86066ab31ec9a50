// The email worker's one step: claim an outbox row, render it, send it, record what happened.
// pg-boss decides when to try (retries with backoff, a stuck attempt expired, the dead letter);
// this decides whether to: a row already sent, or being sent by a live worker, is never sent again.
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { EMAIL_TOPICS, type EmailMessage } from './messages';
import { PREFERENCE_FIELDS, wantsTopic, type Preferences } from './preferences';
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

export type DeliveryOutcome = 'sent' | 'already-sent' | 'gone' | 'skipped';

interface ClaimedRow {
  id: string;
  to: string;
  kind: string;
  data: unknown;
  userId: string | null;
  createdAt: Date;
}

/** Emails whose data holds a working link (a sign-in or invitation token): kept only until sent. */
const SECRET_LINK_KINDS = ['sign-in-link', 'organisation-invite'];

/** Why a claimed message should not go out after all, or null to send it. */
function reasonNotToSend(message: EmailMessage, row: ClaimedRow, user: Preferences | null, now: Date): string | null {
  const topic = EMAIL_TOPICS[message.kind];
  if (topic && row.userId && !wantsTopic(user, topic)) {
    return 'The recipient turned these emails off before it was sent.';
  }
  if (message.kind === 'sign-in-link' && row.createdAt.getTime() + message.data.minutes * 60_000 <= now.getTime()) {
    return 'The sign-in link expired before it could be sent.';
  }
  return null;
}

async function skip(db: PrismaClient, id: string, reason: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "EmailOutbox" SET "status" = 'SKIPPED', "lockedUntil" = NULL, "lastError" = ${reason}, "updatedAt" = now()
     WHERE "id" = ${id} AND "status" = 'SENDING'`;
}

/** The longest pause between two tries at recording a send. */
const MARK_SENT_MAX_PAUSE_MS = 2_000;

/**
 * Records a message the mail server accepted. If the database is unreachable just now (a restart, a
 * failover), it keeps trying until the claim's lease is about to lapse, with pauses growing to 2 s: until
 * then no other attempt can claim the message, so once the database is back the record wins. Giving up
 * sooner would leave the row claimed and unsent, and pg-boss would send the message again once the job
 * expired. An outage longer than the lease can still cause a second send; never a lost one.
 * A link token in the data is removed: the database never keeps a working sign-in or invitation link once sent.
 */
async function markSent(db: PrismaClient, id: string, subject: string, leaseEndsAt: number): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await db.$executeRaw`
        UPDATE "EmailOutbox"
           SET "status" = 'SENT', "sentAt" = now(), "lockedUntil" = NULL, "subject" = ${subject}, "updatedAt" = now(),
               "data" = CASE WHEN "kind" = ANY(${SECRET_LINK_KINDS}::text[]) THEN jsonb_set("data", '{url}', '"(removed once sent)"') ELSE "data" END
         WHERE "id" = ${id}`;
      return;
    } catch (error) {
      const pause = Math.min(200 * attempt, MARK_SENT_MAX_PAUSE_MS);
      if (Date.now() + pause >= leaseEndsAt) {
        console.error(`Email ${id} was sent but could not be recorded as sent before its lease lapsed:`, error);
        return;
      }
      await new Promise((resolve) => setTimeout(resolve, pause));
    }
  }
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
  // When the claim lapses by this process's clock (a second early, for the difference from the database's).
  const leaseEndsAt = Date.now() + leaseSeconds * 1000 - 1_000;
  // The claim is one conditional update, so two workers cannot both win it.
  const claimed = await db.$queryRaw<ClaimedRow[]>`
    UPDATE "EmailOutbox"
       SET "status" = 'SENDING', "attempts" = "attempts" + 1, "updatedAt" = now(),
           "lockedUntil" = now() + make_interval(secs => ${leaseSeconds})
     WHERE "id" = ${outboxId}
       AND ("status" = 'PENDING' OR ("status" = 'SENDING' AND "lockedUntil" < now()))
     RETURNING "id", "to", "kind", "data", "userId", "createdAt"`;
  const row = claimed[0];
  if (!row) {
    const current = await db.emailOutbox.findUnique({ where: { id: outboxId }, select: { status: true } });
    if (!current || current.status === 'FAILED') return 'gone';
    if (current.status === 'SENT') return 'already-sent';
    throw new EmailInFlight(`Email ${outboxId} is being sent by another worker`);
  }

  const message = { kind: row.kind, data: row.data } as EmailMessage;
  const user = row.userId
    ? await db.user.findUnique({
        where: { id: row.userId },
        select: { name: true, ...PREFERENCE_FIELDS },
      })
    : null;
  // Preferences are checked again here: someone may unsubscribe while an email waits for a retry.
  const reason = reasonNotToSend(message, row, user, new Date());
  if (reason) {
    await skip(db, row.id, reason);
    return 'skipped';
  }
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
      sender: context.mailer.from,
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
  await markSent(db, row.id, subject!, leaseEndsAt);
  return 'sent';
}

/**
 * Called for a job that used its last retry: the message becomes a dead letter an admin can retry. The
 * lease is left as it was: if a worker is somehow still sending, a retry waits until it has lapsed.
 */
export async function markEmailDead(db: PrismaClient, outboxId: string): Promise<void> {
  await db.$executeRaw`
    UPDATE "EmailOutbox" SET "status" = 'FAILED', "updatedAt" = now()
     WHERE "id" = ${outboxId} AND "status" IN ('PENDING', 'SENDING')`;
}
