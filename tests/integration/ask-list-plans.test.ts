// /asks reads its list by one of two plans (lib/asks/list-plan.ts, decision 30): walking an index in the list's
// order, or gathering the matches through a GIN index and sorting them. The page picks one from the answer; this
// file forces each in turn on a database where both are possible (a few thousand asks, analysed, with rare and
// common words and skills, ties in every sort key) and proves they give the same rows in the same order, the same
// count and the same cursors, page after page, and that each forced statement really is read the way it says.
import { beforeAll, describe, expect, it } from 'vitest';
import { ASKS_PER_PAGE, type BrowseResult, searchOpenAsks } from '@/lib/asks/browse';
import { browseStatements, gatherStatement } from '@/lib/asks/browse-statements';
import { type BrowseQuery, parseBrowseQuery } from '@/lib/asks/browse-query';
import { GATHER_LIMIT, type ListPlan } from '@/lib/asks/list-plan';
import { planSearch, resolveTaxonomyIds } from '@/lib/asks/search-plan';
import { db } from '@/lib/db';
import { createOrganisation, createSkill } from '../support/factories';

const TODAY = new Date('2026-06-15T12:00:00Z');
const ASKS = 3_000;
/** In one ask in three hundred: rare enough to gather. */
const RARE_WORD = 'polytunnel';
let common: { slug: string; id: string };
let rare: { slug: string; id: string };
let categorySlug: string;

beforeAll(async () => {
  const organisations = await Promise.all(
    (['LONDON', 'WALES', 'NORTHERN_IRELAND'] as const).map((region, index) =>
      createOrganisation(db, { region, causeAreas: index === 0 ? ['ANIMALS'] : ['SPORT', 'HEALTH'] }),
    ),
  );
  categorySlug = `plans-${Date.now()}`;
  const [commonSkill, rareSkill] = [
    await createSkill(db, `plans-common-${Date.now()}`, categorySlug),
    await createSkill(db, `plans-rare-${Date.now()}`, categorySlug),
  ];
  common = { slug: commonSkill.slug, id: commonSkill.id };
  rare = { slug: rareSkill.slug, id: rareSkill.id };
  // Written by SQL with the triggers on, as the app's writes would leave them. Publishing times repeat every 40
  // asks and deadlines every 20, so ids break many ties; a few asks are not listed (closed, overdue).
  await db.$executeRaw`
    INSERT INTO "Ask" (id, "organisationId", title, question, outcome, "durationMinutes", media, deadline, status, "publishedAt", "updatedAt")
    SELECT 'plan-ask-' || lpad(g::text, 5, '0'), (${organisations.map((o) => o.id)}::text[])[1 + g % 3],
           CASE WHEN g % 300 = 7 THEN 'Heating for our ' || ${RARE_WORD} ELSE 'Review our budget' END,
           CASE WHEN g % 2 = 0 THEN 'Our budgeting needs a second pair of eyes.' ELSE 'What should we do first?' END,
           'A next step.', (ARRAY[15, 30, 45, 60])[1 + g % 4],
           (CASE WHEN g % 9 = 0 THEN ARRAY['IN_PERSON'] WHEN g % 2 = 0 THEN ARRAY['VIDEO', 'PHONE'] ELSE ARRAY['VIDEO'] END)::"Medium"[],
           ${TODAY}::timestamptz + interval '1 day' * (1 + g % 20) - CASE WHEN g % 97 = 0 THEN interval '30 days' ELSE interval '0' END,
           (CASE WHEN g % 31 = 0 THEN 'COMPLETED' ELSE 'OPEN' END)::"AskStatus",
           ${TODAY}::timestamptz - interval '1 hour' * (g % 40), now()
      FROM generate_series(1, ${ASKS}) g`;
  await db.$executeRaw`
    INSERT INTO "AskSkill" ("askId", "skillId", "updatedAt")
    SELECT 'plan-ask-' || lpad(g::text, 5, '0'), ${common.id}, now() FROM generate_series(1, ${ASKS}) g WHERE g % 3 = 0
    UNION ALL
    SELECT 'plan-ask-' || lpad(g::text, 5, '0'), ${rare.id}, now() FROM generate_series(1, ${ASKS}) g WHERE g % 250 = 5`;
  await db.$executeRawUnsafe('ANALYZE "Ask"');
});

/** Every page of `params` read with `plan` (undefined: as the page chooses), following Next to the end. */
async function everyPage(params: Record<string, string>, plan?: ListPlan): Promise<BrowseResult[]> {
  let query: BrowseQuery = parseBrowseQuery(params);
  const pages: BrowseResult[] = [];
  for (let guard = 0; guard < 200; guard += 1) {
    const page = await searchOpenAsks(query, null, TODAY, { plan });
    pages.push(page);
    if (!page.next) return pages;
    query = { ...query, page: { kind: 'after', cursor: page.next } };
  }
  throw new Error('too many pages');
}

/** What a reader sees of a page: its rows in order, its count and where its cursors point. */
const seen = (page: BrowseResult) => ({
  ids: page.asks.map((ask) => ask.id),
  count: page.count,
  previous: page.previous && { at: page.previous.at.getTime(), id: page.previous.id },
  next: page.next && { at: page.next.at.getTime(), id: page.next.id },
});

/** The plan PostgreSQL makes of the list statement a forced plan writes, as text. */
async function listPlanText(params: Record<string, string>, plan: ListPlan): Promise<string> {
  const query = parseBrowseQuery(params);
  const [search, ids] = await Promise.all([planSearch(query.q), resolveTaxonomyIds(query)]);
  const { list } =
    plan === 'gather' ? gatherStatement(query, search.tsquery, TODAY, ids) : browseStatements(query, search.tsquery, TODAY, ids, plan);
  const rows = await db.$queryRawUnsafe<Array<{ 'QUERY PLAN': string }>>(`EXPLAIN ${list.text}`, ...list.values);
  return rows.map((row) => row['QUERY PLAN']).join('\n');
}

const cases: Array<[string, () => Record<string, string>]> = [
  ['a rare word', () => ({ q: RARE_WORD })],
  ['a rare word in a region', () => ({ q: RARE_WORD, region: 'WALES' })],
  ['a common word, deadline soonest', () => ({ q: 'budget', sort: 'deadline' })],
  ['a rare skill', () => ({ skill: rare.slug })],
  ['a common skill with a medium and a length', () => ({ skill: common.slug, medium: 'VIDEO', duration: '30' })],
  ['a skill area and a cause area', () => ({ category: categorySlug, cause: 'SPORT' })],
  // With a region and a length (their own index): the rare skill's one ask by video in London for an hour, the
  // common skill's 160-odd, and the rare word's ten in Wales (every one an hour).
  ['a rare skill by video, in a region, for a length', () => ({ skill: rare.slug, medium: 'VIDEO', region: 'LONDON', duration: '60' })],
  ['a common skill by video, in a region, for a length', () => ({ skill: common.slug, medium: 'VIDEO', region: 'LONDON', duration: '15' })],
  [
    'a common skill in a region for a length, deadline soonest',
    () => ({ skill: common.slug, region: 'LONDON', duration: '30', sort: 'deadline' }),
  ],
  ['a rare word in a region for a length', () => ({ q: RARE_WORD, region: 'WALES', duration: '60' })],
  ['a rare skill, deadline soonest', () => ({ skill: rare.slug, sort: 'deadline' })],
];

describe('the same answer whichever plan reads it', () => {
  it.each(cases)('%s: every page, its count and its cursors', async (_name, params) => {
    const walked = await everyPage(params(), 'walk');
    const gathered = await everyPage(params(), 'gather');
    const chosen = await everyPage(params());
    expect(walked.length).toBeGreaterThan(0);
    expect(walked.flatMap((page) => page.asks).length).toBeGreaterThan(0);
    expect(gathered.map(seen)).toEqual(walked.map(seen));
    expect(chosen.map(seen)).toEqual(walked.map(seen));
    expect(walked.every((page) => page.plan === 'walk') && gathered.every((page) => page.plan === 'gather')).toBe(true);
  });

  it.each(cases)('%s: the last page and the page before it', async (_name, params) => {
    const read = async (plan: ListPlan) => {
      const last = await searchOpenAsks(parseBrowseQuery({ ...params(), page: 'last' }), null, TODAY, { plan });
      const before = last.previous
        ? await searchOpenAsks({ ...parseBrowseQuery(params()), page: { kind: 'before', cursor: last.previous } }, null, TODAY, { plan })
        : undefined;
      return [seen(last), before && seen(before)];
    };
    expect(await read('gather')).toEqual(await read('walk'));
  });
});

describe('each plan is what it says', () => {
  it('walks an index in the list order, never reading the GIN index, when told to walk', async () => {
    const plan = await listPlanText({ q: RARE_WORD }, 'walk');
    expect(plan).toMatch(/Index Scan( Backward)? using "Ask_listed_newest_idx"/);
    expect(plan).not.toMatch(/Bitmap Index Scan on "Ask_searchVector_idx"/);
    const byDeadline = await listPlanText({ skill: rare.slug, sort: 'deadline' }, 'walk');
    expect(byDeadline).toMatch(/Index Scan( Backward)? using "Ask_status_deadline_id_idx"/);
    expect(byDeadline).not.toMatch(/Ask_listing_filters_idx/);
  });

  // Which index reads the matches is PostgreSQL's choice by size: at a few thousand asks it may read them by
  // status; npm run bench:browse shows the GIN index doing it at 100k and 1M.
  it('reads every match, then sorts them, when told to gather', async () => {
    for (const params of [{ q: RARE_WORD }, { skill: rare.slug, sort: 'deadline' }] as Array<Record<string, string>>) {
      const plan = await listPlanText(params, 'gather');
      expect(plan).toMatch(/CTE matched/);
      expect(plan).toMatch(/Sort Key: m\.key/);
      expect(plan).not.toMatch(/Index Scan( Backward)? using "Ask_(listed_newest_idx|listed_region_newest_idx|status_deadline_id_idx)"/);
    }
  });
});

describe('the plan chosen from the answer', () => {
  it(`gathers a rare word's ${GATHER_LIMIT.toLocaleString('en-GB')} or fewer matches and walks for a common one`, async () => {
    expect((await searchOpenAsks(parseBrowseQuery({ q: RARE_WORD }), null, TODAY)).plan).toBe('gather');
    expect((await searchOpenAsks(parseBrowseQuery({ skill: rare.slug }), null, TODAY)).plan).toBe('gather');
    expect((await searchOpenAsks(parseBrowseQuery({ q: 'budget' }), null, TODAY)).plan).toBe('walk');
  });

  it(`counts a gather's matches first and leaves its page empty past ${GATHER_LIMIT.toLocaleString('en-GB')}, so the page walks`, async () => {
    const read = async (q: string) => {
      const query = parseBrowseQuery({ q });
      const { list } = gatherStatement(query, (await planSearch(q)).tsquery, TODAY, await resolveTaxonomyIds(query), { mayFallBack: true });
      return db.$queryRaw<Array<{ matchCount: number; id: string | null }>>(list);
    };
    const many = await read('budget');
    expect(many).toEqual([expect.objectContaining({ matchCount: GATHER_LIMIT + 1, id: null })]);
    const few = await read(RARE_WORD);
    expect(few.length).toBe(Math.min(few[0]!.matchCount, ASKS_PER_PAGE + 1));
    expect(few.every((row) => row.id !== null)).toBe(true);
  });

  it('leaves PostgreSQL to walk when no filter has a GIN index', async () => {
    expect((await searchOpenAsks(parseBrowseQuery({ region: 'WALES', duration: '30' }), null, TODAY)).plan).toBeUndefined();
  });
});
