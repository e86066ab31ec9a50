// The seven rules the matching keeps, each shown on a small pool a person can check by hand.
import { describe, expect, it } from 'vitest';
import {
  rankAsksForVolunteer,
  rankVolunteers,
  type AskForMatching,
  type AskToRank,
  type RankedVolunteer,
  type TaxonomySkill,
  type VolunteerForMatching,
} from '@/lib/matching';

const taxonomy: TaxonomySkill[] = [
  { id: 'gift-aid', categoryId: 'finance', name: 'Gift Aid' },
  { id: 'budgeting', categoryId: 'finance', name: 'Budgeting' },
  { id: 'payroll', categoryId: 'finance', name: 'Payroll' },
  { id: 'trusts', categoryId: 'fundraising', name: 'Trusts and foundations' },
  { id: 'events', categoryId: 'fundraising', name: 'Fundraising events' },
  { id: 'seo', categoryId: 'digital', name: 'Search engines' },
  { id: 'social', categoryId: 'digital', name: 'Social media' },
];

function volunteer(id: string, overrides: Partial<VolunteerForMatching> = {}): VolunteerForMatching {
  return {
    id,
    skills: [{ skillId: 'gift-aid', level: 'EXPERT' }],
    media: ['VIDEO', 'PHONE'],
    paused: false,
    monthlyCapacity: 4,
    sessionsThisMonth: 1,
    averageRating: 4.5,
    ratingCount: 10,
    ...overrides,
  };
}

const giftAidAsk: AskForMatching = { id: 'ask-1', skillIds: ['gift-aid'], media: ['VIDEO'] };

const ids = (ranked: RankedVolunteer[]) => ranked.map((result) => result.volunteerId);
const scoreOf = (ranked: RankedVolunteer[], id: string) => {
  const found = ranked.find((result) => result.volunteerId === id);
  if (!found) throw new Error(`${id} was not ranked`);
  return found.score;
};

describe('rule 1: who is left out', () => {
  it('leaves out the paused, the full, those sharing no medium and those with no skill of the ask', () => {
    const pool = [
      volunteer('ok'),
      volunteer('paused', { paused: true }),
      volunteer('full', { monthlyCapacity: 3, sessionsThisMonth: 3 }),
      volunteer('over', { monthlyCapacity: 2, sessionsThisMonth: 5 }),
      volunteer('no-capacity', { monthlyCapacity: 0, sessionsThisMonth: 0 }),
      volunteer('email-only', { media: ['EMAIL'] }),
      volunteer('other-field', { skills: [{ skillId: 'seo', level: 'EXPERT' }] }),
      volunteer('no-skills', { skills: [] }),
      volunteer('related', { skills: [{ skillId: 'payroll', level: 'WORKING' }] }),
    ];
    expect(ids(rankVolunteers(giftAidAsk, pool, taxonomy))).toEqual(['ok', 'related']);
  });

  it('keeps a volunteer with one session left', () => {
    expect(ids(rankVolunteers(giftAidAsk, [volunteer('last-slot', { monthlyCapacity: 3, sessionsThisMonth: 2 })], taxonomy))).toEqual([
      'last-slot',
    ]);
  });
});

describe('rule 2: exact beats related, higher level beats lower', () => {
  it('orders expert, experienced, working, then related skills by their level', () => {
    const pool = [
      volunteer('related-working', { skills: [{ skillId: 'budgeting', level: 'WORKING' }] }),
      volunteer('exact-working', { skills: [{ skillId: 'gift-aid', level: 'WORKING' }] }),
      volunteer('related-expert', { skills: [{ skillId: 'budgeting', level: 'EXPERT' }] }),
      volunteer('exact-expert', { skills: [{ skillId: 'gift-aid', level: 'EXPERT' }] }),
      volunteer('exact-experienced', { skills: [{ skillId: 'gift-aid', level: 'EXPERIENCED' }] }),
    ];
    expect(ids(rankVolunteers(giftAidAsk, pool, taxonomy))).toEqual([
      'exact-expert',
      'exact-experienced',
      'exact-working',
      'related-expert',
      'related-working',
    ]);
  });

  it('prefers an exact working knowledge to a related expert on one skill of several', () => {
    const ask: AskForMatching = { id: 'ask-2', skillIds: ['trusts', 'gift-aid'], media: ['VIDEO'] };
    const pool = [
      volunteer('related', {
        skills: [
          { skillId: 'trusts', level: 'EXPERT' },
          { skillId: 'payroll', level: 'EXPERT' },
        ],
      }),
      volunteer('exact', {
        skills: [
          { skillId: 'trusts', level: 'EXPERT' },
          { skillId: 'gift-aid', level: 'WORKING' },
        ],
      }),
    ];
    expect(ids(rankVolunteers(ask, pool, taxonomy))).toEqual(['exact', 'related']);
  });
});

describe('rule 3: coverage and rarity', () => {
  it('ranks covering more of the ask above covering less', () => {
    const ask: AskForMatching = { id: 'ask-3', skillIds: ['gift-aid', 'trusts', 'seo'], media: ['VIDEO'] };
    const pool = [
      volunteer('one', { skills: [{ skillId: 'gift-aid', level: 'EXPERT' }] }),
      volunteer('three', {
        skills: [
          { skillId: 'gift-aid', level: 'EXPERT' },
          { skillId: 'trusts', level: 'EXPERT' },
          { skillId: 'seo', level: 'EXPERT' },
        ],
      }),
      volunteer('two', {
        skills: [
          { skillId: 'gift-aid', level: 'EXPERT' },
          { skillId: 'seo', level: 'EXPERT' },
        ],
      }),
    ];
    expect(ids(rankVolunteers(ask, pool, taxonomy))).toEqual(['three', 'two', 'one']);
  });

  it('counts a skill few volunteers have for more than one many have', () => {
    const ask: AskForMatching = { id: 'ask-4', skillIds: ['gift-aid', 'social'], media: ['VIDEO'] };
    // Everyone knows social media; only one volunteer knows Gift Aid.
    const crowd = ['c1', 'c2', 'c3', 'c4', 'c5'].map((id) =>
      volunteer(id, { skills: [{ skillId: 'social', level: 'WORKING' }], sessionsThisMonth: 3 }),
    );
    const pool = [
      ...crowd,
      volunteer('rare', { skills: [{ skillId: 'gift-aid', level: 'EXPERT' }] }),
      volunteer('common', { skills: [{ skillId: 'social', level: 'EXPERT' }] }),
    ];
    const ranked = rankVolunteers(ask, pool, taxonomy);
    expect(ids(ranked).slice(0, 2)).toEqual(['rare', 'common']);
    expect(scoreOf(ranked, 'rare')).toBeGreaterThan(scoreOf(ranked, 'common'));
  });
});

describe('rule 4: fairness', () => {
  it('ranks more spare capacity higher, all else equal', () => {
    const pool = [
      volunteer('busy', { monthlyCapacity: 4, sessionsThisMonth: 3 }),
      volunteer('free', { monthlyCapacity: 4, sessionsThisMonth: 0 }),
      volunteer('half', { monthlyCapacity: 4, sessionsThisMonth: 2 }),
    ];
    expect(ids(rankVolunteers(giftAidAsk, pool, taxonomy))).toEqual(['free', 'half', 'busy']);
  });

  it('ranks a bigger monthly offer higher for the same sessions booked', () => {
    const pool = [
      volunteer('small', { monthlyCapacity: 3, sessionsThisMonth: 2 }),
      volunteer('large', { monthlyCapacity: 8, sessionsThisMonth: 2 }),
    ];
    expect(ids(rankVolunteers(giftAidAsk, pool, taxonomy))).toEqual(['large', 'small']);
  });

  it('lets a slightly less rated volunteer with a free month overtake a nearly full star', () => {
    const pool = [
      volunteer('star', { monthlyCapacity: 4, sessionsThisMonth: 3, averageRating: 4.9, ratingCount: 60 }),
      volunteer('waiting', { monthlyCapacity: 4, sessionsThisMonth: 0, averageRating: 4.6, ratingCount: 20 }),
    ];
    expect(ids(rankVolunteers(giftAidAsk, pool, taxonomy))).toEqual(['waiting', 'star']);
  });
});

describe('rule 5: smoothed ratings', () => {
  it('does not let one 5-star review beat forty averaging 4.8', () => {
    const pool = [
      volunteer('one-review', { averageRating: 5, ratingCount: 1 }),
      volunteer('forty-reviews', { averageRating: 4.8, ratingCount: 40 }),
    ];
    expect(ids(rankVolunteers(giftAidAsk, pool, taxonomy))).toEqual(['forty-reviews', 'one-review']);
  });

  it('puts a volunteer with no rating above a poor record and below a strong one', () => {
    const pool = [
      volunteer('poor', { averageRating: 2.4, ratingCount: 12 }),
      volunteer('new', { averageRating: null, ratingCount: 0 }),
      volunteer('strong', { averageRating: 4.7, ratingCount: 25 }),
    ];
    expect(ids(rankVolunteers(giftAidAsk, pool, taxonomy))).toEqual(['strong', 'new', 'poor']);
  });
});

describe('rule 6: scores, ties, order and awkward input', () => {
  const pool = [
    volunteer('d', { sessionsThisMonth: 0 }),
    volunteer('b'),
    volunteer('a'),
    volunteer('c', { skills: [{ skillId: 'budgeting', level: 'EXPERIENCED' }] }),
    volunteer('e', { averageRating: 2, ratingCount: 30 }),
  ];

  it('returns scores in [0, 1], best first, ties broken by id', () => {
    const ranked = rankVolunteers(giftAidAsk, pool, taxonomy);
    expect(ids(ranked)).toEqual(['d', 'a', 'b', 'e', 'c']);
    for (const { score } of ranked) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
    expect(scoreOf(ranked, 'a')).toBe(scoreOf(ranked, 'b'));
  });

  it('gives the same result whatever order the volunteers come in', () => {
    const forwards = rankVolunteers(giftAidAsk, pool, taxonomy);
    expect(rankVolunteers(giftAidAsk, [...pool].reverse(), taxonomy)).toEqual(forwards);
    expect(rankVolunteers({ ...giftAidAsk, skillIds: ['gift-aid', 'gift-aid'] }, pool, taxonomy)).toEqual(forwards);
  });

  it('never lowers a score when a volunteer adds a matching skill', () => {
    const ask: AskForMatching = { id: 'ask-5', skillIds: ['gift-aid', 'trusts'], media: ['VIDEO'] };
    const before = rankVolunteers(ask, pool, taxonomy);
    for (const added of ['trusts', 'events', 'payroll', 'gift-aid'] as const) {
      const richer = pool.map((v) => (v.id === 'c' ? { ...v, skills: [...v.skills, { skillId: added, level: 'WORKING' as const }] } : v));
      expect(scoreOf(rankVolunteers(ask, richer, taxonomy), 'c'), added).toBeGreaterThanOrEqual(scoreOf(before, 'c'));
    }
  });

  it('returns an empty list for an empty pool, an unknown skill, no skills or no media', () => {
    expect(rankVolunteers(giftAidAsk, [], taxonomy)).toEqual([]);
    expect(rankVolunteers({ ...giftAidAsk, skillIds: ['basket-weaving'] }, pool, taxonomy)).toEqual([]);
    expect(rankVolunteers({ ...giftAidAsk, skillIds: [] }, pool, taxonomy)).toEqual([]);
    expect(rankVolunteers({ ...giftAidAsk, media: [] }, pool, taxonomy)).toEqual([]);
    expect(rankVolunteers(giftAidAsk, pool, [])).toHaveLength(4); // exact matches still count without a taxonomy
  });

  it('ranks on the skills it knows when an ask also names one it does not', () => {
    const ranked = rankVolunteers({ ...giftAidAsk, skillIds: ['gift-aid', 'basket-weaving'] }, pool, taxonomy);
    expect(ids(ranked)).toEqual(['d', 'a', 'b', 'e', 'c']);
  });

  it('returns each id once, with its best record, and honours the limit (20 unless given)', () => {
    const twice = [volunteer('a', { sessionsThisMonth: 3 }), ...pool];
    const ranked = rankVolunteers(giftAidAsk, twice, taxonomy);
    expect(ids(ranked)).toEqual(['d', 'a', 'b', 'e', 'c']);
    expect(rankVolunteers(giftAidAsk, [...pool].reverse().concat(volunteer('a', { sessionsThisMonth: 3 })), taxonomy)).toEqual(ranked);

    const crowd = Array.from({ length: 50 }, (_, n) => volunteer(`v${String(n).padStart(2, '0')}`));
    expect(rankVolunteers(giftAidAsk, crowd, taxonomy)).toHaveLength(20);
    expect(ids(rankVolunteers(giftAidAsk, crowd, taxonomy, { limit: 3 }))).toEqual(['v00', 'v01', 'v02']);
    expect(rankVolunteers(giftAidAsk, crowd, taxonomy, { limit: 100 })).toHaveLength(50);
    expect(rankVolunteers(giftAidAsk, crowd, taxonomy, { limit: 0 })).toEqual([]);
  });
});

describe('rule 7: reasons a person understands', () => {
  it('names the skill and level, the related skill, the time free and the record', () => {
    const ask: AskForMatching = { id: 'ask-6', skillIds: ['gift-aid', 'trusts'], media: ['VIDEO'] };
    const pool = [
      volunteer('expert', {
        skills: [
          { skillId: 'gift-aid', level: 'EXPERT' },
          { skillId: 'events', level: 'EXPERIENCED' },
        ],
        sessionsThisMonth: 2,
        averageRating: 4.8,
        ratingCount: 40,
      }),
      volunteer('newcomer', {
        skills: [{ skillId: 'budgeting', level: 'WORKING' }],
        sessionsThisMonth: 0,
        averageRating: null,
        ratingCount: 0,
      }),
      volunteer('one-left', { skills: [{ skillId: 'trusts', level: 'WORKING' }], monthlyCapacity: 2, averageRating: 4, ratingCount: 1 }),
    ];
    const reasons = Object.fromEntries(rankVolunteers(ask, pool, taxonomy).map((result) => [result.volunteerId, result.reasons]));
    expect(reasons.expert).toEqual([
      'Expert in Gift Aid',
      'Related: Fundraising events',
      '2 sessions free this month',
      'Rated 4.8 from 40 sessions',
    ]);
    expect(reasons.newcomer).toEqual(['Related: Budgeting', 'Has time this month', 'New to HalfHour']);

    // Gift Aid and Budgeting share an area: a Gift Aid expert asked for both is not also "related" to Budgeting by Gift Aid.
    const both: AskForMatching = { id: 'ask-6b', skillIds: ['gift-aid', 'budgeting'], media: ['VIDEO'] };
    const [giftAid] = rankVolunteers(
      both,
      [volunteer('gift-aid-only', { sessionsThisMonth: 0, averageRating: null, ratingCount: 0 })],
      taxonomy,
    );
    expect(giftAid?.reasons).toEqual(['Expert in Gift Aid', 'Has time this month', 'New to HalfHour']);
    expect(reasons['one-left']).toEqual([
      'Working knowledge of Trusts and foundations',
      '1 session free this month',
      'Rated 4.0 from 1 session',
    ]);
  });

  it('keeps to four reasons, the strongest skills first', () => {
    const ask: AskForMatching = { id: 'ask-7', skillIds: ['gift-aid', 'trusts', 'seo'], media: ['VIDEO'] };
    const [result] = rankVolunteers(
      ask,
      [
        volunteer('all', {
          skills: [
            { skillId: 'gift-aid', level: 'WORKING' },
            { skillId: 'trusts', level: 'EXPERIENCED' },
            { skillId: 'seo', level: 'EXPERT' },
          ],
        }),
      ],
      taxonomy,
    );
    expect(result?.reasons).toEqual([
      'Expert in Search engines',
      'Experienced in Trusts and foundations',
      '3 sessions free this month',
      'Rated 4.5 from 10 sessions',
    ]);
  });

  it('takes names from skillNames, and still says something without any', () => {
    const bare = taxonomy.map(({ id, categoryId }) => ({ id, categoryId }));
    const pool = [volunteer('x'), volunteer('y', { skills: [{ skillId: 'payroll', level: 'EXPERT' }] })];
    const named = rankVolunteers(giftAidAsk, pool, bare, { skillNames: { 'gift-aid': 'Gift Aid claims', payroll: 'Payroll' } });
    expect(named.map((result) => result.reasons[0])).toEqual(['Expert in Gift Aid claims', 'Related: Payroll']);
    const unnamed = rankVolunteers(giftAidAsk, pool, bare);
    expect(unnamed.map((result) => result.reasons[0])).toEqual(['Expert in a skill asked for', 'Related skill in the same area']);
  });
});

describe('asks that fit a volunteer', () => {
  const now = new Date('2026-11-30T12:00:00Z');
  const daysAgo = (days: number) => new Date(now.getTime() - days * 86_400_000);
  const me = volunteer('me', {
    skills: [
      { skillId: 'gift-aid', level: 'EXPERT' },
      { skillId: 'social', level: 'WORKING' },
    ],
  });
  function ask(id: string, overrides: Partial<AskToRank> = {}): AskToRank {
    return { id, skillIds: ['gift-aid'], media: ['VIDEO'], publishedAt: daysAgo(5), offerCount: 1, ...overrides };
  }

  it('shows nothing to a paused volunteer or one at capacity', () => {
    const asks = [ask('a')];
    expect(rankAsksForVolunteer({ ...me, paused: true }, asks, taxonomy, { now })).toEqual([]);
    expect(rankAsksForVolunteer({ ...me, sessionsThisMonth: 4 }, asks, taxonomy, { now })).toEqual([]);
    expect(rankAsksForVolunteer(me, asks, taxonomy, { now })).toHaveLength(1);
  });

  it('leaves out asks with no medium or skill in common, and asks past their deadline', () => {
    const asks = [
      ask('fits'),
      ask('related', { skillIds: ['payroll'] }),
      ask('in-person', { media: ['IN_PERSON'] }),
      ask('other-field', { skillIds: ['trusts'] }),
      ask('too-late', { deadline: daysAgo(1) }),
    ];
    expect(rankAsksForVolunteer(me, asks, taxonomy, { now }).map((result) => result.askId)).toEqual(['fits', 'related']);
  });

  it('ranks the better skill fit first, then asks nobody has answered and the longest waiting', () => {
    const asks = [
      ask('busy', { offerCount: 4, publishedAt: daysAgo(1) }),
      ask('related', { skillIds: ['budgeting'], offerCount: 0, publishedAt: daysAgo(20) }),
      ask('neglected', { offerCount: 0, publishedAt: daysAgo(12) }),
      ask('b-tied', { offerCount: 2, publishedAt: daysAgo(3) }),
      ask('a-tied', { offerCount: 2, publishedAt: daysAgo(3) }),
    ];
    const ranked = rankAsksForVolunteer(me, asks, taxonomy, { now });
    expect(ranked.map((result) => result.askId)).toEqual(['neglected', 'a-tied', 'b-tied', 'busy', 'related']);
    expect(rankAsksForVolunteer(me, [...asks].reverse(), taxonomy, { now })).toEqual(ranked);
    for (const { score } of ranked) {
      expect(score).toBeGreaterThanOrEqual(0);
      expect(score).toBeLessThanOrEqual(1);
    }
  });

  it('counts a rare skill for more when told how many volunteers hold each', () => {
    const asks = [
      ask('gift-aid-and-events', { skillIds: ['gift-aid', 'events'] }),
      ask('social-and-events', { skillIds: ['social', 'events'] }),
    ];
    const holders = { skillHolders: { 'gift-aid': 3, social: 3, events: 3 }, poolSize: 100 };
    const even = rankAsksForVolunteer(
      {
        ...me,
        skills: [
          { skillId: 'gift-aid', level: 'EXPERT' },
          { skillId: 'social', level: 'EXPERT' },
        ],
      },
      asks,
      taxonomy,
      {
        now,
        ...holders,
      },
    );
    expect(even[0]?.score).toBe(even[1]?.score);
    const rareGiftAid = rankAsksForVolunteer(
      {
        ...me,
        skills: [
          { skillId: 'gift-aid', level: 'EXPERT' },
          { skillId: 'social', level: 'EXPERT' },
        ],
      },
      asks,
      taxonomy,
      { now, skillHolders: { ...holders.skillHolders, social: 60 }, poolSize: 100 },
    );
    expect(rareGiftAid.map((result) => result.askId)).toEqual(['gift-aid-and-events', 'social-and-events']);
  });

  it('says why: the skill, no offers yet, how long it has waited, how soon it is needed', () => {
    const [result] = rankAsksForVolunteer(
      me,
      [ask('a', { offerCount: 0, publishedAt: daysAgo(9), deadline: new Date(now.getTime() + 3 * 86_400_000) })],
      taxonomy,
      {
        now,
      },
    );
    expect(result?.reasons).toEqual(['Expert in Gift Aid', 'No offers yet', 'Waiting 9 days', 'Needed within 3 days']);
    const [related] = rankAsksForVolunteer(me, [ask('b', { skillIds: ['budgeting'] })], taxonomy, { now });
    expect(related?.reasons).toEqual(['Related: Gift Aid', 'Waiting 5 days']);
  });
});
