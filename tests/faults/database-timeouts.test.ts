// Issue 19, faults: the bounds on waiting for PostgreSQL (docs/decisions/0021-database-faults.md). pg waits
// forever by default, for a connection and for a statement; the app's client gives up after
// DATABASE_CONNECT_TIMEOUT_MS (which also bounds the wait for a free pooled connection) and
// DATABASE_STATEMENT_TIMEOUT_MS, and every such failure carries the busy digest that makes the page a 503.
// Real PostgreSQL only: the embedded database has one connection and no pool.
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { DATABASE_BUSY_DIGEST } from '@/lib/database/busy';
import { createDatabaseClient, type DatabaseClient } from '@/lib/database/client';
import { isDatabaseUnavailable, postgresErrorCode } from '@/lib/database/errors';
import type { PrismaClient } from '@/lib/generated/prisma/client';

const serverDatabase = process.env.TEST_SERVER_URL ? process.env.DATABASE_URL : undefined;
const globalForDb = globalThis as unknown as { halfhourDb?: PrismaClient };
const opened: DatabaseClient[] = [];

function open(options: { poolSize?: number; connectTimeoutMs?: number; statementTimeoutMs?: number; databaseUrl?: string }) {
  const client = createDatabaseClient({ databaseUrl: serverDatabase, pgliteDataDir: 'unused', ...options });
  opened.push(client);
  return client.db;
}

/** The error `work` fails with (the test fails if it succeeds). */
async function failure(work: Promise<unknown>): Promise<Error & { digest?: string }> {
  const outcome = await work.then(
    () => undefined,
    (error: unknown) => error,
  );
  expect(outcome, 'expected the database call to fail').toBeInstanceOf(Error);
  return outcome as Error & { digest?: string };
}

afterAll(async () => {
  await Promise.all(opened.map((client) => client.close()));
});

describe.runIf(serverDatabase)('database timeouts', () => {
  it('a statement that runs past the statement timeout is cancelled by PostgreSQL, with a clear error', async () => {
    const db = open({ statementTimeoutMs: 300 });

    const error = await failure(db.$queryRaw`SELECT pg_sleep(5)`);

    expect(postgresErrorCode(error)).toBe('57014');
    expect(error.message).toContain('canceling statement due to statement timeout');
    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(error.digest).toBe(DATABASE_BUSY_DIGEST);
    // The connection is still good for the next statement.
    expect(await db.$queryRaw`SELECT 1 AS one`).toEqual([{ one: 1 }]);
  });

  it('inside a transaction too: the transaction fails with the timeout and nothing of it is kept', async () => {
    const db = open({ statementTimeoutMs: 300 });
    const before = await db.skillCategory.count();

    const error = await failure(
      db.$transaction(async (tx) => {
        await tx.skillCategory.create({ data: { slug: 'fault-timeout', name: 'Fault timeout', description: 'Never kept.' } });
        await tx.$queryRaw`SELECT pg_sleep(5)`;
      }),
    );

    expect(postgresErrorCode(error)).toBe('57014');
    expect(error.digest).toBe(DATABASE_BUSY_DIGEST);
    expect(await db.skillCategory.count()).toBe(before);
  });

  it('with every pooled connection held by slow statements, a new query fails after the connect timeout instead of waiting for them', async () => {
    const db = open({ poolSize: 2, connectTimeoutMs: 500, statementTimeoutMs: 60_000 });
    const watcher = open({ poolSize: 1 });
    let slowFinished = false;
    const slow = Promise.allSettled([db.$queryRaw`SELECT pg_sleep(30)`, db.$queryRaw`SELECT pg_sleep(30)`]).then((results) => {
      slowFinished = true;
      return results;
    });
    await vi.waitFor(
      async () => {
        const [{ sleeping }] = await watcher.$queryRaw<[{ sleeping: number }]>`
          SELECT count(*)::int AS sleeping FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)' AND state = 'active'`;
        expect(sleeping).toBe(2);
      },
      { timeout: 20_000, interval: 100 },
    );

    const queryError = await failure(db.skill.count());
    const transactionError = await failure(db.$transaction(async (tx) => tx.skill.count()));

    // Failed while the slow statements still held the pool: no waiting for them.
    expect(slowFinished).toBe(false);
    for (const error of [queryError, transactionError]) {
      expect(error.message).toContain('timeout exceeded when trying to connect');
      expect(isDatabaseUnavailable(error)).toBe(true);
      expect(error.digest).toBe(DATABASE_BUSY_DIGEST);
    }

    await watcher.$queryRaw`SELECT pg_cancel_backend(pid) FROM pg_stat_activity WHERE query = 'SELECT pg_sleep(30)'`;
    await slow;
    // Once the pool has a connection again, queries run.
    expect(await db.skill.count()).toBeGreaterThanOrEqual(0);
  });

  it('a server that refuses connections fails at once as unavailable', async () => {
    const url = new URL(serverDatabase!);
    url.port = '1'; // nothing listens on port 1
    const db = open({ databaseUrl: url.toString(), connectTimeoutMs: 2_000 });

    const error = await failure(db.skill.count());

    expect(isDatabaseUnavailable(error)).toBe(true);
    expect(error.digest).toBe(DATABASE_BUSY_DIGEST);
  });

  it('a refusal is not mistaken for the database being unavailable', async () => {
    const db = open({});
    const error = await failure(db.$queryRaw`SELECT 1 / 0`);

    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(error.digest).toBeUndefined();
  });
});

describe.runIf(serverDatabase)("the app's client (lib/db.ts) takes its bounds from the environment", () => {
  const names = ['DATABASE_CONNECT_TIMEOUT_MS', 'DATABASE_STATEMENT_TIMEOUT_MS', 'DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS'] as const;
  const saved = Object.fromEntries(names.map((name) => [name, process.env[name]]));

  afterEach(async () => {
    await globalForDb.halfhourDb?.$disconnect();
    delete globalForDb.halfhourDb;
    for (const name of names) {
      if (saved[name] === undefined) delete process.env[name];
      else process.env[name] = saved[name];
    }
    vi.resetModules();
  });

  async function settings(): Promise<{ statement: string; idle: string }> {
    await globalForDb.halfhourDb?.$disconnect();
    delete globalForDb.halfhourDb;
    vi.resetModules();
    const { db } = await import('@/lib/db');
    const [row] = await db.$queryRaw<[{ statement: string; idle: string }]>`
      SELECT current_setting('statement_timeout') AS statement, current_setting('idle_in_transaction_session_timeout') AS idle`;
    return row;
  }

  it('by default: statements 15 s, idle in a transaction 30 s', async () => {
    for (const name of names) delete process.env[name];
    expect(await settings()).toEqual({ statement: '15s', idle: '30s' });
  });

  it('as set', async () => {
    process.env.DATABASE_STATEMENT_TIMEOUT_MS = '2500';
    process.env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS = '7000';
    expect(await settings()).toEqual({ statement: '2500ms', idle: '7s' });
  });
});
