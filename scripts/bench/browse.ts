// npm run bench:browse: how fast is /asks with 100k asks? Builds a scratch database on the local server
// DATABASE_URL names (default postgresql://postgres@127.0.0.1:5432/postgres), fills it with SQL (12k
// organisations, 100k asks of which 80k open, the real skill taxonomy), runs the same lib function the
// page calls for each case, prints p50/p95 and what each statement's plan uses, flags any sequential
// scan of a large table, and drops the database again, even on failure.
//   --plans  also print every EXPLAIN (ANALYZE, BUFFERS) in full
//   --keep   leave the database behind, to try indexes by hand
//   --reuse  measure the database a --keep run left behind, as it is now (no migrating or filling)
//   --random-page-cost=N  set the planner's random_page_cost on the bench database (unset: the server's
//            own, normally 4, which assumes spinning disks; 1.1 is usual when the data fits in memory or on SSD)
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateDatabase } from '@/lib/database/connection';
import { assertLocalDatabaseUrl, dropDatabase, recreateDatabase, withDatabaseName } from '@/lib/database/local-server';
import { skillCategories } from '@/prisma/seed/skills';
import { allowServerOnly } from '../support/server-only';

allowServerOnly();

const args = new Set(process.argv.slice(2));
const randomPageCostArg = process.argv.find((arg) => arg.startsWith('--random-page-cost='))?.split('=')[1];
const RANDOM_PAGE_COST = randomPageCostArg === undefined ? undefined : Number(randomPageCostArg);
const SERVER_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = 'halfhour_bench_browse';
const ASKS = 100_000;
const ORGANISATIONS = 12_000;
const VOLUNTEERS = 5_000;
const WARM_UP = 5;
const RUNS = 30;
const TARGET_MS = 20;
/** Tables big enough that reading them whole would be a bug. */
const LARGE_TABLES = ['Ask', 'AskSkill', 'Organisation', 'Offer', 'SearchWord'];

// ---------------------------------------------------------------------------------------- vocabulary

const towns = `Ashford Barnsley Bedford Bolton Bradford Brighton Bristol Burnley Cardiff Carlisle Chester Colchester
  Coventry Crewe Darlington Derby Doncaster Dover Dundee Durham Exeter Falkirk Gateshead Gloucester Grimsby Halifax
  Harlow Hastings Hereford Huddersfield Hull Ipswich Kendal Lancaster Leeds Leicester Lincoln Liverpool Luton Margate
  Middlesbrough Newport Northampton Norwich Nottingham Oldham Oxford Paisley Penzance Perth Peterborough Plymouth
  Preston Reading Rochdale Salford Sheffield Shrewsbury Southampton Stockport Sunderland Swansea Swindon Taunton Telford
  Truro Wakefield Walsall Wigan Worcester Wrexham York Belfast Derry Newry Armagh Inverness Aberdeen Stirling`.split(/\s+/);
const orgKinds = `Youth Club|Food Bank|Community Garden|Men's Shed|Carers Network|Refugee Welcome|Arts Collective|Foodshare
  |Wildlife Trust|Advice Centre|Befriending Scheme|Sports Club|Play Association|Women's Aid|Mental Health Forum
  |Dementia Friends|Housing Project|Credit Union|Reading Circle|Disability Forum|Heritage Society|Community Kitchen`
  .split('|')
  .map((kind) => kind.trim());
const orgSuffixes = ['', 'Trust', 'Association', 'Project', 'CIO', 'Partnership', 'Network', 'Foundation'];
const verbs = `Review|Set up|Improve|Plan|Write|Check|Price|Simplify|Choose|Structure|Measure|Fix|Design|Update|Cost`.split('|');
const objects = `our first lottery bid|a budgeting spreadsheet|our funding strategy|the trustee induction pack
  |our volunteer rota|a Gift Aid process|our annual report|our social media plan|a donor thank-you letter
  |our safeguarding policy|the cash flow forecast|a grant application budget|our website homepage|our email newsletter
  |a supporter survey|our theory of change|a corporate partnership pitch|our data protection notice
  |a crowdfunding campaign|the payroll process|our impact report|a risk register|our fundraising events calendar
  |a press release for our open day|our recruitment advert|the reserves policy|our CRM database|a tender response`
  .split('|')
  .map((object) => object.trim());
const purposes = [
  '',
  'before our next board meeting',
  'for our funding application',
  'with no budget',
  'in time for spring',
  'for a small team of volunteers',
  'so trustees can follow it',
  'ahead of the council contract renewal',
];
const situations = `We are a small team with no finance staff.|Our trustees want clearer numbers each quarter.
  |Our funding from the council ends in March.|We rely on volunteers and nobody has done this before.
  |We were turned down last year and do not know why.|Our budgeting is done in a notebook at the moment.
  |We have grown quickly and our old way of working has broken.|A funder has asked us to show our impact.`
  .split('|')
  .map((sentence) => sentence.trim());
const questions = `What should we do first, and what can wait?|Is our current approach good enough for a funder?
  |Which two or three changes would make the biggest difference?|How do other small charities handle this?
  |Can you look at our draft and tell us what is missing?|What would you measure if you were us?`
  .split('|')
  .map((sentence) => sentence.trim());
// Words few asks use, so "a rare word" has a few dozen matches among 100k asks.
const rareWords = `polytunnel narrowboat kiln beekeeping allotment orchard ukulele braille makaton minibus hydrotherapy
  sensory foodbank fridge laundrette bicycle repair choir pantomime archery canoe falconry pottery weaving blacksmith
  greenhouse compost beehive hedgerow lighthouse harbour ferry tramway colliery chapel lido bandstand observatory
  planetarium aquarium herbarium apiary vineyard brewery bakery creamery tannery foundry mill quarry`.split(/\s+/);

const causeAreas = [
  'ANIMALS',
  'ARTS_AND_CULTURE',
  'CHILDREN_AND_YOUNG_PEOPLE',
  'COMMUNITY_DEVELOPMENT',
  'DISABILITY',
  'EDUCATION',
  'ENVIRONMENT',
  'HEALTH',
  'HOMELESSNESS_AND_HOUSING',
  'MENTAL_HEALTH',
  'OLDER_PEOPLE',
  'POVERTY',
  'REFUGEES_AND_ASYLUM',
  'SPORT',
  'WOMEN_AND_GIRLS',
];
const regions = [
  'NORTH_EAST',
  'NORTH_WEST',
  'YORKSHIRE_AND_THE_HUMBER',
  'EAST_MIDLANDS',
  'WEST_MIDLANDS',
  'EAST_OF_ENGLAND',
  'LONDON',
  'SOUTH_EAST',
  'SOUTH_WEST',
  'WALES',
  'SCOTLAND',
  'NORTHERN_IRELAND',
];

/** The taxonomy, whichever shape the seed module has (tuples before the move to lib/skills, objects after). */
function taxonomy() {
  return skillCategories.map((category, index) => ({
    slug: category.slug,
    name: category.name,
    description: category.description,
    sortOrder: index,
    skills: (category.skills as unknown[]).map((skill) =>
      Array.isArray(skill)
        ? { slug: String(skill[0]), name: String(skill[1]), description: (skill[2] as string | undefined) ?? null }
        : (skill as { slug: string; name: string; description?: string }),
    ),
  }));
}

// ---------------------------------------------------------------------------------------- filling

async function fill(client: pg.Client) {
  const q = (sql: string, params?: unknown[]) => client.query(sql, params);
  const categories = taxonomy();
  await q('SELECT setseed(0.42)');

  await q(
    `INSERT INTO "SkillCategory" (id, slug, name, description, "sortOrder", "updatedAt")
     SELECT 'cat-' || slug, slug, name, description, ord, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::int[]) AS t(slug, name, description, ord)`,
    [
      categories.map((c) => c.slug),
      categories.map((c) => c.name),
      categories.map((c) => c.description),
      categories.map((c) => c.sortOrder),
    ],
  );
  const skills = categories.flatMap((c) => c.skills.map((s) => ({ ...s, category: c.slug })));
  await q(
    `INSERT INTO "Skill" (id, slug, name, description, "categoryId", "updatedAt")
     SELECT 'skill-' || slug, slug, name, description, 'cat-' || category, now()
       FROM unnest($1::text[], $2::text[], $3::text[], $4::text[]) AS t(slug, name, description, category)`,
    [skills.map((s) => s.slug), skills.map((s) => s.name), skills.map((s) => s.description ?? null), skills.map((s) => s.category)],
  );

  await q(
    `INSERT INTO "User" (id, email, name, "updatedAt")
     SELECT 'user-' || g, 'volunteer' || g || '@bench.example', 'Volunteer ' || g, now() FROM generate_series(1, $1) g`,
    [VOLUNTEERS],
  );

  // Organisations: most verified; London over-represented; one to three cause areas each.
  await q(
    `INSERT INTO "Organisation" (id, name, type, "causeAreas", region, "sizeBand", description, status, "verifiedAt", "createdAt", "updatedAt")
     SELECT 'org-' || g,
            trim(($1::text[])[1 + floor(random() * cardinality($1::text[]))::int] || ' ' || ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int]
                 || ' ' || ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int]),
            (ARRAY['REGISTERED_CHARITY','CIO','CHARITABLE_COMPANY','SOCIAL_ENTERPRISE','COMMUNITY_GROUP'])[1 + floor(random() * 5)::int]::"OrganisationType",
            (SELECT array_agg(DISTINCT ($4::text[])[1 + (first + step * k) % 15]::"CauseArea")
               FROM generate_series(0, causes - 1) k),
            CASE WHEN random() < 0.2 THEN 'LONDON' ELSE ($5::text[])[1 + floor(random() * 12)::int] END::"Region",
            (ARRAY['MICRO','SMALL','SMALL','MEDIUM','MEDIUM','LARGE'])[1 + floor(random() * 6)::int]::"SizeBand",
            'A local charity made up for the benchmark.',
            CASE WHEN r < 0.92 THEN 'VERIFIED' WHEN r < 0.97 THEN 'PENDING_VERIFICATION' WHEN r < 0.99 THEN 'SUSPENDED' ELSE 'REJECTED' END::"OrganisationStatus",
            CASE WHEN r < 0.92 THEN now() - interval '400 days' END,
            now() - interval '500 days', now()
       FROM (SELECT g, random() AS r, floor(random() * 15)::int AS first, 1 + floor(random() * 6)::int AS step,
                    1 + floor(random() * 3)::int AS causes
               FROM generate_series(1, $6) g) AS o`,
    [towns, orgKinds, orgSuffixes, causeAreas, regions, ORGANISATIONS],
  );

  // Asks and their skills with the per-row triggers off: the search vector and the listing columns
  // (migration 20261123164618_ask_listing_columns) are computed here, set-based, as the migrations'
  // backfills do. The skills are drawn first, so each ask is written once with its arrays (updating
  // 100k rows afterwards would leave the table twice its size).
  await q('ALTER TABLE "Ask" DISABLE TRIGGER USER');
  await q('ALTER TABLE "AskSkill" DISABLE TRIGGER USER');
  // One to three skills per ask, popular skills more often.
  await q(
    `CREATE TEMPORARY TABLE bench_ask_skill AS
     SELECT DISTINCT t.id AS "askId", ($1::text[])[1 + floor(power(random(), 1.4) * cardinality($1::text[]))::int] AS "skillId"
       FROM (SELECT 'ask-' || lpad(g::text, 6, '0') AS id FROM generate_series(1, $2) g) AS t CROSS JOIN generate_series(1, 3) k
      WHERE k <= 1 + abs(hashtext(t.id)) % 3`,
    [skills.map((s) => `skill-${s.slug}`), ASKS],
  );
  await q(
    `INSERT INTO "Ask" (id, "organisationId", title, question, outcome, "durationMinutes", media, deadline, status,
                        "submittedAt", "publishedAt", "closedAt", "createdAt", "updatedAt", "searchVector",
                        "organisationRegion", "organisationCauseAreas", "organisationVerified", "skillIds", "skillCategoryIds")
     SELECT r.id, r.org, r.title, r.question, 'A clear next step we can act on.', r.duration, r.media, r.deadline,
            r.status::"AskStatus", r.created + interval '1 day', r.published,
            CASE WHEN r.status IN ('COMPLETED', 'WITHDRAWN', 'EXPIRED', 'REJECTED') THEN r.created + interval '20 days' END,
            r.created, r.created, ask_search_vector(r.title, r.question, o.name),
            o.region, o."causeAreas", o.status = 'VERIFIED', coalesce(sk.ids, '{}'), coalesce(sk.categories, '{}')
       FROM (
         SELECT s.*,
                -- open asks: published in the last 60 days (more of them recently), deadline ahead (1% overdue for the sweep)
                CASE WHEN s.status = 'OPEN' THEN now() - interval '60 days' * power(random(), 1.5)
                     WHEN s.status IN ('MATCHED', 'COMPLETED', 'EXPIRED', 'WITHDRAWN') THEN now() - interval '365 days' * random() - interval '30 days'
                END AS published,
                CASE WHEN s.status = 'OPEN' AND random() < 0.01 THEN now() - interval '5 days' * random()
                     WHEN s.status = 'OPEN' THEN now() + interval '1 day' + interval '59 days' * random()
                     ELSE now() + interval '120 days' * (random() - 0.7)
                END AS deadline,
                now() - interval '400 days' * random() AS created
           FROM (
             SELECT 'ask-' || lpad(g::text, 6, '0') AS id,
                    'org-' || (1 + floor(power(random(), 1.6) * $1))::int AS org,
                    CASE WHEN g % 5 <> 0 THEN 'OPEN'
                         ELSE (ARRAY['DRAFT','PENDING_REVIEW','CHANGES_REQUESTED','MATCHED','COMPLETED','REJECTED','WITHDRAWN','EXPIRED'])[1 + (g / 5) % 8]
                    END AS status,
                    ($2::text[])[1 + floor(random() * cardinality($2::text[]))::int] || ' '
                      || ($3::text[])[1 + floor(random() * cardinality($3::text[]))::int]
                      || coalesce(' ' || nullif(($4::text[])[1 + floor(random() * cardinality($4::text[]))::int], ''), '') AS title,
                    ($5::text[])[1 + floor(random() * cardinality($5::text[]))::int] || ' '
                      || CASE WHEN random() < 0.03 THEN 'It is for our ' || ($7::text[])[1 + floor(random() * cardinality($7::text[]))::int] || ' project. ' ELSE '' END
                      || ($6::text[])[1 + floor(random() * cardinality($6::text[]))::int] AS question,
                    (ARRAY[30,30,30,30,30,30,30,30,30,20,20,20,15,15,45,45,45,60,60,60])[1 + floor(random() * 20)::int] AS duration,
                    coalesce(nullif(array_remove(ARRAY[
                      CASE WHEN random() < 0.8 THEN 'VIDEO' END, CASE WHEN random() < 0.5 THEN 'PHONE' END,
                      CASE WHEN random() < 0.3 THEN 'EMAIL' END, CASE WHEN random() < 0.08 THEN 'IN_PERSON' END], NULL), '{}'),
                      ARRAY['VIDEO'])::"Medium"[] AS media
               FROM generate_series(1, $8) g
           ) AS s
       ) AS r
       JOIN "Organisation" o ON o.id = r.org
       LEFT JOIN (SELECT x."askId", array_agg(x."skillId" ORDER BY x."skillId") AS ids,
                         array_agg(DISTINCT k."categoryId" ORDER BY k."categoryId") AS categories
                    FROM bench_ask_skill x JOIN "Skill" k ON k.id = x."skillId" GROUP BY x."askId") AS sk ON sk."askId" = r.id`,
    [ORGANISATIONS, verbs, objects, purposes, situations, questions, rareWords, ASKS],
  );

  await q(`INSERT INTO "AskSkill" ("askId", "skillId", "updatedAt") SELECT "askId", "skillId", now() FROM bench_ask_skill`);
  await q('DROP TABLE bench_ask_skill');
  await q('ALTER TABLE "Ask" ENABLE TRIGGER USER');
  await q('ALTER TABLE "AskSkill" ENABLE TRIGGER USER');

  // Offers on about 40% of open asks, mostly still pending.
  await q(
    `INSERT INTO "Offer" (id, "askId", "volunteerId", message, status, "createdAt", "updatedAt")
     SELECT 'offer-' || a.id || '-' || k, a.id, 'user-' || (1 + floor(random() * $1))::int, 'Happy to help.',
            CASE WHEN random() < 0.85 THEN 'PENDING' ELSE 'DECLINED' END::"OfferStatus", now(), now()
       FROM "Ask" a CROSS JOIN generate_series(1, 3) k
      WHERE a.status = 'OPEN' AND abs(hashtext(a.id || 'offers')) % 10 < 4 AND k <= 1 + abs(hashtext(a.id)) % 3
     ON CONFLICT DO NOTHING`,
    [VOLUNTEERS],
  );

  // The typo look-up's word list: every word of the asks and organisation names, as the trigger would
  // add them, plus 20k made-up words so it is as big as a real one.
  await q(
    `INSERT INTO "SearchWord" (word)
     SELECT DISTINCT word FROM (
       SELECT regexp_split_to_table(lower(title || ' ' || question), '[^[:alpha:]]+') AS word FROM "Ask"
       UNION ALL SELECT regexp_split_to_table(lower(name), '[^[:alpha:]]+') FROM "Organisation"
       UNION ALL SELECT (SELECT string_agg(chr(97 + floor(random() * 26)::int), '') FROM generate_series(1, 5 + g % 8) WHERE g > 0)
         FROM generate_series(1, 20000) g
     ) AS words
     WHERE length(word) BETWEEN 3 AND 40
     ON CONFLICT DO NOTHING`,
  );
  await q('VACUUM ANALYZE');
}

// ---------------------------------------------------------------------------------------- measuring

type Lib = typeof import('@/lib/asks/browse');
type QueryLib = typeof import('@/lib/asks/browse-query');

interface Case {
  name: string;
  params: Record<string, string | string[]>;
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;

/** What a plan reads: each index used, any sequential scan, buffers and execution time. */
function summarisePlan(lines: string[]) {
  const indexes = new Set<string>();
  const seqScans = new Map<string, number>(); // table -> rows it returned
  let time = '';
  for (const line of lines) {
    const index = /(?:Index Scan|Index Only Scan|Bitmap Index Scan)(?: Backward)? (?:using|on) "?([\w]+)"?/.exec(line);
    if (index) indexes.add(index[1]!);
    const seq = /Seq Scan on "?(\w+)"?.*actual time=[\d.]+\.\.[\d.]+ rows=(\d+)/.exec(line);
    if (seq) seqScans.set(seq[1]!, (seqScans.get(seq[1]!) ?? 0) + Number(seq[2]));
    const exec = /Execution Time: ([\d.]+) ms/.exec(line);
    if (exec) time = exec[1]!;
  }
  // Each flagged scan with the rows it returned: one under a LIMIT stops early, which the full plan shows.
  const large = [...seqScans].filter(([table]) => LARGE_TABLES.includes(table)).map(([table, rows]) => `${table} (${rows} rows)`);
  return { indexes: [...indexes], large, time };
}

async function main() {
  assertLocalDatabaseUrl(SERVER_URL, 'the browse benchmark');
  const reuse = args.has('--reuse');
  const benchUrl = reuse ? withDatabaseName(SERVER_URL, BENCH_DATABASE) : await recreateDatabase(SERVER_URL, BENCH_DATABASE);
  let client: pg.Client | undefined;
  let closeDb: (() => Promise<void>) | undefined;
  try {
    if (!reuse) {
      console.log(`Benchmark database ${BENCH_DATABASE}: migrating and filling (${ASKS.toLocaleString('en-GB')} asks)…`);
      await migrateDatabase({ databaseUrl: benchUrl, pgliteDataDir: 'unused' });
    }
    client = new pg.Client({ connectionString: benchUrl });
    await client.connect();
    const started = performance.now();
    if (!reuse) await fill(client);
    const totals = (
      await client.query(`SELECT (SELECT count(*) FROM "Ask")::int AS asks,
        (SELECT count(*) FROM "Ask" WHERE status = 'OPEN')::int AS open,
        (SELECT count(*) FROM "Organisation")::int AS organisations, (SELECT count(*) FROM "AskSkill")::int AS "askSkills",
        (SELECT count(*) FROM "Offer")::int AS offers, (SELECT count(*) FROM "SearchWord")::int AS words`)
    ).rows[0];
    console.log(reuse ? `Reusing ${BENCH_DATABASE}:` : `Filled in ${((performance.now() - started) / 1000).toFixed(1)} s:`, totals);
    if (RANDOM_PAGE_COST !== undefined) {
      if (!Number.isFinite(RANDOM_PAGE_COST) || RANDOM_PAGE_COST <= 0) throw new Error('--random-page-cost must be a positive number');
      // Applies to every new connection to the bench database, the app's pool included.
      await client.query(`ALTER DATABASE ${BENCH_DATABASE} SET random_page_cost = ${RANDOM_PAGE_COST}`);
      await client.query(`SET random_page_cost = ${RANDOM_PAGE_COST}`);
    }
    const setting = (await client.query<{ random_page_cost: string }>('SHOW random_page_cost')).rows[0]!.random_page_cost;
    console.log(`Planner setting for this run: random_page_cost = ${setting}`);

    // The app's own code, pointed at the benchmark database (lib/env reads DATABASE_URL when first imported).
    process.env.DATABASE_URL = benchUrl;
    const lib: Lib = await import('@/lib/asks/browse');
    const queries: QueryLib = await import('@/lib/asks/browse-query');
    const { db } = await import('@/lib/db');
    closeDb = () => db.$disconnect();

    const now = new Date();
    const skill = (
      await client.query<{ slug: string }>(`SELECT k.slug FROM "AskSkill" x JOIN "Skill" k ON k.id = x."skillId"
        GROUP BY k.slug ORDER BY count(*) DESC OFFSET 20 LIMIT 1`)
    ).rows[0]!.slug;
    const category = (await client.query<{ slug: string }>(`SELECT slug FROM "SkillCategory" ORDER BY "sortOrder" DESC LIMIT 1`)).rows[0]!
      .slug;

    const cases: Case[] = [
      { name: 'default list (newest)', params: {} },
      { name: 'sort: deadline soonest', params: { sort: 'deadline' } },
      { name: `skill (${skill})`, params: { skill } },
      { name: `category (${category})`, params: { category } },
      { name: 'cause area (ANIMALS)', params: { cause: 'ANIMALS' } },
      { name: 'duration (60)', params: { duration: '60' } },
      { name: 'medium (IN_PERSON)', params: { medium: 'IN_PERSON' } },
      { name: 'region (NORTHERN_IRELAND)', params: { region: 'NORTHERN_IRELAND' } },
      { name: 'posted within 1 day', params: { posted: '1' } },
      { name: 'skill + region', params: { skill, region: 'NORTHERN_IRELAND' } },
      { name: 'cause + medium', params: { cause: 'SPORT', medium: 'IN_PERSON' } },
      { name: 'cause + region', params: { cause: 'ANIMALS', region: 'NORTHERN_IRELAND' } },
      { name: 'search, common word (funding)', params: { q: 'funding' } },
      { name: 'search, rare word (polytunnel)', params: { q: 'polytunnel' } },
      { name: 'search, typo (budgetting)', params: { q: 'budgetting' } },
      { name: 'search + filter (budget, WALES)', params: { q: 'budget', region: 'WALES' } },
      { name: 'last page', params: { page: 'last' } },
      { name: 'last page, deadline sort', params: { page: 'last', sort: 'deadline' } },
    ];

    // The page after the first: a cursor taken from a real first page.
    const firstPage = await lib.searchOpenAsks(queries.parseBrowseQuery({}), null, now);
    if (firstPage.next) cases.splice(1, 0, { name: 'second page (after cursor)', params: { after: queries.encodeCursor(firstPage.next) } });

    const results = [];
    for (const benchCase of cases) {
      const query = queries.parseBrowseQuery(benchCase.params);
      let result = await lib.searchOpenAsks(query, null, now);
      for (let i = 1; i < WARM_UP; i += 1) result = await lib.searchOpenAsks(query, null, now);
      const times: number[] = [];
      for (let i = 0; i < RUNS; i += 1) {
        const start = performance.now();
        await lib.searchOpenAsks(query, null, now);
        times.push(performance.now() - start);
      }
      times.sort((a, b) => a - b);

      // The plans of exactly what the page runs: the typo look-up, the list and the capped count.
      const [search, ids] = await Promise.all([lib.planSearch(query.q), lib.resolveTaxonomyIds(query)]);
      const statements = lib.browseStatements(query, search.tsquery, now, ids);
      const explained = [];
      const typo = lib.typoLookupSql(query.q);
      for (const [label, sql] of [
        ['typo', typo],
        ['list', statements.list],
        ['count', statements.count],
      ] as const) {
        if (!sql) continue;
        const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
        const lines = plan.rows.map((row) => row['QUERY PLAN']);
        explained.push({ label, lines, summary: summarisePlan(lines) });
      }
      results.push({
        name: benchCase.name,
        rows: result.asks.length,
        count: `${result.count.capped ? '>' : ''}${result.count.value}`,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        explained,
      });
    }

    console.log(`\n${RUNS} timed runs of searchOpenAsks() per case after ${WARM_UP} warm-up runs; each run is the whole page's`);
    console.log(
      'reads: the typo look-up (if searching) beside the skill and area look-up (if filtering by them), then the\nlist (cards included) and the capped count in parallel.\n',
    );
    const header = ['case', 'rows', 'count', 'p50 ms', 'p95 ms', 'plans (index used; exec ms)'];
    const table = results.map((r) => [
      r.name,
      String(r.rows),
      r.count,
      r.p50.toFixed(1),
      r.p95.toFixed(1),
      r.explained
        .map(
          (e) =>
            `${e.label}: ${e.summary.indexes.join('+') || '-'}${e.summary.large.length ? ` SEQ SCAN ${e.summary.large.join(',')}` : ''}; ${e.summary.time}`,
        )
        .join(' | '),
    ]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (i === 5 ? 0 : row[i]!.length))));
    const line = (cells: string[]) =>
      cells.map((cell, i) => (i === 5 ? cell : i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    console.log(line(header));
    for (const row of table) console.log(line(row));

    const flagged = results.flatMap((r) => r.explained.filter((e) => e.summary.large.length).map((e) => ({ name: r.name, e })));
    for (const { name, e } of flagged) {
      console.log(`\n!!! SEQUENTIAL SCAN of ${e.summary.large.join(', ')} in "${name}" (${e.label}) !!!`);
      console.log(e.lines.join('\n'));
    }
    if (args.has('--plans')) {
      for (const r of results) for (const e of r.explained) console.log(`\n--- ${r.name}: ${e.label}\n${e.lines.join('\n')}`);
    }
    const slow = results.filter((r) => r.p95 >= TARGET_MS);
    console.log(
      `\n${flagged.length ? `${flagged.length} plan(s) scan a large table.` : 'No sequential scan of a large table.'} ` +
        `${slow.length ? `${slow.length} case(s) over the ${TARGET_MS} ms target: ${slow.map((r) => r.name).join(', ')}.` : `Every case is under the ${TARGET_MS} ms target.`}`,
    );
    console.log(`worst p95: ${Math.max(...results.map((r) => r.p95)).toFixed(1)} ms`);
  } finally {
    await closeDb?.().catch(() => undefined);
    await client?.end().catch(() => undefined);
    if (args.has('--keep') || reuse) console.log(`Kept ${benchUrl}`);
    else await dropDatabase(SERVER_URL, BENCH_DATABASE);
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
