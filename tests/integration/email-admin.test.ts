// The admin view of the outbox: only admins see it, filters and pages behave, and retrying a dead letter
// queues exactly one more attempt however many admins press the button.
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied } from '@/lib/auth/actor';
import { appDatabase, db } from '@/lib/db';
import { listEmails, retryEmail } from '@/lib/email/admin';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createBoss, startBoss } from '@/lib/jobs/boss';
import { JobQueueNotStarted, setJobQueue } from '@/lib/jobs/current';
import { EMAIL_QUEUE } from '@/lib/jobs/queues';
import { createUser } from '../support/factories';

let boss: PgBoss;

beforeAll(async () => {
  // Touch the database first: the embedded engine migrates before its first query, and the queue shares it.
  await db.$queryRaw`SELECT 1`;
  boss = await startBoss(createBoss(appDatabase()!, { schedule: false }));
  setJobQueue(boss);
});

afterAll(async () => {
  setJobQueue(undefined);
  await boss?.stop({ graceful: false, close: true });
});

const at = (minute: number) => new Date(Date.UTC(2026, 10, 20, 9, minute));

function outbox(id: string, minute: number, data: Partial<Prisma.EmailOutboxCreateManyInput> = {}): Prisma.EmailOutboxCreateManyInput {
  return { id, to: `${id}@test.example`, kind: 'offer-received', data: {}, createdAt: at(minute), ...data };
}

async function jobsFor(outboxId: string) {
  return boss.findJobs(EMAIL_QUEUE, { data: { outboxId } });
}

describe('listing emails', () => {
  // Newest first is (createdAt, id) descending: list-6, then list-5b and list-5a (same minute), ...
  const rows = [
    outbox('list-1', 1, { status: 'SENT', subject: 'Welcome', sentAt: at(2), attempts: 1 }),
    outbox('list-2', 2, { status: 'FAILED', attempts: 10, lastError: 'connect ECONNREFUSED 127.0.0.1:1025' }),
    outbox('list-3', 3, { status: 'FAILED', kind: 'weekly-digest', attempts: 10, lastError: 'Mailbox full' }),
    outbox('list-4', 4, { status: 'PENDING', kind: 'weekly-digest' }),
    outbox('list-5a', 5, { status: 'SENT', kind: 'sign-in-link', sentAt: at(5) }),
    outbox('list-5b', 5, { status: 'SENDING', kind: 'sign-in-link' }),
    outbox('list-6', 6, { status: 'SENT', kind: 'weekly-digest', sentAt: at(7) }),
  ];
  const newestFirst = ['list-6', 'list-5b', 'list-5a', 'list-4', 'list-3', 'list-2', 'list-1'];

  beforeAll(async () => {
    await db.emailOutbox.createMany({ data: rows });
  });

  it('is for admins only', async () => {
    const user = await createUser(db);
    const suspendedAdmin = await createUser(db, { role: 'ADMIN', status: 'SUSPENDED' });
    await expect(listEmails(user)).rejects.toBeInstanceOf(AccessDenied);
    await expect(listEmails(suspendedAdmin)).rejects.toBeInstanceOf(AccessDenied);
  });

  it('shows every email newest first, with what the page needs, and counts per status', async () => {
    const admin = await createUser(db, { role: 'ADMIN' });
    const list = await listEmails(admin);
    expect(list.emails.map((email) => email.id)).toEqual(newestFirst);
    expect(list.next).toBeUndefined();
    expect(list.counts).toEqual({ all: 7, PENDING: 1, SENDING: 1, SENT: 3, FAILED: 2, SKIPPED: 0 });
    expect(list.emails.find((email) => email.id === 'list-2')).toEqual({
      id: 'list-2',
      to: 'list-2@test.example',
      kind: 'offer-received',
      subject: null,
      status: 'FAILED',
      attempts: 10,
      lastError: 'connect ECONNREFUSED 127.0.0.1:1025',
      sentAt: null,
      createdAt: at(2),
    });
  });

  it('pages by cursor without skipping or repeating rows that share a time', async () => {
    const admin = await createUser(db, { role: 'ADMIN' });
    const seen: string[][] = [];
    let after: string | undefined;
    do {
      const page = await listEmails(admin, { after }, 2);
      seen.push(page.emails.map((email) => email.id));
      after = page.next;
    } while (after && seen.length < 10);
    expect(seen).toEqual([['list-6', 'list-5b'], ['list-5a', 'list-4'], ['list-3', 'list-2'], ['list-1']]);
  });

  it('filters by status and kind, together or alone, and pages within the filter', async () => {
    const admin = await createUser(db, { role: 'ADMIN' });
    const ids = async (input: Parameters<typeof listEmails>[1], pageSize?: number) =>
      (await listEmails(admin, input, pageSize)).emails.map((email) => email.id);

    expect(await ids({ status: 'FAILED' })).toEqual(['list-3', 'list-2']);
    expect(await ids({ kind: 'weekly-digest' })).toEqual(['list-6', 'list-4', 'list-3']);
    expect(await ids({ status: 'FAILED', kind: 'weekly-digest' })).toEqual(['list-3']);
    expect(await ids({ status: 'SENDING', kind: 'offer-received' })).toEqual([]);

    const first = await listEmails(admin, { kind: 'weekly-digest' }, 2);
    expect(first.emails.map((email) => email.id)).toEqual(['list-6', 'list-4']);
    expect(await ids({ kind: 'weekly-digest', after: first.next }, 2)).toEqual(['list-3']);

    // The counts follow the kind filter, so each status option says how many choosing it would show.
    expect((await listEmails(admin, { kind: 'weekly-digest', status: 'SENT' })).counts).toEqual({
      all: 3,
      PENDING: 1,
      SENDING: 0,
      SENT: 1,
      FAILED: 1,
      SKIPPED: 0,
    });
  });

  it('treats values it does not know as "all" and a bad cursor as the first page, never an error', async () => {
    const admin = await createUser(db, { role: 'ADMIN' });
    for (const input of [
      { status: 'failed', kind: 'DROP TABLE', after: 'garbage' },
      { status: ['FAILED', 'SENT'], kind: '', after: '99999999999999999999.x' },
      { status: 'toString', kind: '__proto__', after: '1.bad id!' },
    ]) {
      const list = await listEmails(admin, input);
      expect(list.emails.map((email) => email.id)).toEqual(
        input.status === 'failed' || input.status === 'toString' ? newestFirst : ['list-3', 'list-2'],
      );
      expect(list.filters.kind).toBeUndefined();
      expect(list.filters.after).toBeUndefined();
    }
  });
});

describe('retrying a failed email', () => {
  it('is for admins only', async () => {
    const user = await createUser(db);
    await db.emailOutbox.create({ data: outbox('retry-denied', 10, { status: 'FAILED', attempts: 10 }) });
    await expect(retryEmail(user, 'retry-denied')).rejects.toBeInstanceOf(AccessDenied);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: 'retry-denied' } })).toMatchObject({ status: 'FAILED' });
    expect(await jobsFor('retry-denied')).toHaveLength(0);
  });

  it('puts it back in the queue once, keeping its history, and records who did it', async () => {
    const admin = await createUser(db, { role: 'ADMIN' });
    await db.emailOutbox.create({
      data: outbox('retry-once', 11, { status: 'FAILED', attempts: 10, lastError: 'Mailbox full', lockedUntil: at(12) }),
    });

    expect(await retryEmail(admin, 'retry-once')).toEqual({ requeued: true });
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: 'retry-once' } })).toMatchObject({
      status: 'PENDING',
      attempts: 10,
      lastError: 'Mailbox full',
      lockedUntil: null,
    });
    expect(await jobsFor('retry-once')).toHaveLength(1);
    expect(await db.auditLog.findMany({ where: { entityType: 'EmailOutbox', entityId: 'retry-once' } })).toEqual([
      expect.objectContaining({ action: 'email.retry', actorId: admin.id }),
    ]);

    // Pressed again (a double click, a stale page): it is pending now, so nothing more is queued.
    expect(await retryEmail(admin, 'retry-once')).toEqual({ requeued: false });
    expect(await jobsFor('retry-once')).toHaveLength(1);
  });

  it('waits while a worker may still hold it: not before its lease has lapsed', async () => {
    const admin = await createUser(db, { role: 'ADMIN' });
    await db.emailOutbox.create({
      data: outbox('retry-leased', 12, { status: 'FAILED', attempts: 10, lockedUntil: new Date(Date.now() + 60_000) }),
    });
    expect(await retryEmail(admin, 'retry-leased')).toEqual({ requeued: false });
    expect(await jobsFor('retry-leased')).toHaveLength(0);
    await db.emailOutbox.update({ where: { id: 'retry-leased' }, data: { lockedUntil: new Date(Date.now() - 1_000) } });
    expect(await retryEmail(admin, 'retry-leased')).toEqual({ requeued: true });
  });

  it('does nothing to emails that are sent, waiting, being sent, or do not exist', async () => {
    const admin = await createUser(db, { role: 'ADMIN' });
    await db.emailOutbox.createMany({
      data: [
        outbox('retry-sent', 13, { status: 'SENT', sentAt: at(13), attempts: 1 }),
        outbox('retry-pending', 14, { status: 'PENDING' }),
        outbox('retry-sending', 15, { status: 'SENDING', attempts: 1, lockedUntil: at(16) }),
      ],
    });
    for (const id of ['retry-sent', 'retry-pending', 'retry-sending', 'no-such-email', '']) {
      expect(await retryEmail(admin, id)).toEqual({ requeued: false });
      expect(await jobsFor(id)).toHaveLength(0);
    }
    expect(
      await db.emailOutbox.findMany({ where: { id: { startsWith: 'retry-s' } }, select: { id: true, status: true, lockedUntil: true } }),
    ).toEqual(
      expect.arrayContaining([
        { id: 'retry-sent', status: 'SENT', lockedUntil: null },
        { id: 'retry-sending', status: 'SENDING', lockedUntil: at(16) },
      ]),
    );
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: 'retry-pending' } })).toMatchObject({ status: 'PENDING' });
    expect(
      await db.auditLog.count({ where: { action: 'email.retry', entityId: { in: ['retry-sent', 'retry-pending', 'retry-sending'] } } }),
    ).toBe(0);
  });

  it('queues exactly one job when two admins retry at the same moment', async () => {
    const [first, second] = [await createUser(db, { role: 'ADMIN' }), await createUser(db, { role: 'ADMIN' })];
    await db.emailOutbox.create({ data: outbox('retry-race', 17, { status: 'FAILED', attempts: 10, lastError: 'Timeout' }) });

    const results = await Promise.all([retryEmail(first, 'retry-race'), retryEmail(second, 'retry-race')]);

    expect(results.map((result) => result.requeued).sort()).toEqual([false, true]);
    expect(await jobsFor('retry-race')).toHaveLength(1);
    expect(await db.auditLog.count({ where: { action: 'email.retry', entityId: 'retry-race' } })).toBe(1);
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: 'retry-race' } })).toMatchObject({ status: 'PENDING', attempts: 10 });
  });

  it('changes nothing when the job queue is not running', async () => {
    const admin = await createUser(db, { role: 'ADMIN' });
    await db.emailOutbox.create({ data: outbox('retry-no-queue', 18, { status: 'FAILED', attempts: 10 }) });
    setJobQueue(undefined);
    try {
      await expect(retryEmail(admin, 'retry-no-queue')).rejects.toBeInstanceOf(JobQueueNotStarted);
    } finally {
      setJobQueue(boss);
    }
    expect(await db.emailOutbox.findUniqueOrThrow({ where: { id: 'retry-no-queue' } })).toMatchObject({ status: 'FAILED' });
  });
});
