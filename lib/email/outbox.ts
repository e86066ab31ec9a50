// Queueing an email: a row in EmailOutbox (the record) and a pg-boss job (the work), both written in
// the caller's transaction, so an email exists exactly when the change that causes it commits.
import { randomUUID } from 'node:crypto';
import type { PgBoss } from 'pg-boss';
import { inTransaction } from '@/lib/jobs/boss';
import { jobQueue } from '@/lib/jobs/current';
import { EMAIL_QUEUE, type EmailJob } from '@/lib/jobs/queues';
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { EMAIL_TOPICS, type EmailMessage } from './messages';
import { PREFERENCE_FIELDS, wantsTopic } from './preferences';

export interface EmailRequest {
  to: string;
  /** The recipient's account, when they have one: for their name, their preferences and the admin page. */
  userId?: string | null;
  message: EmailMessage;
  /**
   * For mail a sweep may find more than once (reminders, nudges): the same key is queued once, ever.
   * Two sweeps racing on two servers both try; the unique index lets one through.
   */
  dedupeKey?: string;
}

/**
 * Queues one email in `tx`. Returns the outbox id, or null when nothing was queued: the dedupe key
 * was used before, or the email is optional and the recipient turned it off.
 */
export async function queueEmail(tx: Prisma.TransactionClient, request: EmailRequest, boss: PgBoss = jobQueue()): Promise<string | null> {
  const [id] = await queueEmails(tx, [request], boss);
  return id ?? null;
}

/** Rows per INSERT: six parameters each, well under PostgreSQL's 65,535. */
const INSERT_CHUNK = 1_000;

/**
 * queueEmail for several emails at once, in three statements whatever their number: one read of the
 * recipients' preferences, one INSERT of the outbox rows and one of the jobs. For a transaction that
 * tells many people at once (accepting one offer declines the others): one statement per email kept
 * the ask locked, and the colleagues racing to accept it waiting, for as long as the emails took.
 * Returns each request's outbox id, or null where nothing was queued.
 */
export async function queueEmails(
  tx: Prisma.TransactionClient,
  requests: EmailRequest[],
  boss: PgBoss = jobQueue(),
): Promise<Array<string | null>> {
  const optional = requests.filter((request) => EMAIL_TOPICS[request.message.kind] && request.userId);
  const preferences = optional.length
    ? await tx.user.findMany({
        where: { id: { in: [...new Set(optional.map((request) => request.userId!))] } },
        select: { id: true, ...PREFERENCE_FIELDS },
      })
    : [];
  const preferencesOf = new Map(preferences.map((user) => [user.id, user]));
  // Optional mail the recipient turned off is not queued.
  const wanted = requests.map((request) => {
    const topic = EMAIL_TOPICS[request.message.kind];
    return !topic || !request.userId || wantsTopic(preferencesOf.get(request.userId) ?? null, topic);
  });

  const rows = requests.flatMap((request, index) => (wanted[index] ? [{ id: randomUUID(), request, index }] : []));
  const kept = new Set<string>();
  for (let start = 0; start < rows.length; start += INSERT_CHUNK) {
    const chunk = rows.slice(start, start + INSERT_CHUNK);
    // Raw SQL for ON CONFLICT DO NOTHING: a unique violation from Prisma's create would abort the
    // caller's whole transaction, and a repeated reminder is not an error.
    const inserted = await tx.$queryRaw<{ id: string }[]>`
      INSERT INTO "EmailOutbox" ("id", "userId", "to", "kind", "data", "dedupeKey", "updatedAt")
      VALUES ${Prisma.join(
        chunk.map(
          ({ id, request }) =>
            Prisma.sql`(${id}, ${request.userId ?? null}, ${request.to}, ${request.message.kind}, ${JSON.stringify(request.message.data)}::jsonb,
                        ${request.dedupeKey ?? null}, now())`,
        ),
      )}
      ON CONFLICT ("dedupeKey") DO NOTHING
      RETURNING "id"`;
    for (const row of inserted) kept.add(row.id);
  }
  const queued = rows.filter((row) => kept.has(row.id));
  if (queued.length > 0) {
    const jobs = queued.map(({ id }) => ({ data: { outboxId: id } satisfies EmailJob }));
    await boss.insert(EMAIL_QUEUE, jobs, inTransaction(tx));
  }
  const ids: Array<string | null> = requests.map(() => null);
  for (const { id, index } of queued) ids[index] = id;
  return ids;
}

const KEY_CHUNK = 500;

/** An email a sweep may find more than once: it always has a dedupe key. */
export type SweepEmail = EmailRequest & { dedupeKey: string };

/**
 * Queues each email once, each in its own short transaction (a failure costs that one email, not the
 * batch, and PGlite's one connection is never held for long). Keys already in the outbox are skipped
 * up front so a frequent sweep stays cheap; two sweeps racing past that check still queue one email,
 * because queueEmail inserts ON CONFLICT ("dedupeKey") DO NOTHING. Returns the emails queued this time,
 * each with its outbox id.
 */
export async function queueSweepEmails<T extends SweepEmail>(
  { db, boss }: { db: PrismaClient; boss: PgBoss },
  emails: T[],
): Promise<Array<T & { outboxId: string }>> {
  const queued: Array<T & { outboxId: string }> = [];
  for (let start = 0; start < emails.length; start += KEY_CHUNK) {
    const chunk = emails.slice(start, start + KEY_CHUNK);
    const existing = await db.emailOutbox.findMany({
      where: { dedupeKey: { in: chunk.map((email) => email.dedupeKey) } },
      select: { dedupeKey: true },
    });
    const seen = new Set(existing.map((row) => row.dedupeKey));
    for (const email of chunk) {
      if (seen.has(email.dedupeKey)) continue;
      seen.add(email.dedupeKey);
      const { to, userId, message, dedupeKey } = email;
      const outboxId = await db.$transaction((tx) => queueEmail(tx, { to, userId, message, dedupeKey }, boss));
      if (outboxId) queued.push({ ...email, outboxId });
    }
  }
  return queued;
}
