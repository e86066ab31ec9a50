// Stamps every error that says PostgreSQL could not answer (lib/database/errors.ts) with the busy digest on
// its way out of the client, so whichever page, action or route meets it, the error pages show "busy, try
// again" and the response is a 503 (lib/database/busy-response.ts). One place, for every query and transaction.
import { Prisma, type PrismaClient } from '@/lib/generated/prisma/client';
import { DATABASE_BUSY_DIGEST } from './busy';
import { isDatabaseUnavailable } from './errors';

/** Marks `error` (in place) when the database could not answer; returns it to be thrown. */
export function markIfUnavailable(error: unknown): unknown {
  if (error instanceof Error && isDatabaseUnavailable(error)) {
    Object.assign(error, { digest: DATABASE_BUSY_DIGEST });
  }
  return error;
}

export const markUnavailableErrors = Prisma.defineExtension((client) =>
  client.$extends({
    name: 'mark-unavailable-errors',
    // Queries and raw statements, in or out of a transaction.
    query: {
      async $allOperations({ args, query }) {
        try {
          return await query(args);
        } catch (error) {
          throw markIfUnavailable(error);
        }
      },
    },
    // A transaction that could not get a connection fails before any query runs.
    client: {
      async $transaction(...args: unknown[]) {
        try {
          return await (client.$transaction as (...args: unknown[]) => Promise<unknown>).apply(client, args);
        } catch (error) {
          throw markIfUnavailable(error);
        }
      },
    } as { $transaction: PrismaClient['$transaction'] },
  }),
);
