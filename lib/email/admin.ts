// The admin view of the outbox: every email, newest first, filtered by status and kind, and a retry for
// dead letters (FAILED). A retry is one conditional update and its pg-boss job in the same transaction,
// so two admins pressing "Retry" at once queue exactly one more attempt.
import 'server-only';
import { z } from 'zod';
import { recordAudit } from '@/lib/audit/record';
import { assertAdmin, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { EmailStatus } from '@/lib/generated/prisma/enums';
import { inTransaction } from '@/lib/jobs/boss';
import { jobQueue } from '@/lib/jobs/current';
import { EMAIL_QUEUE, type EmailJob } from '@/lib/jobs/queues';
import { EMAIL_KINDS, type EmailKind } from './messages';

export const EMAILS_PER_PAGE = 50;
export const ADMIN_EMAILS_PATH = '/admin/emails';

export const EMAIL_STATUSES = Object.values(EmailStatus);

export const EMAIL_STATUS_LABELS: Record<EmailStatus, string> = {
  PENDING: 'Pending',
  SENDING: 'Sending',
  SENT: 'Sent',
  FAILED: 'Failed',
  SKIPPED: 'Not sent',
};

/** "offer-received" as people read it: "Offer received". Unknown kinds (older rows) are shown as stored. */
export function emailKindLabel(kind: string): string {
  const words = kind.replace(/-/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** What the page may ask for; anything else in the query string falls back to "all" or the first page. */
export interface EmailFilters {
  status?: EmailStatus;
  kind?: EmailKind;
  /** An encoded cursor: the list continues with the emails older than it. */
  after?: string;
}

// createdAt in epoch milliseconds (the column keeps milliseconds), then the id: "1781520000000.cm1abc".
const CURSOR_PATTERN = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

interface Cursor {
  at: Date;
  id: string;
}

function encodeCursor(cursor: Cursor): string {
  return `${cursor.at.getTime()}.${cursor.id}`;
}

function decodeCursor(text: string | undefined): Cursor | undefined {
  const match = text ? CURSOR_PATTERN.exec(text) : null;
  if (!match) return undefined;
  const at = new Date(Number(match[1]));
  return Number.isNaN(at.getTime()) ? undefined : { at, id: match[2]! };
}

const filterSchemas = {
  status: z.enum(EmailStatus),
  kind: z.enum(EMAIL_KINDS as [EmailKind, ...EmailKind[]]),
};

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** Filters as they arrive: a page's searchParams, a form's values, or typed filters. */
export type EmailFilterInput = { status?: unknown; kind?: unknown; after?: unknown };

/** Reads filters from a query string or form. Never throws: an unknown status or kind means "all", a bad cursor the first page. */
export function parseEmailFilters(input: EmailFilterInput): EmailFilters {
  const status = filterSchemas.status.safeParse(first(input.status));
  const kind = filterSchemas.kind.safeParse(first(input.kind));
  const after = first(input.after);
  return {
    status: status.success ? status.data : undefined,
    kind: kind.success ? kind.data : undefined,
    after: typeof after === 'string' && decodeCursor(after) ? after : undefined,
  };
}

/** The list's address with these filters (and a notice to show once), leaving out what is unset. */
export function adminEmailsHref(filters: EmailFilters & { notice?: string }): string {
  const query = new URLSearchParams();
  if (filters.status) query.set('status', filters.status);
  if (filters.kind) query.set('kind', filters.kind);
  if (filters.after) query.set('after', filters.after);
  if (filters.notice) query.set('notice', filters.notice);
  const text = query.toString();
  return text ? `${ADMIN_EMAILS_PATH}?${text}` : ADMIN_EMAILS_PATH;
}

const rowSelect = {
  id: true,
  to: true,
  kind: true,
  subject: true,
  status: true,
  attempts: true,
  lastError: true,
  sentAt: true,
  createdAt: true,
} satisfies Prisma.EmailOutboxSelect;

export type AdminEmailRow = Prisma.EmailOutboxGetPayload<{ select: typeof rowSelect }>;

export interface EmailList {
  emails: AdminEmailRow[];
  /** The filters applied, after dropping values that make no sense. */
  filters: EmailFilters;
  /** Emails per status, within the kind filter (so each option says how many choosing it shows). */
  counts: Record<EmailStatus, number> & { all: number };
  /** The cursor of the next (older) page; absent on the last page. */
  next?: string;
}

/** One page of the outbox, newest first, for admins. `input` may hold anything a URL can. */
export async function listEmails(actor: Actor, input: EmailFilterInput = {}, pageSize = EMAILS_PER_PAGE): Promise<EmailList> {
  assertAdmin(actor);
  const filters = parseEmailFilters(input);
  const cursor = decodeCursor(filters.after);
  const kindWhere: Prisma.EmailOutboxWhereInput = filters.kind ? { kind: filters.kind } : {};
  const where: Prisma.EmailOutboxWhereInput = {
    ...kindWhere,
    ...(filters.status ? { status: filters.status } : {}),
    // Keyset: strictly older than the cursor row in (createdAt, id) order, so a new email never shifts a page.
    ...(cursor ? { OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }] } : {}),
  };
  const [rows, grouped] = await Promise.all([
    db.emailOutbox.findMany({
      where,
      select: rowSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: pageSize + 1,
    }),
    db.emailOutbox.groupBy({ by: ['status'], where: kindWhere, _count: true }),
  ]);
  const emails = rows.slice(0, pageSize);
  const last = emails.at(-1);
  const counts = { all: 0, PENDING: 0, SENDING: 0, SENT: 0, FAILED: 0, SKIPPED: 0 };
  for (const group of grouped) {
    counts[group.status] = group._count;
    counts.all += group._count;
  }
  return {
    emails,
    filters,
    counts,
    next: rows.length > pageSize && last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined,
  };
}

const outboxIdSchema = z.string().min(1).max(100);

/**
 * Sends a dead letter again: FAILED back to PENDING (attempts and the last error kept, for the record) and
 * a new job, in one transaction. Returns whether it was requeued: false when the email is not FAILED (sent,
 * still pending, or another admin retried it first) or does not exist.
 */
export async function retryEmail(actor: Actor, outboxId: unknown): Promise<{ requeued: boolean }> {
  assertAdmin(actor);
  const id = outboxIdSchema.safeParse(outboxId);
  if (!id.success) return { requeued: false };
  // Before the transaction: if the queue is not running we fail here, having changed nothing.
  const boss = jobQueue();
  return db.$transaction(async (tx) => {
    // The conditional update settles a race: the second admin's update waits for the first's row lock,
    // then finds the row PENDING and changes nothing.
    const { count } = await tx.emailOutbox.updateMany({
      // Not while a lease is live: a worker that outlived its job may still be sending it.
      where: { id: id.data, status: 'FAILED', OR: [{ lockedUntil: null }, { lockedUntil: { lt: new Date() } }] },
      data: { status: 'PENDING', lockedUntil: null },
    });
    if (count === 0) return { requeued: false };
    const job: EmailJob = { outboxId: id.data };
    await boss.send(EMAIL_QUEUE, job, inTransaction(tx));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'email.retry',
      target: { type: 'EmailOutbox', id: id.data },
      before: { status: 'FAILED' },
      after: { status: 'PENDING' },
    });
    return { requeued: true };
  });
}
