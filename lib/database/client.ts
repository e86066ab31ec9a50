// Builds a Prisma client for either engine. The app uses the one instance in lib/db.ts; tools
// (start, seed, tests) build their own so they can close it and release the embedded database.
import type { PGlite } from '@electric-sql/pglite';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { PrismaClient } from '@/lib/generated/prisma/client';
import { closeEmbeddedDatabase, openEmbeddedDatabase } from './embedded';
import { applyMigrations } from './migrations';
import { pgliteConnection } from './sql';
import { statementNamer } from './statement-names';
import { retryAbortedTransactions } from './transactions';
import { markUnavailableErrors } from './unavailable';

export interface DatabaseOptions {
  /** A PostgreSQL server; when absent the embedded database is used. */
  databaseUrl?: string;
  pgliteDataDir: string;
  poolSize?: number;
  /** How long to wait to open a connection or for a free one in the pool; unset: forever (pg's default). */
  connectTimeoutMs?: number;
  /** PostgreSQL's statement_timeout for each connection; unset: the server's own (none by default). */
  statementTimeoutMs?: number;
  /** PostgreSQL's idle_in_transaction_session_timeout for each connection; unset: the server's own. */
  idleInTransactionTimeoutMs?: number;
}

export interface DatabaseClient {
  db: PrismaClient;
  engine: 'postgres' | 'embedded';
  /** The server's address, for other tools that need their own connections (the job queue). */
  databaseUrl?: string;
  /** The embedded database itself, shared with the job queue: PGlite has one connection per process. */
  pglite?: PGlite;
  /** Resolves once the embedded database is migrated (at once for a server). */
  ready: Promise<void>;
  close(): Promise<void>;
}

export function createDatabaseClient(options: DatabaseOptions): DatabaseClient {
  if (options.databaseUrl) {
    const db = withRetries(
      new PrismaClient({
        adapter: new PrismaPg(
          {
            connectionString: options.databaseUrl,
            max: options.poolSize ?? 10,
            // The app passes its settings (lib/db.ts, docs/decisions/0021); tools that seed or migrate wait as long as it takes.
            connectionTimeoutMillis: options.connectTimeoutMs,
            statement_timeout: options.statementTimeoutMs,
            idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs,
          },
          // The hottest reads are prepared once per connection (lib/database/statement-names.ts).
          { statementNameGenerator: statementNamer() },
        ),
      }),
    );
    return { db, engine: 'postgres', databaseUrl: options.databaseUrl, ready: Promise.resolve(), close: () => db.$disconnect() };
  }

  const pglite = openEmbeddedDatabase(options.pgliteDataDir);
  // The embedded database migrates itself before its first query, so `next dev`, tests and
  // `npm start` all see the current schema without a separate step.
  const ready = applyMigrations(pgliteConnection(pglite));
  class MigratedPGlite extends PrismaPGlite {
    override async connect() {
      await ready;
      return super.connect();
    }
  }
  const db = withRetries(new PrismaClient({ adapter: new MigratedPGlite(pglite) }));
  return {
    db,
    engine: 'embedded',
    pglite,
    ready: ready.then(() => undefined),
    async close() {
      await db.$disconnect();
      await ready.catch(() => undefined);
      await closeEmbeddedDatabase(pglite, options.pgliteDataDir);
    },
  };
}

/**
 * Every client, on either engine, runs a transaction again when PostgreSQL aborted it for colliding with
 * another (lib/database/transactions.ts), and marks the errors that say the database could not answer
 * (lib/database/unavailable.ts). The extensions change no types, so the app keeps `PrismaClient`.
 */
function withRetries(client: PrismaClient): PrismaClient {
  return client.$extends(retryAbortedTransactions).$extends(markUnavailableErrors) as unknown as PrismaClient;
}
