// The demo seed: realistic coverage of the marketplace, identical on every run and on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseClient } from '@/lib/database/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { DEMO_ACCOUNTS, seedDatabase } from '@/prisma/seed/seed-database';
import { emptyDatabase, isDatabaseEmpty } from '@/prisma/seed/empty-database';
import { testEngines } from '../support/engines';

const TODAY = new Date('2026-06-15T12:00:00Z');

/** Every row of every table, without the timestamps the database fills in at insert time. */
async function snapshot(db: PrismaClient) {
  const tables = await db.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const result: Record<string, unknown[]> = {};
  for (const { tablename } of tables) {
    // As JSON, since Prisma cannot read a tsvector. The search vector itself is left out: it is derived
    // from the title and question, and PostgreSQL 17's Snowball stemmer (PGlite) differs from 15's in a
    // few words ("adding" is "ad" on one, "add" on the other); each engine is consistent with itself.
    const rows = await db.$queryRawUnsafe<Array<{ row: Record<string, unknown> }>>(
      `SELECT to_jsonb(t) - 'createdAt' - 'updatedAt' - 'searchVector' AS row FROM "${tablename}" t`,
    );
    result[tablename] = rows.map(({ row }) => JSON.stringify(row)).sort();
  }
  return result;
}

const engines = testEngines().map((engine) => ({ ...engine, client: undefined as DatabaseClient | undefined }));

beforeAll(async () => {
  for (const engine of engines) {
    engine.client = engine.open();
    await seedDatabase(engine.client.db, TODAY);
  }
});
afterAll(async () => {
  for (const engine of engines) await engine.client?.close();
});

describe.each(engines)('the demo seed on the $name engine', (engine) => {
  const db = () => engine.client!.db;

  it('covers every ask status with a realistic spread', async () => {
    const byStatus = await db().ask.groupBy({ by: ['status'], _count: true, orderBy: { status: 'asc' } });
    const counts = Object.fromEntries(byStatus.map((row) => [row.status, row._count]));
    expect(counts).toEqual({
      DRAFT: 1,
      PENDING_REVIEW: 4,
      CHANGES_REQUESTED: 1,
      OPEN: 13, // one of them approved but waiting for its organisation's verification
      MATCHED: 4,
      COMPLETED: 5,
      REJECTED: 1,
      WITHDRAWN: 2, // one of them the broad ask the lottery project was split from
      EXPIRED: 1,
    });
  });

  it('has the taxonomy, organisations, volunteers, meetings and feedback the brief asks for', async () => {
    expect(await db().skillCategory.count()).toBe(10);
    expect(await db().skill.count()).toBeGreaterThanOrEqual(60);
    expect(await db().organisation.count()).toBe(12);
    expect(await db().organisation.count({ where: { status: 'PENDING_VERIFICATION' } })).toBe(2);
    expect(await db().volunteerProfile.count()).toBeGreaterThanOrEqual(40);
    expect(await db().meeting.count({ where: { status: 'HELD' } })).toBe(5);
    expect(await db().meeting.count({ where: { status: 'SCHEDULED', startsAt: { gt: TODAY } } })).toBe(4);
    expect(await db().feedback.count()).toBeGreaterThanOrEqual(8);
  });

  it('creates the three demo accounts named in the README', async () => {
    const charity = await db().user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.charity },
      include: { memberships: { include: { organisation: true } } },
    });
    const volunteer = await db().user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.volunteer },
      include: { volunteerProfile: { include: { skills: true } } },
    });
    const admin = await db().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.admin } });

    expect(charity.memberships.map((m) => [m.organisation.name, m.role])).toEqual([['Brightside Youth Club', 'OWNER']]);
    expect(volunteer.volunteerProfile?.skills.length).toBeGreaterThan(3);
    expect(admin.role).toBe('ADMIN');
  });

  it('only publishes asks from verified organisations', async () => {
    expect(await db().ask.count({ where: { publishedAt: { not: null }, organisation: { status: { not: 'VERIFIED' } } } })).toBe(0);
    expect(await db().ask.count({ where: { status: 'OPEN', publishedAt: null } })).toBe(1);
  });

  it('stores the coach’s score for every ask, and the moderation queue has examples', async () => {
    expect(await db().ask.count({ where: { qualityScore: null } })).toBe(0);
    expect(await db().ask.count({ where: { status: 'PENDING_REVIEW' } })).toBeGreaterThanOrEqual(3);
    expect(await db().ask.count({ where: { status: 'CHANGES_REQUESTED', moderationNote: { not: null } } })).toBe(1);
  });
});

describe('seeding', () => {
  it('is deterministic: the same day gives the same rows, on either engine', async () => {
    const [first, ...others] = await Promise.all(engines.map((engine) => snapshot(engine.client!.db)));
    for (const other of others) expect(other).toEqual(first);

    const engine = engines[0]!;
    await emptyDatabase(engine.client!.db);
    expect(await isDatabaseEmpty(engine.client!.db)).toBe(true);
    await seedDatabase(engine.client!.db, TODAY);
    expect(await snapshot(engine.client!.db)).toEqual(first);
  });
});
