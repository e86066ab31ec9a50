// Runs before each integration test file: gives the file a database of its own, so files can run
// in parallel and never see each other's rows. lib/db.ts then connects to it like the app would.
import { randomBytes } from 'node:crypto';
import { afterAll, inject } from 'vitest';
import { databaseName, dropDatabase, recreateDatabase } from '@/lib/database/local-server';
import type { PrismaClient } from '@/lib/generated/prisma/client';

const server = inject('testServer');
const globalForDb = globalThis as unknown as { halfhourDb?: PrismaClient };

if (server) {
  const name = `${databaseName(server.url)}_${process.pid}_${randomBytes(3).toString('hex')}`;
  process.env.DATABASE_URL = await recreateDatabase(server.url, name, server.template);
  process.env.TEST_SERVER_URL = server.url;
  afterAll(async () => {
    await globalForDb.halfhourDb?.$disconnect();
    delete globalForDb.halfhourDb;
    await dropDatabase(server.url, name);
  });
} else {
  delete process.env.DATABASE_URL;
  delete process.env.TEST_SERVER_URL;
  process.env.PGLITE_DATA_DIR = 'memory://';
  afterAll(async () => {
    await globalForDb.halfhourDb?.$disconnect();
    delete globalForDb.halfhourDb;
  });
}
