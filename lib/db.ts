// The one Prisma client the app uses. With DATABASE_URL it talks to that PostgreSQL server; without
// it, to the embedded PostgreSQL under PGLITE_DATA_DIR (docs/decisions/0001-embedded-database.md).
import 'server-only';
import { createDatabaseClient, type DatabaseClient } from '@/lib/database/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One client per process, surviving hot reloads in development. The job queue (lib/jobs) shares it,
// and with it the embedded database's single connection.
const globalForDb = globalThis as unknown as { halfhourDb?: PrismaClient; halfhourDatabase?: DatabaseClient };

function open(): DatabaseClient {
  const client = createDatabaseClient({
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
    connectTimeoutMs: env.DATABASE_CONNECT_TIMEOUT_MS,
    statementTimeoutMs: env.DATABASE_STATEMENT_TIMEOUT_MS,
    idleInTransactionTimeoutMs: env.DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS,
  });
  globalForDb.halfhourDatabase = client;
  return client;
}

export const db: PrismaClient = globalForDb.halfhourDb ?? open().db;
globalForDb.halfhourDb = db;

/** The database this process uses, engine and all. Tests that set `halfhourDb` themselves have none. */
export function appDatabase(): DatabaseClient | undefined {
  return globalForDb.halfhourDatabase;
}
