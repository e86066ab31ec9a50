// Running a transaction again when PostgreSQL aborted it for colliding with another (a deadlock or a
// serialization failure): the one place this happens, for every `db.$transaction(async (tx) => ...)` in
// the app (docs/decisions/0016-retrying-aborted-transactions.md). The losing transaction has been rolled
// back whole, so the work runs again from its first statement, against what the winner committed.
// That is safe because a transaction function keeps its effects inside `tx` (emails and jobs are queued
// through it); one that changed something outside would do so twice.
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { isTransactionConflict } from './errors';

/** Tries per transaction, the first included: a collision is rare, two in a row rarer, and each can cost
 *  PostgreSQL's deadlock_timeout (a second) before the database picks a loser. */
export const TRANSACTION_ATTEMPTS = 4;

/** The longest pause before the second try; it doubles before each later one (at most 50, 100, 200 ms). */
const FIRST_BACKOFF_MS = 50;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Runs `run` until it succeeds, fails for another reason, or has failed TRANSACTION_ATTEMPTS times for
 * colliding. The pause is random up to the limit ("full jitter"), so two transactions that collided do
 * not try again in step and collide again.
 */
export async function retryAborted<T>(run: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await run();
    } catch (error) {
      if (!isTransactionConflict(error) || attempt >= TRANSACTION_ATTEMPTS) throw error;
      // Once per transaction: a collision now and then is normal; many of them say two paths take locks in
      // opposite orders. A final failure is thrown, and logged by whoever handles it.
      if (attempt === 1) {
        console.warn(`Database: a transaction collided with another and is run again (${lastLine(error)})`);
      }
      await pause(Math.random() * FIRST_BACKOFF_MS * 2 ** (attempt - 1));
    }
  }
}

/** Prisma's message ends with the database's own words, the part worth a log line. */
function lastLine(error: unknown): string {
  return String(error instanceof Error ? error.message : error)
    .trim()
    .split('\n')
    .at(-1)!;
}

/**
 * The client extension lib/database/client.ts applies: `$transaction` given a function is retried; given
 * an array of queries it is passed through (the app does not use that form).
 */
export const retryAbortedTransactions = Prisma.defineExtension((client) =>
  client.$extends({
    name: 'retry-aborted-transactions',
    client: {
      $transaction(...args: unknown[]) {
        const start = () => (client.$transaction as (...args: unknown[]) => Promise<unknown>).apply(client, args);
        return typeof args[0] === 'function' ? retryAborted(start) : start();
      },
    } as { $transaction: PrismaClient['$transaction'] },
  }),
);
