// npm run bench:browse: how fast is /asks with 100k asks? Builds a scratch database on the local server
// DATABASE_URL names (default postgresql://postgres@127.0.0.1:5432/postgres), fills it with SQL (12k
// organisations, 100k asks of which 80k open, the real skill taxonomy: scripts/bench/support/fill-asks.ts,
// which npm run bench:load shares), runs the same lib function the page calls for each case, prints
// p50/p95 and what each statement's plan uses, flags any sequential scan of a large table, and drops the
// database again, even on failure.
//   --plans  also print every EXPLAIN (ANALYZE, BUFFERS) in full
//   --keep   leave the database behind, to try indexes by hand
//   --reuse  measure the database a --keep run left behind, as it is now (no migrating or filling)
//   --random-page-cost=N  set the planner's random_page_cost on the bench database (unset: the server's
//            own, normally 4, which assumes spinning disks; 1.1 is usual when the data fits in memory or on SSD)
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateDatabase } from '@/lib/database/connection';
import { assertLocalDatabaseUrl, dropDatabase, recreateDatabase, withDatabaseName } from '@/lib/database/local-server';
import { allowServerOnly } from '../support/server-only';
import { fillAsks } from './support/fill-asks';
import { percentile, summarisePlan } from './support/plans';
import { insertTaxonomy } from './support/taxonomy';

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

// ---------------------------------------------------------------------------------------- filling

async function fill(client: pg.Client) {
  const skillIds = await insertTaxonomy(client);
  // The volunteers who make the offers.
  await client.query(
    `INSERT INTO "User" (id, email, name, "updatedAt")
     SELECT 'user-' || g, 'volunteer' || g || '@bench.example', 'Volunteer ' || g, now() FROM generate_series(1, $1) g`,
    [VOLUNTEERS],
  );
  await fillAsks(client, { asks: ASKS, organisations: ORGANISATIONS, skillIds, offerVolunteers: { idPrefix: 'user-', count: VOLUNTEERS } });
  await client.query('VACUUM ANALYZE');
}

// ---------------------------------------------------------------------------------------- measuring

type Lib = typeof import('@/lib/asks/browse');
type QueryLib = typeof import('@/lib/asks/browse-query');
type SearchLib = typeof import('@/lib/asks/search-plan');

interface Case {
  name: string;
  params: Record<string, string | string[]>;
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
    const searchPlan: SearchLib = await import('@/lib/asks/search-plan');
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
      const [search, ids] = await Promise.all([searchPlan.planSearch(query.q), searchPlan.resolveTaxonomyIds(query)]);
      const statements = lib.browseStatements(query, search.tsquery, now, ids);
      const explained = [];
      const typo = searchPlan.typoLookupSql(query.q);
      for (const [label, sql] of [
        ['typo', typo],
        ['list', statements.list],
        ['count', statements.count],
      ] as const) {
        if (!sql) continue;
        const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${sql.text}`, sql.values);
        const lines = plan.rows.map((row) => row['QUERY PLAN']);
        explained.push({ label, lines, summary: summarisePlan(lines, LARGE_TABLES) });
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
