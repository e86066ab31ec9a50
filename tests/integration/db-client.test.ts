// lib/db.ts, the app's one Prisma client, talks to whichever engine the environment names.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PrismaClient } from '@/lib/generated/prisma/client';

const globalForDb = globalThis as unknown as { halfhourDb?: PrismaClient };
const original = { DATABASE_URL: process.env.DATABASE_URL, PGLITE_DATA_DIR: process.env.PGLITE_DATA_DIR };

async function loadDb() {
  await globalForDb.halfhourDb?.$disconnect();
  delete globalForDb.halfhourDb;
  vi.resetModules();
  return (await import('@/lib/db')).db;
}

afterEach(async () => {
  await globalForDb.halfhourDb?.$disconnect();
  delete globalForDb.halfhourDb;
  Object.assign(process.env, original);
  if (original.DATABASE_URL === undefined) delete process.env.DATABASE_URL;
});

describe('lib/db', () => {
  it('uses the embedded PostgreSQL when DATABASE_URL is unset', async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = 'memory://';
    const db = await loadDb();

    const [row] = await db.$queryRaw<Array<{ version: string }>>`SELECT version()`;

    expect(row!.version).toMatch(/^PostgreSQL/);
    expect(row!.version).toMatch(/emscripten|wasm/i);
    expect(await db.skill.count()).toBe(0); // migrated: the table exists
  });

  it.runIf(process.env.TEST_SERVER_URL)('uses the PostgreSQL server named by DATABASE_URL', async () => {
    const expected = new URL(original.DATABASE_URL!).pathname.slice(1);
    const db = await loadDb();

    const [row] = await db.$queryRaw<Array<{ database: string; version: string }>>`
      SELECT current_database() AS database, version()`;

    expect(row!.database).toBe(expected);
    expect(row!.version).not.toMatch(/emscripten|wasm/i);
  });

  it('is one instance per process', async () => {
    delete process.env.DATABASE_URL;
    process.env.PGLITE_DATA_DIR = 'memory://';
    const first = await loadDb();
    vi.resetModules();
    const second = (await import('@/lib/db')).db;
    expect(second).toBe(first);
  });
});
