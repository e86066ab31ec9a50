// Browsing and searching the open asks: the lib function /asks calls, on the seeded demo plus asks made
// here. Filters and sorts are checked against the same question asked through Prisma, page by page.
import { randomUUID } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  ASKS_PER_PAGE,
  type BrowseResult,
  type BrowseViewer,
  COUNT_CAP,
  knownSlugs,
  listBrowseTaxonomy,
  searchOpenAsks,
} from '@/lib/asks/browse';
import { browseStatements } from '@/lib/asks/browse-statements';
import { resolveTaxonomyIds } from '@/lib/asks/search-plan';
import { openAskWhere } from '@/lib/asks/listed';
import { type BrowseQuery, parseBrowseQuery } from '@/lib/asks/browse-query';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { seedDatabase } from '@/prisma/seed/seed-database';
import { createOrganisation, createSkill } from '../support/factories';

const TODAY = new Date('2026-06-15T12:00:00Z');
const DAY = 86_400_000;
const volunteer: BrowseViewer = { hasVolunteerProfile: true };

/** An ask that should be listed, unless `data` says otherwise: open, published, deadline in two weeks. */
async function createListedAsk(organisationId: string, data: Partial<Prisma.AskUncheckedCreateInput> = {}) {
  return db.ask.create({
    data: {
      organisationId,
      title: 'Check our cashbook',
      question: 'Is our Excel cashbook set up correctly for restricted funds?',
      outcome: 'A cashbook we trust.',
      media: ['VIDEO'],
      status: 'OPEN',
      publishedAt: new Date(TODAY.getTime() - DAY),
      deadline: new Date(TODAY.getTime() + 14 * DAY),
      ...data,
    },
  });
}

/** A word no seeded ask uses, so a search for it sees only this test's asks. */
const uniqueWord = () =>
  `zq${randomUUID()
    .replace(/[^a-f]/g, '')
    .slice(0, 8)}`;

/** Every listed ask for a query, following the Next cursors to the end. */
async function allPages(params: Record<string, string | string[]>, viewer?: BrowseViewer) {
  let query: BrowseQuery = parseBrowseQuery(params);
  const ids: string[] = [];
  for (let guard = 0; guard < 100; guard += 1) {
    const page = await searchOpenAsks(query, viewer, TODAY);
    ids.push(...page.asks.map((ask) => ask.id));
    if (!page.next) return ids;
    query = { ...query, page: { kind: 'after', cursor: page.next } };
  }
  throw new Error('too many pages');
}

interface ListedRow {
  id: string;
  publishedAt: Date | null;
  deadline: Date;
  durationMinutes: number;
  media: string[];
  organisation: { region: string; causeAreas: string[] };
  skills: Array<{ skill: { slug: string; category: { slug: string } } }>;
  title: string;
}

/**
 * The same question asked another way: every listed ask read through Prisma, then narrowed in plain
 * JavaScript (Prisma's enum-array filters are not reliable on every adapter), newest first by default.
 */
async function expectedIds(keep: (ask: ListedRow) => boolean = () => true, order: 'newest' | 'deadline' = 'newest'): Promise<string[]> {
  const rows: ListedRow[] = await db.ask.findMany({
    where: { status: 'OPEN', publishedAt: { not: null }, deadline: { gt: TODAY }, organisation: { status: 'VERIFIED' } },
    select: {
      id: true,
      title: true,
      publishedAt: true,
      deadline: true,
      durationMinutes: true,
      media: true,
      organisation: { select: { region: true, causeAreas: true } },
      skills: { select: { skill: { select: { slug: true, category: { select: { slug: true } } } } } },
    },
  });
  const key = (row: ListedRow) => (order === 'newest' ? row.publishedAt!.getTime() : row.deadline.getTime());
  return rows
    .filter(keep)
    .sort(
      (a, b) =>
        (order === 'newest' ? key(b) - key(a) : key(a) - key(b)) || (order === 'newest' ? (a.id < b.id ? 1 : -1) : a.id < b.id ? -1 : 1),
    )
    .map((row) => row.id);
}

const ids = (result: BrowseResult) => result.asks.map((ask) => ask.id);

beforeAll(async () => {
  await seedDatabase(db, TODAY);
});

describe('what is listed', () => {
  it('lists the open, published asks of verified organisations whose deadline has not passed, newest first', async () => {
    const expected = await expectedIds();
    expect(expected).toHaveLength(12);
    const page = await searchOpenAsks(parseBrowseQuery({}), null, TODAY);
    expect(ids(page)).toEqual(expected);
    expect(page.count).toEqual({ value: 12, capped: false });
    expect(page.next).toBeUndefined();
    expect(page.previous).toBeUndefined();
  });

  it('never lists drafts, asks under review, unpublished or overdue asks, or asks of organisations not verified', async () => {
    const word = uniqueWord();
    const verified = await createOrganisation(db);
    const pending = await createOrganisation(db, { status: 'PENDING_VERIFICATION' });
    const suspended = await createOrganisation(db, { status: 'SUSPENDED' });
    const title = `Plan our ${word} day`;
    const listed = await createListedAsk(verified.id, { title });
    await createListedAsk(verified.id, { title, status: 'DRAFT', publishedAt: null });
    await createListedAsk(verified.id, { title, status: 'PENDING_REVIEW', publishedAt: null });
    await createListedAsk(verified.id, { title, status: 'MATCHED' });
    await createListedAsk(verified.id, { title, status: 'OPEN', publishedAt: null });
    await createListedAsk(verified.id, { title, deadline: new Date(TODAY.getTime() - 1) }); // before the expiry sweep
    await createListedAsk(verified.id, { title, deadline: TODAY }); // closes now
    await createListedAsk(pending.id, { title });
    await createListedAsk(suspended.id, { title });

    const found = await searchOpenAsks(parseBrowseQuery({ q: word }), null, TODAY);
    expect(ids(found)).toEqual([listed.id]);
    expect(found.count.value).toBe(1);
    expect(await allPages({})).not.toContain(expect.stringMatching(/^$/));
    expect((await allPages({})).filter((id) => id !== listed.id)).toEqual(await expectedIds((ask) => ask.id !== listed.id));
  });
});

describe('free-text search', () => {
  let budgeting: string;
  let narrowboat: string;

  beforeAll(async () => {
    const org = await createOrganisation(db, { name: 'Canal Friends of Tiverton' });
    budgeting = (await createListedAsk(org.id, { title: 'Help with budgeting for our summer trips' })).id;
    narrowboat = (await createListedAsk(org.id, { title: 'Insure our narrowboat', question: 'Which policy covers volunteers steering?' }))
      .id;
  });

  it('stems English words: "budgets" finds "budgeting"', async () => {
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'budgets' }), null, TODAY))).toContain(budgeting);
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'Narrowboats' }), null, TODAY))).toEqual([narrowboat]);
  });

  it('searches the question and the organisation name as well as the title', async () => {
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'steering volunteers' }), null, TODAY))).toEqual([narrowboat]);
    const byOrg = ids(await searchOpenAsks(parseBrowseQuery({ q: 'tiverton' }), null, TODAY));
    expect(byOrg.sort()).toEqual([budgeting, narrowboat].sort());
  });

  it('needs every word: two words find the asks with both', async () => {
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'budgeting narrowboat' }), null, TODAY))).toEqual([]);
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'tiverton narrowboat' }), null, TODAY))).toEqual([narrowboat]);
  });

  it('tolerates a typo in a word and says what else it searched for', async () => {
    const result = await searchOpenAsks(parseBrowseQuery({ q: 'budgetting' }), null, TODAY);
    expect(ids(result)).toContain(budgeting);
    expect(result.alsoSearchedFor).toContain('budgeting');
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'narowboat insure' }), null, TODAY))).toEqual([narrowboat]);
  });

  it('takes a correctly spelt word as it is', async () => {
    const result = await searchOpenAsks(parseBrowseQuery({ q: 'narrowboat' }), null, TODAY);
    expect(result.alsoSearchedFor).toEqual([]);
  });

  it("finds an organisation's asks by its new name once it is renamed", async () => {
    const org = await createOrganisation(db, { name: 'Old Mill Players' });
    const ask = await createListedAsk(org.id, { title: 'Sell more raffle tickets' });
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'quixotic' }), null, TODAY))).toEqual([]);
    await db.organisation.update({ where: { id: org.id }, data: { name: 'Quixotic Lantern Theatre' } });
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'quixotic' }), null, TODAY))).toEqual([ask.id]);
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'quixotik' }), null, TODAY))).toEqual([ask.id]); // and its words
    expect(ids(await searchOpenAsks(parseBrowseQuery({ q: 'mill players' }), null, TODAY))).toEqual([]);
  });

  it('survives hostile and odd search text', async () => {
    const total = (await expectedIds()).length;
    for (const q of ['\'); DROP TABLE "Ask"; --', '<script>alert(1)</script>', '!!! && || :* <->', 'the of and', '\\', 'é'.repeat(300)]) {
      const result = await searchOpenAsks(parseBrowseQuery({ q }), null, TODAY);
      expect(result.count.value, q).toBeLessThanOrEqual(total);
    }
    // Stop words alone search for nothing in particular: the list is not narrowed.
    expect((await searchOpenAsks(parseBrowseQuery({ q: 'the of and' }), null, TODAY)).count.value).toBe(total);
    expect(await db.ask.count()).toBeGreaterThan(0);
  });
});

describe('filters', () => {
  // Values taken from a listed ask, so each filter has something to find.
  let sample: {
    skill: string;
    category: string;
    cause: string;
    region: string;
    duration: number;
    medium: string;
  };

  beforeAll(async () => {
    const [first] = await expectedIds((ask) => ask.id.startsWith('ask-') && ask.skills.length > 0); // a seeded ask
    const ask = await db.ask.findUniqueOrThrow({
      where: { id: first! },
      select: {
        durationMinutes: true,
        media: true,
        organisation: { select: { causeAreas: true, region: true } },
        skills: { select: { skill: { select: { slug: true, category: { select: { slug: true } } } } } },
      },
    });
    sample = {
      skill: ask.skills[0]!.skill.slug,
      category: ask.skills[0]!.skill.category.slug,
      cause: ask.organisation.causeAreas[0]!,
      region: ask.organisation.region,
      duration: ask.durationMinutes,
      medium: ask.media[0]!,
    };
  });

  it('filters by each of skill, skill area, cause area, length, medium, region and posting date', async () => {
    const cases: Array<[Record<string, string>, (ask: ListedRow) => boolean]> = [
      [{ skill: sample.skill }, (ask) => ask.skills.some(({ skill }) => skill.slug === sample.skill)],
      [{ category: sample.category }, (ask) => ask.skills.some(({ skill }) => skill.category.slug === sample.category)],
      [{ cause: sample.cause }, (ask) => ask.organisation.causeAreas.includes(sample.cause)],
      [{ duration: String(sample.duration) }, (ask) => ask.durationMinutes === sample.duration],
      [{ medium: sample.medium }, (ask) => ask.media.includes(sample.medium)],
      [{ region: sample.region }, (ask) => ask.organisation.region === sample.region],
      [{ posted: '7' }, (ask) => ask.publishedAt!.getTime() >= TODAY.getTime() - 7 * DAY],
    ];
    const total = (await expectedIds()).length;
    for (const [params, where] of cases) {
      const expected = await expectedIds(where);
      expect(expected.length, JSON.stringify(params)).toBeGreaterThan(0);
      expect(await allPages(params), JSON.stringify(params)).toEqual(expected);
      const result = await searchOpenAsks(parseBrowseQuery(params), null, TODAY);
      expect(result.count.value).toBe(expected.length);
    }
    // At least one filter narrows the list (the seed is varied enough for that).
    const narrowed = await Promise.all(cases.map(([, where]) => expectedIds(where)));
    expect(narrowed.some((list) => list.length < total)).toBe(true);
  });

  it('finds the treasurer ask under Finance and bookkeeping, and nothing under a made-up area', async () => {
    expect(await allPages({ category: 'finance' })).toEqual(['ask-dementia-restricted-funds']);
    expect(await allPages({ category: 'no-such-category' })).toEqual([]);
    // The page passes the slugs that exist, so a made-up one in a URL is dropped rather than matching nothing.
    const query = parseBrowseQuery({ category: 'no-such-category' }, knownSlugs(await listBrowseTaxonomy()));
    expect(query.category).toBeUndefined();
    expect(ids(await searchOpenAsks(query, null, TODAY))).toEqual((await expectedIds()).slice(0, ASKS_PER_PAGE));
  });

  it('combines filters: all must hold', async () => {
    const params = { category: sample.category, medium: sample.medium, region: sample.region };
    const expected = await expectedIds(
      (ask) =>
        ask.skills.some(({ skill }) => skill.category.slug === sample.category) &&
        ask.media.includes(sample.medium) &&
        ask.organisation.region === sample.region,
    );
    expect(expected.length).toBeGreaterThan(0);
    expect(await allPages(params)).toEqual(expected);
  });

  it('treats several media as "any of these"', async () => {
    const expected = await expectedIds((ask) => ask.media.includes('PHONE') || ask.media.includes('IN_PERSON'));
    expect(await allPages({ medium: ['PHONE', 'IN_PERSON'] })).toEqual(expected);
  });

  it('answers a filter that matches nothing with an empty page, not an error', async () => {
    const result = await searchOpenAsks(parseBrowseQuery({ q: uniqueWord() }), null, TODAY);
    expect(result).toMatchObject({ asks: [], count: { value: 0, capped: false } });
    expect(result.next).toBeUndefined();
  });
});

describe("filters on the ask's own copies of its skills and organisation", () => {
  // Each test's asks carry a word of their own, so a search for it sees only them.
  it("follows an organisation's new region and cause areas", async () => {
    const word = uniqueWord();
    const org = await createOrganisation(db, { region: 'WALES', causeAreas: ['ANIMALS'] });
    const ask = await createListedAsk(org.id, { title: `Count the ${word} hedgehogs` });
    const found = async (params: Record<string, string>) =>
      ids(await searchOpenAsks(parseBrowseQuery({ q: word, ...params }), null, TODAY));

    expect(await found({ region: 'WALES', cause: 'ANIMALS' })).toEqual([ask.id]);
    await db.organisation.update({ where: { id: org.id }, data: { region: 'SCOTLAND', causeAreas: ['ENVIRONMENT', 'SPORT'] } });
    expect(await found({ region: 'WALES' })).toEqual([]);
    expect(await found({ cause: 'ANIMALS' })).toEqual([]);
    expect(await found({ region: 'SCOTLAND', cause: 'SPORT' })).toEqual([ask.id]);
    // The card shows the region from the same copy.
    expect((await searchOpenAsks(parseBrowseQuery({ q: word }), null, TODAY)).asks[0]?.organisation).toMatchObject({ region: 'SCOTLAND' });
  });

  it('unlists the asks of a suspended organisation and lists them again once it is verified', async () => {
    const word = uniqueWord();
    const org = await createOrganisation(db);
    const ask = await createListedAsk(org.id, { title: `Plan our ${word} fair` });
    const search = () => searchOpenAsks(parseBrowseQuery({ q: word }), null, TODAY);
    const openCount = () => db.ask.count({ where: { ...openAskWhere(TODAY), id: ask.id } });

    expect((await search()).count.value).toBe(1);
    expect(await openCount()).toBe(1);
    await db.organisation.update({ where: { id: org.id }, data: { status: 'SUSPENDED', statusNote: 'Checking' } });
    expect(await search()).toMatchObject({ asks: [], count: { value: 0, capped: false } });
    expect(await openCount()).toBe(0);
    await db.organisation.update({ where: { id: org.id }, data: { status: 'VERIFIED' } });
    expect(ids(await search())).toEqual([ask.id]);
    expect(await openCount()).toBe(1);
  });

  it('finds an ask by a skill added after it was published, and not once it is removed', async () => {
    const word = uniqueWord();
    const org = await createOrganisation(db);
    const ask = await createListedAsk(org.id, { title: `Fix our ${word} rota` });
    const skill = await createSkill(db);
    const category = await db.skillCategory.findUniqueOrThrow({ where: { id: skill.categoryId } });
    const found = async (params: Record<string, string>) =>
      ids(await searchOpenAsks(parseBrowseQuery({ q: word, ...params }), null, TODAY));

    expect(await found({ skill: skill.slug })).toEqual([]);
    await db.askSkill.create({ data: { askId: ask.id, skillId: skill.id } });
    expect(await found({ skill: skill.slug })).toEqual([ask.id]);
    expect(await found({ category: category.slug })).toEqual([ask.id]);
    expect(await found({ skill: skill.slug, region: 'LONDON' })).toEqual([ask.id]);
    expect((await searchOpenAsks(parseBrowseQuery({ q: word }), null, TODAY)).asks[0]?.skills).toEqual([
      { skill: { slug: skill.slug, name: skill.name } },
    ]);
    await db.askSkill.delete({ where: { askId_skillId: { askId: ask.id, skillId: skill.id } } });
    expect(await found({ skill: skill.slug })).toEqual([]);
    expect(await found({ category: category.slug })).toEqual([]);
  });

  it('combines a cause area with a region, and a skill with a region', async () => {
    const [region, cause, skill] = await db.ask
      .findFirstOrThrow({
        where: { id: { startsWith: 'ask-' }, ...openAskWhere(TODAY), skills: { some: {} } },
        select: { organisation: { select: { region: true, causeAreas: true } }, skills: { select: { skill: { select: { slug: true } } } } },
        orderBy: { id: 'asc' },
      })
      .then((ask) => [ask.organisation.region, ask.organisation.causeAreas[0]!, ask.skills[0]!.skill.slug] as const);
    const causeAndRegion = await expectedIds((ask) => ask.organisation.region === region && ask.organisation.causeAreas.includes(cause));
    expect(causeAndRegion.length).toBeGreaterThan(0);
    expect(await allPages({ cause, region })).toEqual(causeAndRegion);
    const skillAndRegion = await expectedIds(
      (ask) => ask.organisation.region === region && ask.skills.some((entry) => entry.skill.slug === skill),
    );
    expect(skillAndRegion.length).toBeGreaterThan(0);
    expect(await allPages({ skill, region })).toEqual(skillAndRegion);
    expect((await searchOpenAsks(parseBrowseQuery({ skill, region }), null, TODAY)).count.value).toBe(skillAndRegion.length);
  });

  it('matches nothing for a skill that does not exist, when the page has not dropped it', async () => {
    expect(await resolveTaxonomyIds({ skill: 'no-such-skill', media: [] })).toEqual({ skillId: null });
    expect(await allPages({ skill: 'no-such-skill' })).toEqual([]);
  });

  it('gives the same rows whether the slugs are looked up first or inside the statements', async () => {
    const { skill, category } = await db.ask
      .findFirstOrThrow({
        where: { id: { startsWith: 'ask-' }, ...openAskWhere(TODAY), skills: { some: {} } },
        select: { skills: { select: { skill: { select: { slug: true, category: { select: { slug: true } } } } } } },
        orderBy: { id: 'asc' },
      })
      .then((ask) => ({ skill: ask.skills[0]!.skill.slug, category: ask.skills[0]!.skill.category.slug }));
    for (const params of [{ skill }, { category }, { skill, category }, { skill: 'no-such-skill' }]) {
      const query = parseBrowseQuery(params);
      const resolved = browseStatements(query, undefined, TODAY, await resolveTaxonomyIds(query));
      const inline = browseStatements(query, undefined, TODAY);
      const [a, b] = await Promise.all([
        db.$queryRaw<Array<{ id: string }>>(resolved.list),
        db.$queryRaw<Array<{ id: string }>>(inline.list),
      ]);
      expect(
        b.map((row) => row.id),
        JSON.stringify(params),
      ).toEqual(a.map((row) => row.id));
      const [c, d] = await Promise.all([
        db.$queryRaw<Array<{ count: number }>>(resolved.count),
        db.$queryRaw<Array<{ count: number }>>(inline.count),
      ]);
      expect(d).toEqual(c);
    }
  });

  it('never joins the organisation or the skills to decide what is listed or matches', () => {
    const query = parseBrowseQuery({
      skill: 'a',
      category: 'b',
      cause: 'ANIMALS',
      region: 'WALES',
      medium: ['PHONE', 'VIDEO'],
      duration: '30',
      posted: '7',
    });
    const statements = browseStatements(query, 'budget', TODAY, { skillId: 'x', categoryId: 'y' });
    expect(statements.count.sql).not.toMatch(/"Organisation"|"AskSkill"|JOIN/);
    // The list reads them only for the cards it returns (the name and the skills).
    expect(statements.list.sql).not.toMatch(/JOIN "Organisation"/);
  });
});

describe('sorting', () => {
  it('sorts by deadline, soonest first', async () => {
    const expected = await expectedIds(undefined, 'deadline');
    expect(await allPages({ sort: 'deadline' })).toEqual(expected);
  });

  it('offers "best fit" only to volunteers, and for now lists them newest first and says so', async () => {
    const newest = await allPages({});
    const anonymous = await searchOpenAsks(parseBrowseQuery({ sort: 'best-fit' }), null, TODAY);
    expect(anonymous).toMatchObject({ sort: 'newest', bestFitFallback: false });
    const forVolunteer = await searchOpenAsks(parseBrowseQuery({ sort: 'best-fit' }), volunteer, TODAY);
    expect(forVolunteer).toMatchObject({ sort: 'best-fit', bestFitFallback: true });
    expect(ids(forVolunteer)).toEqual(newest.slice(0, ASKS_PER_PAGE));
  });
});

describe('keyset pages', () => {
  const word = uniqueWord();
  let organisationId: string;
  let expected: string[];

  beforeAll(async () => {
    organisationId = (await createOrganisation(db)).id;
    // 45 asks over 5 publishing times, so ids break the ties.
    for (let i = 0; i < 45; i += 1) {
      await createListedAsk(organisationId, {
        title: `Ask ${i} about our ${word} project`,
        publishedAt: new Date(TODAY.getTime() - (i % 5) * 3_600_000),
        deadline: new Date(TODAY.getTime() + ((i * 7) % 30) * DAY + DAY),
      });
    }
    expected = await expectedIds((ask) => ask.title.includes(word));
  });

  it('pages forward without repeating or skipping, and back again', async () => {
    const first = await searchOpenAsks(parseBrowseQuery({ q: word }), null, TODAY);
    expect(ids(first)).toEqual(expected.slice(0, 20));
    expect(first.previous).toBeUndefined();
    const second = await searchOpenAsks({ ...parseBrowseQuery({ q: word }), page: { kind: 'after', cursor: first.next! } }, null, TODAY);
    expect(ids(second)).toEqual(expected.slice(20, 40));
    const third = await searchOpenAsks({ ...parseBrowseQuery({ q: word }), page: { kind: 'after', cursor: second.next! } }, null, TODAY);
    expect(ids(third)).toEqual(expected.slice(40));
    expect(third.next).toBeUndefined();
    expect(third.previous).toBeDefined();

    const back = await searchOpenAsks({ ...parseBrowseQuery({ q: word }), page: { kind: 'before', cursor: third.previous! } }, null, TODAY);
    expect(ids(back)).toEqual(ids(second));
    const start = await searchOpenAsks({ ...parseBrowseQuery({ q: word }), page: { kind: 'before', cursor: back.previous! } }, null, TODAY);
    expect(ids(start)).toEqual(ids(first));
    expect(start.previous).toBeUndefined();
    expect(start.next).toBeDefined();
  });

  it('jumps to the last page, which is the last rows in order, and back from it', async () => {
    const last = await searchOpenAsks(parseBrowseQuery({ q: word, page: 'last' }), null, TODAY);
    expect(ids(last)).toEqual(expected.slice(-20));
    expect(last.next).toBeUndefined();
    const before = await searchOpenAsks(
      { ...parseBrowseQuery({ q: word }), page: { kind: 'before', cursor: last.previous! } },
      null,
      TODAY,
    );
    expect(ids(before)).toEqual(expected.slice(5, 25));

    const deadlineOrder = await expectedIds((ask) => ask.title.includes(word), 'deadline');
    const lastByDeadline = await searchOpenAsks(parseBrowseQuery({ q: word, sort: 'deadline', page: 'last' }), null, TODAY);
    expect(ids(lastByDeadline)).toEqual(deadlineOrder.slice(-20));
  });

  it('keeps the next page stable when a new ask is published between pages', async () => {
    const first = await searchOpenAsks(parseBrowseQuery({ q: word }), null, TODAY);
    const fresh = await createListedAsk(organisationId, { title: `Brand new ${word} ask`, publishedAt: TODAY });
    try {
      const second = await searchOpenAsks({ ...parseBrowseQuery({ q: word }), page: { kind: 'after', cursor: first.next! } }, null, TODAY);
      expect(ids(second)).toEqual(expected.slice(20, 40));
      const reloaded = await searchOpenAsks(parseBrowseQuery({ q: word }), null, TODAY);
      expect(ids(reloaded)[0]).toBe(fresh.id);
    } finally {
      await db.ask.delete({ where: { id: fresh.id } });
    }
  });

  it('starts again from the first page for a cursor past the end or from another sort', async () => {
    const past = await searchOpenAsks(parseBrowseQuery({ q: word, after: `n.${new Date('2000-01-01').getTime()}.zzz` }), null, TODAY);
    expect(past.asks).toEqual([]);
    expect(past.previous).toBeUndefined();
    const mismatched = await searchOpenAsks(parseBrowseQuery({ q: word, sort: 'deadline', after: `n.${TODAY.getTime()}.x` }), null, TODAY);
    expect(mismatched.asks).toHaveLength(20);
  });
});

describe('a query string that makes no sense', () => {
  it('falls back to defaults and answers with the first page', async () => {
    const hostile = [
      { page: 'banana', category: '<script>' },
      { after: 'not-a-cursor', before: 'n.1.x' },
      { after: 'n.99999999999999.x' },
      { after: "n.1.x'--" },
      { duration: '1e309', posted: '-1', sort: ['deadline', 'newest'], region: 'ATLANTIS' },
      { medium: Array.from({ length: 500 }, () => 'VIDEO') },
      { q: ['budget', 'gift'], skill: ['a', 'b'] },
    ];
    for (const params of hostile) {
      const result = await searchOpenAsks(parseBrowseQuery(params), null, TODAY);
      expect(result.asks.length, JSON.stringify(params).slice(0, 80)).toBeGreaterThanOrEqual(0);
    }
    const odd = await searchOpenAsks(parseBrowseQuery({ page: 'banana', category: '<script>' }), null, TODAY);
    expect(ids(odd)).toEqual((await expectedIds()).slice(0, 20));
  });
});

describe('the count', () => {
  it(`stops at ${COUNT_CAP.toLocaleString('en-GB')} and says "more than"`, async () => {
    const org = await createOrganisation(db);
    const word = uniqueWord();
    await db.ask.createMany({
      data: Array.from({ length: COUNT_CAP + 1 }, (_, i) => ({
        organisationId: org.id,
        title: `Bulk ${word} ${i}`,
        question: 'A question.',
        outcome: 'An outcome.',
        media: ['VIDEO' as const],
        status: 'OPEN' as const,
        publishedAt: new Date(TODAY.getTime() - i * 1000),
        deadline: new Date(TODAY.getTime() + 7 * DAY),
      })),
    });
    const capped = await searchOpenAsks(parseBrowseQuery({ q: word }), null, TODAY);
    expect(capped.count).toEqual({ value: COUNT_CAP, capped: true });
    await db.organisation.delete({ where: { id: org.id } });
  });
});
