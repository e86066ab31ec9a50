// "Asks that fit you" reads its candidates by one of two plans (lib/matching/asks-for-volunteer.ts candidatePlan,
// decision 30): walking the listed asks oldest first until the cap, or gathering every match through the GIN index
// and keeping the oldest. On the demo seed, where both are possible, each forced in turn gives the same asks in
// the same order, with the same scores and reasons, for every volunteer, with and without /asks filters.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { asksThatFit, candidatePlan, EXACT_ASKS, INDEX_ONLY_ENTRY_COST } from '@/lib/matching/asks-for-volunteer';
import { seedDatabase } from '@/prisma/seed/seed-database';

const TODAY = new Date('2026-06-15T12:00:00Z');
let volunteers: string[];

beforeAll(async () => {
  await seedDatabase(db, TODAY);
  volunteers = (await db.volunteerProfile.findMany({ select: { userId: true }, orderBy: { userId: 'asc' } })).map((row) => row.userId);
});

describe('asks that fit a volunteer, whichever plan reads the candidates', () => {
  it('gives every volunteer the same asks, order, scores and reasons walked as gathered', async () => {
    let compared = 0;
    for (const userId of volunteers) {
      const walked = await asksThatFit(db, userId, { now: TODAY, plan: 'walk' });
      const gathered = await asksThatFit(db, userId, { now: TODAY, plan: 'gather' });
      expect(gathered).toEqual(walked);
      expect(await asksThatFit(db, userId, { now: TODAY })).toEqual(walked);
      compared += walked.length;
    }
    expect(compared).toBeGreaterThan(0);
  });

  it('gives the same with /asks filters ANDed in', async () => {
    const where = Prisma.sql`a.media && ARRAY['VIDEO'::"Medium"] AND a."durationMinutes" <= 45`;
    for (const userId of volunteers.slice(0, 10)) {
      const walked = await asksThatFit(db, userId, { now: TODAY, plan: 'walk', where });
      expect(await asksThatFit(db, userId, { now: TODAY, plan: 'gather', where })).toEqual(walked);
    }
  });
});

describe('candidatePlan', () => {
  it('walks once the matches outnumber the geometric mean of the cap and the asks, and gathers below it', () => {
    // At 100k asks and a cap of 400 the mean is about 6,325.
    expect(candidatePlan(6_400, 100_000, EXACT_ASKS)).toBe('walk');
    expect(candidatePlan(6_200, 100_000, EXACT_ASKS)).toBe('gather');
    expect(candidatePlan(0, 0, EXACT_ASKS)).toBe('gather');
  });

  it('walks much sooner when the walk reads the listed index alone', () => {
    // At 120k asks and a cap of 400, sqrt(400 x 120,000 / 60) is about 894.
    expect(candidatePlan(900, 120_000, EXACT_ASKS, INDEX_ONLY_ENTRY_COST)).toBe('walk');
    expect(candidatePlan(880, 120_000, EXACT_ASKS, INDEX_ONLY_ENTRY_COST)).toBe('gather');
    expect(candidatePlan(880, 120_000, EXACT_ASKS)).toBe('gather');
  });
});
