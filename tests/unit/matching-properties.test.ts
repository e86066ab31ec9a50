// The ranking's promises checked on thousands of random pools (fast-check shrinks any failure to a small one).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  rankVolunteers,
  type AskForMatching,
  type Medium,
  type SkillLevel,
  type TaxonomySkill,
  type VolunteerForMatching,
} from '@/lib/matching';

const taxonomy: TaxonomySkill[] = [
  { id: 's0', categoryId: 'finance', name: 'Gift Aid' },
  { id: 's1', categoryId: 'finance', name: 'Budgeting' },
  { id: 's2', categoryId: 'finance', name: 'Payroll' },
  { id: 's3', categoryId: 'fundraising', name: 'Trusts' },
  { id: 's4', categoryId: 'fundraising', name: 'Events' },
  { id: 's5', categoryId: 'digital', name: 'Social media' },
  { id: 's6', categoryId: 'digital', name: 'Websites' },
  { id: 's7', categoryId: 'governance', name: 'Trustees' },
];
const categoryOf = new Map(taxonomy.map((skill) => [skill.id, skill.categoryId]));
const skillIds = [...taxonomy.map((skill) => skill.id), 'unknown'];
const levels: SkillLevel[] = ['WORKING', 'EXPERIENCED', 'EXPERT'];
const allMedia: Medium[] = ['VIDEO', 'PHONE', 'EMAIL', 'IN_PERSON'];
const everyone = { limit: Number.POSITIVE_INFINITY };

const skillArb = fc.record({ skillId: fc.constantFrom(...skillIds), level: fc.constantFrom(...levels) });
const ratingArb = fc.oneof(
  fc.constant({ averageRating: null, ratingCount: 0 }),
  fc.record({ averageRating: fc.double({ min: 1, max: 5, noNaN: true }), ratingCount: fc.integer({ min: 1, max: 80 }) }),
);
const volunteerArb = (idArb: fc.Arbitrary<string>): fc.Arbitrary<VolunteerForMatching> =>
  fc
    .record({
      id: idArb,
      skills: fc.array(skillArb, { maxLength: 4 }),
      media: fc.subarray(allMedia),
      paused: fc.boolean(),
      monthlyCapacity: fc.integer({ min: 0, max: 6 }),
      sessionsThisMonth: fc.integer({ min: 0, max: 7 }),
      rating: ratingArb,
    })
    .map(({ rating, ...rest }) => ({ ...rest, ...rating }));
const askArb: fc.Arbitrary<AskForMatching> = fc.record({
  id: fc.constant('ask'),
  skillIds: fc.subarray(skillIds, { minLength: 1, maxLength: 3 }),
  media: fc.subarray(allMedia, { minLength: 1 }),
});
/** Pools where every id is different. */
const poolArb = fc.uniqueArray(volunteerArb(fc.string({ minLength: 1, maxLength: 4 })), { maxLength: 25, selector: (v) => v.id });
/** Pools where ids may repeat. */
const messyPoolArb = fc.array(volunteerArb(fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f')), { maxLength: 25 });

/** Rule 1 written out independently of the code under test. */
function shouldBeRanked(ask: AskForMatching, v: VolunteerForMatching): boolean {
  if (v.paused || v.monthlyCapacity <= v.sessionsThisMonth) return false;
  if (!v.media.some((medium) => ask.media.includes(medium))) return false;
  return v.skills.some(
    (skill) =>
      ask.skillIds.includes(skill.skillId) ||
      (categoryOf.has(skill.skillId) && ask.skillIds.some((asked) => categoryOf.get(asked) === categoryOf.get(skill.skillId))),
  );
}

function scoreOf(ask: AskForMatching, pool: VolunteerForMatching[], id: string): number | undefined {
  return rankVolunteers(ask, pool, taxonomy, everyone).find((result) => result.volunteerId === id)?.score;
}

/** A pool with one volunteer changed, and the index of the one changed. */
const poolWithOneArb = poolArb
  .filter((pool) => pool.length > 0)
  .chain((pool) => fc.tuple(fc.constant(pool), fc.nat({ max: pool.length - 1 })));

describe('ranking properties', () => {
  it('returns scores in [0, 1], best first, ties by id, each id once', () => {
    fc.assert(
      fc.property(askArb, messyPoolArb, fc.integer({ min: 1, max: 30 }), (ask, pool, limit) => {
        const ranked = rankVolunteers(ask, pool, taxonomy, { limit });
        expect(ranked.length).toBeLessThanOrEqual(limit);
        expect(new Set(ranked.map((result) => result.volunteerId)).size).toBe(ranked.length);
        ranked.forEach((result, i) => {
          expect(result.score).toBeGreaterThanOrEqual(0);
          expect(result.score).toBeLessThanOrEqual(1);
          expect(result.reasons.length).toBeGreaterThan(0);
          expect(result.reasons.length).toBeLessThanOrEqual(4);
          const next = ranked[i + 1];
          if (next) expect(result.score > next.score || (result.score === next.score && result.volunteerId < next.volunteerId)).toBe(true);
        });
      }),
      { numRuns: 500 },
    );
  });

  it('gives the same result whatever the order of the pool, even with repeated ids', () => {
    fc.assert(
      fc.property(
        askArb,
        messyPoolArb.chain((pool) =>
          fc.tuple(fc.constant(pool), fc.shuffledSubarray(pool, { minLength: pool.length, maxLength: pool.length })),
        ),
        fc.integer({ min: 1, max: 80 }),
        (ask, [pool, shuffled], limit) => {
          expect(rankVolunteers(ask, shuffled, taxonomy, { limit })).toEqual(rankVolunteers(ask, pool, taxonomy, { limit }));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('ranks exactly the volunteers rule 1 lets in: never the paused, full, unreachable or unskilled', () => {
    fc.assert(
      fc.property(askArb, poolArb, (ask, pool) => {
        const ranked = rankVolunteers(ask, pool, taxonomy, everyone).map((result) => result.volunteerId);
        const expected = pool.filter((v) => shouldBeRanked(ask, v)).map((v) => v.id);
        expect([...ranked].sort()).toEqual([...expected].sort());
      }),
      { numRuns: 500 },
    );
  });

  it('never lowers a score when a volunteer adds a matching skill', () => {
    fc.assert(
      fc.property(
        askArb,
        poolWithOneArb,
        fc.nat(),
        fc.boolean(),
        fc.constantFrom(...levels),
        (ask, [pool, at], pick, sameCategory, level) => {
          const asked = ask.skillIds[pick % ask.skillIds.length]!;
          const related = taxonomy.filter((skill) => skill.categoryId === categoryOf.get(asked)).map((skill) => skill.id);
          const added = sameCategory && related.length > 0 ? related[pick % related.length]! : asked;
          const v = pool[at]!;
          const before = scoreOf(ask, pool, v.id);
          const richer = pool.map((other, i) => (i === at ? { ...other, skills: [...other.skills, { skillId: added, level }] } : other));
          const after = scoreOf(ask, richer, v.id);
          if (before !== undefined) expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('never lowers a score when a volunteer has more spare capacity, all else equal', () => {
    fc.assert(
      fc.property(
        askArb,
        poolWithOneArb,
        fc.integer({ min: 0, max: 5 }),
        fc.integer({ min: 0, max: 5 }),
        (ask, [pool, at], more, fewer) => {
          const v = pool[at]!;
          const before = scoreOf(ask, pool, v.id);
          const freer = pool.map((other, i) =>
            i === at
              ? { ...other, monthlyCapacity: other.monthlyCapacity + more, sessionsThisMonth: Math.max(0, other.sessionsThisMonth - fewer) }
              : other,
          );
          const after = scoreOf(ask, freer, v.id);
          if (before !== undefined) expect(after).toBeGreaterThanOrEqual(before);
        },
      ),
      { numRuns: 1000 },
    );
  });

  it('counts a skill fewer candidates hold for more than a commoner one', () => {
    const known = taxonomy.map((skill) => skill.id);
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...known), { minLength: 2, maxLength: 2 }),
        fc.constantFrom(...levels),
        poolArb,
        volunteerArb(fc.constant('twin')),
        ([rare, common], level, pool, twin) => {
          const ask: AskForMatching = { id: 'ask', skillIds: [rare!, common!], media: ['VIDEO'] };
          const base = { ...twin, paused: false, media: ['VIDEO' as Medium], monthlyCapacity: 5, sessionsThisMonth: 0 };
          const holdsRare = { ...base, id: '~rare', skills: [{ skillId: rare!, level }] };
          const holdsCommon = { ...base, id: '~common', skills: [{ skillId: common!, level }] };
          const everybody = [...pool, holdsRare, holdsCommon];
          const holders = (skillId: string) =>
            everybody.filter((v) => shouldBeRanked(ask, v) && v.skills.some((skill) => skill.skillId === skillId)).length;
          fc.pre(holders(rare!) < holders(common!));
          expect(scoreOf(ask, everybody, holdsRare.id)).toBeGreaterThan(scoreOf(ask, everybody, holdsCommon.id)!);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never ranks one 5-star review above forty averaging 4.8', () => {
    fc.assert(
      fc.property(askArb, poolArb, volunteerArb(fc.constant('twin')), (ask, pool, twin) => {
        const oneReview = { ...twin, id: '~one-review', averageRating: 5, ratingCount: 1 };
        const fortyReviews = { ...twin, id: '~forty-reviews', averageRating: 4.8, ratingCount: 40 };
        const ranked = rankVolunteers(ask, [...pool, oneReview, fortyReviews], taxonomy, everyone);
        const one = ranked.find((result) => result.volunteerId === oneReview.id);
        const forty = ranked.find((result) => result.volunteerId === fortyReviews.id);
        expect(one === undefined).toBe(forty === undefined);
        if (one && forty) expect(forty.score).toBeGreaterThan(one.score);
      }),
      { numRuns: 500 },
    );
  });

  it('puts no rating strictly between a poor record and a strong one', () => {
    fc.assert(
      fc.property(
        askArb,
        poolArb,
        volunteerArb(fc.constant('twin')),
        fc.double({ min: 1, max: 3.4, noNaN: true }),
        fc.double({ min: 3.6, max: 5, noNaN: true }),
        fc.integer({ min: 1, max: 200 }),
        fc.integer({ min: 1, max: 200 }),
        (ask, pool, twin, poorAverage, strongAverage, poorCount, strongCount) => {
          const poor = { ...twin, id: '~poor', averageRating: poorAverage, ratingCount: poorCount };
          const unrated = { ...twin, id: '~unrated', averageRating: null, ratingCount: 0 };
          const strong = { ...twin, id: '~strong', averageRating: strongAverage, ratingCount: strongCount };
          const ranked = rankVolunteers(ask, [...pool, poor, unrated, strong], taxonomy, everyone);
          const score = (id: string) => ranked.find((result) => result.volunteerId === id)?.score;
          if (score(unrated.id) === undefined) return;
          expect(score(poor.id)).toBeLessThan(score(unrated.id)!);
          expect(score(strong.id)).toBeGreaterThan(score(unrated.id)!);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('never throws: empty pools, unknown skills, repeated ids, an empty or odd taxonomy, odd limits and numbers', () => {
    const oddNumber = fc.oneof(fc.integer({ min: -3, max: 8 }), fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0, 2.5));
    const oddVolunteer = fc.record({
      id: fc.constantFrom('a', 'b', 'constructor', '__proto__', ''),
      skills: fc.array(fc.record({ skillId: fc.oneof(fc.constantFrom(...skillIds), fc.string()), level: fc.constantFrom(...levels) }), {
        maxLength: 4,
      }),
      media: fc.subarray(allMedia),
      paused: fc.boolean(),
      monthlyCapacity: oddNumber,
      sessionsThisMonth: oddNumber,
      averageRating: fc.oneof(fc.constant(null), fc.double()),
      ratingCount: oddNumber,
    });
    fc.assert(
      fc.property(
        fc.record({
          id: fc.string(),
          skillIds: fc.array(fc.oneof(fc.constantFrom(...skillIds), fc.string()), { maxLength: 4 }),
          media: fc.subarray(allMedia),
        }),
        fc.array(oddVolunteer, { maxLength: 12 }),
        fc.subarray(taxonomy),
        fc.option(oddNumber, { nil: undefined }),
        (ask, pool, someTaxonomy, limit) => {
          const ranked = rankVolunteers(ask, pool, someTaxonomy, { limit });
          for (const result of ranked) {
            expect(Number.isFinite(result.score)).toBe(true);
            expect(result.score).toBeGreaterThanOrEqual(0);
            expect(result.score).toBeLessThanOrEqual(1);
          }
        },
      ),
      { numRuns: 1000 },
    );
  });
});
