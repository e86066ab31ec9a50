// "Listed" is said twice in lib/asks/listed.ts, as a Prisma where (openAskWhere) and as SQL (listedAskSql), because
// the app reads asks both ways. Here both pick the same asks out of one that is listed and one failing each part of
// the rule in turn (the deadline on either side of now included), on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listedAskSql, openAskWhere } from '@/lib/asks/listed';
import type { DatabaseClient } from '@/lib/database/client';
import { DAY_MS } from '@/lib/dates';
import { Prisma } from '@/lib/generated/prisma/client';
import { testEngines } from '../support/engines';
import { createAsk, createOrganisation } from '../support/factories';

const NOW = new Date('2026-06-15T12:00:00Z');

describe.each(testEngines())('listed asks on the $name engine', (engine) => {
  let client: DatabaseClient;

  beforeAll(() => {
    client = engine.open();
  });
  afterAll(async () => {
    await client.close();
  });

  it('the Prisma where and the SQL pick the same asks, and only the listed ones', async () => {
    const { db } = client;
    const verified = await createOrganisation(db);
    const pending = await createOrganisation(db, { status: 'PENDING_VERIFICATION' });
    const open = { status: 'OPEN', publishedAt: new Date(NOW.getTime() - DAY_MS), deadline: new Date(NOW.getTime() + DAY_MS) } as const;
    const cases = {
      listed: [verified.id, open],
      'deadline a millisecond away': [verified.id, { ...open, deadline: new Date(NOW.getTime() + 1) }],
      'deadline now': [verified.id, { ...open, deadline: NOW }],
      'deadline passed': [verified.id, { ...open, deadline: new Date(NOW.getTime() - DAY_MS) }],
      'never published': [verified.id, { ...open, publishedAt: null }],
      draft: [verified.id, { ...open, status: 'DRAFT' }],
      'in review': [verified.id, { ...open, status: 'PENDING_REVIEW' }],
      matched: [verified.id, { ...open, status: 'MATCHED' }],
      'organisation not verified': [pending.id, open],
      'hidden after a report': [verified.id, { ...open, hiddenAt: new Date(NOW.getTime() - DAY_MS), hiddenReason: 'Spam.' }],
    } as const;
    const ids = new Map<string, string>();
    for (const [name, [organisationId, data]] of Object.entries(cases)) {
      ids.set((await createAsk(db, organisationId, { ...data, title: name })).id, name);
    }
    const mine = [...ids.keys()];

    const byPrisma = await db.ask.findMany({ where: { ...openAskWhere(NOW), id: { in: mine } }, select: { id: true } });
    const bySql = await db.$queryRaw<Array<{ id: string }>>(
      Prisma.sql`SELECT a.id FROM "Ask" a WHERE ${listedAskSql(NOW)} AND a.id = ANY(${mine}::text[])`,
    );
    const names = (rows: Array<{ id: string }>) => rows.map((row) => ids.get(row.id)).sort();

    expect(names(byPrisma)).toEqual(['deadline a millisecond away', 'listed']);
    expect(names(bySql)).toEqual(names(byPrisma));
  });
});
