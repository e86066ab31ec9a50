// The one Prisma client the app uses. With DATABASE_URL it talks to that PostgreSQL server; without
// it, to the embedded PostgreSQL under PGLITE_DATA_DIR (docs/decisions/0001-embedded-database.md).
import 'server-only';
import { createDatabaseClient } from '@/lib/database/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { env } from '@/lib/env';

// One client per process, surviving hot reloads in development.
const globalForDb = globalThis as unknown as { halfhourDb?: PrismaClient };

export const db: PrismaClient =
  globalForDb.halfhourDb ??
  createDatabaseClient({
    databaseUrl: env.DATABASE_URL,
    pgliteDataDir: env.PGLITE_DATA_DIR,
    poolSize: env.DATABASE_POOL_SIZE,
  }).db;
globalForDb.halfhourDb = db;
