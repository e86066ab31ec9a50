// Transactions PostgreSQL aborts for colliding with another (docs/decisions/0016): the app's client runs
// them again (lib/database/transactions.ts), and bookings of one volunteer take their calendar lock first
// (lib/meetings/booking.ts) so the known collision, two overlapping bookings checked at the same instant,
// cannot happen. The collisions here are forced, not hoped for: a raised SQLSTATE on each engine, and on
// the PostgreSQL server two transactions made to wait for each other.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { isTransactionConflict } from '@/lib/database/errors';
import { TRANSACTION_ATTEMPTS } from '@/lib/database/transactions';
import { appDatabase, db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { bookMeeting, isMeetingClash } from '@/lib/meetings/booking';
import { createUser } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { createAskBy, createCharity } from '../support/meeting-factories';

withJobQueue();

// Two transactions at once need two connections: the embedded engine has one, and runs them in turn.
const onServer = appDatabase()?.engine === 'postgres';
const MINUTE = 60_000;
const DAY = 1_440 * MINUTE;
// Room for PostgreSQL's deadlock_timeout (a second) and a busy machine.
const SLOW = { maxWait: 15_000, timeout: 30_000 } as const;

/** Makes PostgreSQL fail the current statement with `sqlState`, as it does when it aborts a transaction. */
function raise(tx: Prisma.TransactionClient, sqlState: string) {
  return tx.$executeRawUnsafe(`DO $$ BEGIN RAISE EXCEPTION 'forced by the test' USING ERRCODE = '${sqlState}'; END $$`);
}

/** An audit row per attempt, so the test can see which attempts' writes were kept. */
function record(tx: Prisma.TransactionClient, entityId: string, attempt: number) {
  return tx.auditLog.create({ data: { action: 'test.attempt', entityType: 'Test', entityId, data: { attempt } } });
}

async function kept(entityId: string) {
  const rows = await db.auditLog.findMany({ where: { entityId }, select: { data: true } });
  return rows.map((row) => (row.data as { attempt: number }).attempt);
}

function signal() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(() => {
  vi.restoreAllMocks();
});

describe('a transaction PostgreSQL aborts for colliding with another', () => {
  it.each([
    ['a deadlock', '40P01'],
    ['a serialization failure', '40001'],
  ])('is run again from the start after %s, keeping only the attempt that committed', async (_, sqlState) => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const entityId = `retried-${sqlState}`;
    let attempts = 0;

    const result = await db.$transaction(async (tx) => {
      attempts += 1;
      await record(tx, entityId, attempts);
      if (attempts === 1) await raise(tx, sqlState);
      return 'committed';
    });

    expect(result).toBe('committed');
    expect(attempts).toBe(2);
    expect(await kept(entityId)).toEqual([2]);
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it(`gives up after ${TRANSACTION_ATTEMPTS} attempts and throws the database's error`, async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    let attempts = 0;

    const failure = await db
      .$transaction(async (tx) => {
        attempts += 1;
        await record(tx, 'always-collides', attempts);
        await raise(tx, '40001');
      })
      .catch((error: unknown) => error);

    expect(isTransactionConflict(failure)).toBe(true);
    expect(attempts).toBe(TRANSACTION_ATTEMPTS);
    expect(await kept('always-collides')).toEqual([]);
  });

  it('is not run again when it failed for any other reason', async () => {
    let attempts = 0;
    const failing = (work: (tx: Prisma.TransactionClient) => Promise<unknown>) =>
      db.$transaction(async (tx) => {
        attempts += 1;
        await work(tx);
      });

    await expect(failing(() => Promise.reject(new Error('the work itself failed')))).rejects.toThrow('the work itself failed');
    const duplicate = await failing((tx) => raise(tx, '23505')).catch((error: unknown) => error);
    expect(isTransactionConflict(duplicate)).toBe(false);
    expect(attempts).toBe(2);
  });

  it.runIf(onServer)('lets both of two transactions that lock in opposite orders finish: the deadlock’s loser runs again', async () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    const held = [signal(), signal()];
    const attempts = [0, 0];
    // Each takes its own lock, waits until the other holds its own, then asks for the other's: a cycle.
    const lockBoth = (me: 0 | 1) =>
      db.$transaction(async (tx) => {
        attempts[me]! += 1;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(16016, ${me}::int)`;
        held[me]!.open();
        await held[1 - me]!.opened;
        await tx.$executeRaw`SELECT pg_advisory_xact_lock(16016, ${1 - me}::int)`;
        return me;
      }, SLOW);

    const results = await Promise.allSettled([lockBoth(0), lockBoth(1)]);

    expect(results).toEqual([
      { status: 'fulfilled', value: 0 },
      { status: 'fulfilled', value: 1 },
    ]);
    expect([...attempts].sort()).toEqual([1, 2]);
  });
});

describe('two bookings of one volunteer at once', () => {
  it.runIf(onServer)('queue on the volunteer’s calendar, so the later one is refused as a clash, not aborted as a deadlock', async () => {
    const { organisation, owner } = await createCharity(db);
    const volunteer = await createUser(db, { name: 'Busy Volunteer' });
    const asks = [await openAsk(organisation.id, owner.id), await openAsk(organisation.id, owner.id)];
    const base = Date.now() + 7 * DAY;
    const at = (minutes: number) => new Date(base + minutes * MINUTE);
    // The worst order: each books one session, then one overlapping the other's first. With nothing
    // between them, each second insert waits for the other transaction, and PostgreSQL aborts one.
    const slots = [
      [at(0), at(75)],
      [at(60), at(15)],
    ] as const;
    const booked = [signal(), signal()];
    const pids: Array<number | undefined> = [undefined, undefined];
    const attempts = [0, 0];
    const watching = { done: false };

    const bookTwice = (me: 0 | 1) =>
      db.$transaction(async (tx) => {
        attempts[me]! += 1;
        const [{ pid }] = await tx.$queryRaw<[{ pid: number }]>`SELECT pg_backend_pid() AS pid`;
        pids[me] = pid;
        await book(tx, asks[me]!, slots[me][0]);
        booked[me]!.open();
        // On until the other has booked its first session too, or is kept waiting for this transaction.
        await Promise.race([booked[1 - me]!.opened, waitsForALock(() => pids[1 - me], watching)]);
        await book(tx, asks[me]!, slots[me][1]);
        return me;
      }, SLOW);

    function book(tx: Prisma.TransactionClient, ask: { id: string }, startsAt: Date) {
      return bookMeeting(tx, {
        askId: ask.id,
        organisationId: organisation.id,
        volunteerId: volunteer.id,
        offerId: null,
        startsAt,
        endsAt: new Date(startsAt.getTime() + 30 * MINUTE),
        medium: 'VIDEO',
        joinDetails: null,
        bookedById: owner.id,
      });
    }

    const results = await Promise.allSettled([bookTwice(0), bookTwice(1)]).finally(() => (watching.done = true));

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(isMeetingClash(refused?.reason), String(refused?.reason)).toBe(true);
    // Neither was aborted and run again: the second waited for the first instead of colliding with it.
    expect(attempts).toEqual([1, 1]);
    expect(await db.meeting.count({ where: { volunteerId: volunteer.id } })).toBe(2);
  });
});

function openAsk(organisationId: string, createdById: string) {
  return createAskBy(db, organisationId, createdById, { media: ['VIDEO'], timeZone: 'Europe/London', durationMinutes: 30 });
}

/** Resolves once the backend `pid` names waits for a lock another transaction holds. */
async function waitsForALock(pid: () => number | undefined, watching: { done: boolean }) {
  while (!watching.done) {
    const id = pid();
    if (id !== undefined) {
      const [row] = await db.$queryRaw<[{ waiting: boolean }]>`
        SELECT EXISTS (SELECT 1 FROM pg_locks WHERE pid = ${id}::int AND NOT granted) AS waiting`;
      if (row.waiting) return;
    }
    await pause(20);
  }
}
