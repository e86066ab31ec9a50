// npm run bench:browse: how fast is /asks with 100k asks, or any number? Builds a scratch database on the local
// server DATABASE_URL names (default postgresql://postgres@127.0.0.1:5432/postgres), fills it with SQL (12
// organisations and 5 offering volunteers per 100 asks, 80% of asks open, the real skill taxonomy:
// scripts/bench/support/fill-asks.ts, which npm run bench:load shares), runs the same lib function the page calls
// for each case, prints p50/p95 and what each statement's plan uses, flags any sequential scan of a large table,
// and drops the database again, even on failure.
//   --asks=N            how many asks (default 100000); several (--asks=100000,1000000) run the bench at each size
//                       in turn and print a growth table: each case's p95 side by side with the ratio, the fill
//                       times, and the plans of the slowest cases at the largest size
//   --plans  also print every EXPLAIN (ANALYZE, BUFFERS) in full
//   --keep   leave the database behind, to try indexes by hand
//   --reuse  measure the database a --keep run left behind, as it is now (no migrating or filling); one that is
//            not there yet is filled and kept
//   --database=NAME  the database's name (default halfhour_bench_browse; a size other than 100k adds _<size>,
//            such as halfhour_bench_browse_1m)
//   --random-page-cost=N  set the planner's random_page_cost on the bench database (unset: the server's
//            own, normally 4, which assumes spinning disks; 1.1 is usual when the data fits in memory or on SSD)
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateDatabase } from '@/lib/database/connection';
import { assertLocalDatabaseUrl, dropDatabase, recreateDatabase, withDatabaseName } from '@/lib/database/local-server';
import { allowServerOnly } from '../support/server-only';
import { fillAsks } from './support/fill-asks';
import {
  databaseExists,
  loadAverage,
  printGrowthTable,
  recordedFillSeconds,
  recordFillSeconds,
  runEachSize,
  sizedDatabaseName,
  sizeLabel,
  sizesArg,
  textArg,
} from './support/growth';
import { percentile, summarisePlan } from './support/plans';
import { insertTaxonomy } from './support/taxonomy';

allowServerOnly();

const argv = process.argv.slice(2);
const args = new Set(argv);
const randomPageCostArg = textArg(argv, 'random-page-cost');
const RANDOM_PAGE_COST = randomPageCostArg === undefined ? undefined : Number(randomPageCostArg);
const SERVER_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const DEFAULT_ASKS = 100_000;
const SIZES = sizesArg(argv, 'asks', [DEFAULT_ASKS]);
const ASKS = SIZES[0]!;
const BENCH_DATABASE = sizedDatabaseName(textArg(argv, 'database') ?? 'halfhour_bench_browse', sizeLabel(ASKS), ASKS === DEFAULT_ASKS);
const ORGANISATIONS = Math.max(1, Math.round(ASKS * 0.12));
const VOLUNTEERS = Math.max(1, Math.round(ASKS * 0.05));
const JSON_OUT = textArg(argv, 'json');
const WARM_UP = 5;
const RUNS = 30;
const TARGET_MS = 20;
/** Cases whose plans the growth table prints in full. */
const SLOWEST_SHOWN = 3;
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

interface Case {
  /** The same at every size (the growth table lines cases up by it); `name` may name the slug drawn. */
  key: string;
  name: string;
  params: Record<string, string | string[]>;
}

interface Explained {
  label: string;
  lines: string[];
  summary: ReturnType<typeof summarisePlan>;
}

interface CaseResult {
  key: string;
  name: string;
  rows: number;
  count: string;
  p50: number;
  p95: number;
  explained: Explained[];
}

/** What one size's run hands the growth table. */
interface SizeResult {
  asks: number;
  database: string;
  fillSeconds?: number;
  filledNow: boolean;
  load: string;
  results: CaseResult[];
}

async function main() {
  assertLocalDatabaseUrl(SERVER_URL, 'the browse benchmark');
  if (SIZES.length > 1) return growth();
  const reuse = args.has('--reuse') && (await databaseExists(SERVER_URL, BENCH_DATABASE));
  const keep = args.has('--keep') || args.has('--reuse');
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
    if (!reuse) {
      await fill(client);
      await recordFillSeconds(client, BENCH_DATABASE, (performance.now() - started) / 1000);
    }
    const fillSeconds = await recordedFillSeconds(client, BENCH_DATABASE);
    const totals = (
      await client.query(`SELECT (SELECT count(*) FROM "Ask")::int AS asks,
        (SELECT count(*) FROM "Ask" WHERE status = 'OPEN')::int AS open,
        (SELECT count(*) FROM "Organisation")::int AS organisations, (SELECT count(*) FROM "AskSkill")::int AS "askSkills",
        (SELECT count(*) FROM "Offer")::int AS offers, (SELECT count(*) FROM "SearchWord")::int AS words`)
    ).rows[0];
    console.log(
      reuse ? `Reusing ${BENCH_DATABASE} (filled in ${fillSeconds?.toFixed(1) ?? '?'} s):` : `Filled in ${fillSeconds?.toFixed(1)} s:`,
      totals,
    );
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
    const skillByUse = async (order: 'ASC' | 'DESC', offset: number) =>
      (
        await client!.query<{ slug: string }>(`SELECT k.slug FROM "AskSkill" x JOIN "Skill" k ON k.id = x."skillId"
          GROUP BY k.slug ORDER BY count(*) ${order}, k.slug OFFSET ${offset} LIMIT 1`)
      ).rows[0]!.slug;
    const skill = await skillByUse('DESC', 20);
    const rareSkill = await skillByUse('ASC', 0);
    const category = (await client.query<{ slug: string }>(`SELECT slug FROM "SkillCategory" ORDER BY "sortOrder" DESC LIMIT 1`)).rows[0]!
      .slug;

    const cases: Case[] = [
      { key: 'default', name: 'default list (newest)', params: {} },
      { key: 'deadline', name: 'sort: deadline soonest', params: { sort: 'deadline' } },
      { key: 'skill', name: `skill (${skill})`, params: { skill } },
      { key: 'rare skill', name: `rare skill (${rareSkill})`, params: { skill: rareSkill } },
      { key: 'category', name: `category (${category})`, params: { category } },
      { key: 'cause', name: 'cause area (ANIMALS)', params: { cause: 'ANIMALS' } },
      { key: 'duration', name: 'duration (60)', params: { duration: '60' } },
      { key: 'medium', name: 'medium (IN_PERSON)', params: { medium: 'IN_PERSON' } },
      { key: 'region', name: 'region (NORTHERN_IRELAND)', params: { region: 'NORTHERN_IRELAND' } },
      { key: 'posted', name: 'posted within 1 day', params: { posted: '1' } },
      { key: 'skill + region', name: 'skill + region', params: { skill, region: 'NORTHERN_IRELAND' } },
      { key: 'cause + medium', name: 'cause + medium', params: { cause: 'SPORT', medium: 'IN_PERSON' } },
      { key: 'cause + region', name: 'cause + region', params: { cause: 'ANIMALS', region: 'NORTHERN_IRELAND' } },
      {
        key: 'rare combination',
        name: 'rare combination (skill, medium, 15 min, region)',
        params: { skill, medium: 'IN_PERSON', duration: '15', region: 'NORTHERN_IRELAND' },
      },
      { key: 'common word', name: 'search, common word (funding)', params: { q: 'funding' } },
      { key: 'rare word', name: 'search, rare word (polytunnel)', params: { q: 'polytunnel' } },
      { key: 'typo', name: 'search, typo (budgetting)', params: { q: 'budgetting' } },
      { key: 'search + filter', name: 'search + filter (budget, WALES)', params: { q: 'budget', region: 'WALES' } },
      { key: 'rare word + region', name: 'search + filter (polytunnel, LONDON)', params: { q: 'polytunnel', region: 'LONDON' } },
      { key: 'last page', name: 'last page', params: { page: 'last' } },
      { key: 'last page, deadline', name: 'last page, deadline sort', params: { page: 'last', sort: 'deadline' } },
    ];

    // The page after the first, and a deep page: cursors taken from real rows, the first page's last and the
    // listed ask nine tenths of the way down the list.
    const firstPage = await lib.searchOpenAsks(queries.parseBrowseQuery({}), null, now);
    if (firstPage.next) {
      cases.splice(1, 0, {
        key: 'second page',
        name: 'second page (after cursor)',
        params: { after: queries.encodeCursor(firstPage.next) },
      });
    }
    const deep = (
      await client.query<{ id: string; at: Date }>(
        `SELECT id, "publishedAt" AS at FROM "Ask" a WHERE a.status = 'OPEN' AND a."publishedAt" IS NOT NULL
          ORDER BY a."publishedAt" DESC, a.id DESC OFFSET (SELECT (count(*) * 9 / 10)::int FROM "Ask" WHERE status = 'OPEN') LIMIT 1`,
      )
    ).rows[0];
    if (deep) {
      cases.splice(2, 0, {
        key: 'deep page',
        name: 'deep page (90% down the list)',
        params: { after: queries.encodeCursor({ key: 'newest', at: deep.at, id: deep.id }) },
      });
    }

    const results: CaseResult[] = [];
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

      // The plans of exactly what the page runs: the look-ups, the list and the capped count.
      const explained: Explained[] = [];
      for (const { label, sql, plannedOnly } of await lib.pageStatementsForExplain(query, now)) {
        const plan = await client.query<{ 'QUERY PLAN': string }>(
          `EXPLAIN ${plannedOnly ? '' : '(ANALYZE, BUFFERS) '}${sql.text}`,
          sql.values,
        );
        const lines = plan.rows.map((row) => row['QUERY PLAN']);
        const summary = summarisePlan(lines, LARGE_TABLES);
        // Planned only: what it tells the page is its estimate.
        if (plannedOnly) summary.time = `estimated ${/rows=(\d+)/.exec(lines[0] ?? '')?.[1] ?? '?'} rows`;
        explained.push({ label, lines, summary });
      }
      results.push({
        key: benchCase.key,
        name: benchCase.name,
        rows: result.asks.length,
        count: `${result.count.capped ? '>' : ''}${result.count.value}`,
        p50: percentile(times, 50),
        p95: percentile(times, 95),
        explained,
      });
    }

    const load = await loadAverage();
    console.log(`\n${RUNS} timed runs of searchOpenAsks() per case after ${WARM_UP} warm-up runs at ${ASKS.toLocaleString('en-GB')} asks;`);
    console.log(
      "each run is the whole page's reads: the typo look-up (if searching) beside the skill and area look-up (if\nfiltering by them), then the list (cards included) and the capped count as the page runs them.",
    );
    console.log(`Load average (1, 5, 15 min) after the runs: ${load} on ${(await import('node:os')).cpus().length} cores.\n`);
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
    if (JSON_OUT) {
      const sized: SizeResult = { asks: ASKS, database: BENCH_DATABASE, fillSeconds, filledNow: !reuse, load, results };
      await writeFile(JSON_OUT, JSON.stringify(sized));
    }
  } finally {
    await closeDb?.().catch(() => undefined);
    await client?.end().catch(() => undefined);
    if (keep) console.log(`Kept ${benchUrl}`);
    else await dropDatabase(SERVER_URL, BENCH_DATABASE);
  }
}

/** Each size in turn, then every case side by side: p95 at each size and the ratio, fill times, the slowest plans. */
async function growth() {
  const shared = argv.filter((arg) => !arg.startsWith('--asks=') && !arg.startsWith('--json='));
  const sized = await runEachSize<SizeResult>(
    SIZES.map((asks) => [`--asks=${asks}`]),
    shared,
  );
  const labels = sized.map((size) => sizeLabel(size.asks));
  const largest = sized.at(-1)!;
  const keys = largest.results.map((r) => r.key);
  printGrowthTable(
    `Growth: searchOpenAsks() p95 by number of asks (${RUNS} runs each); the ratio is ${labels.at(-1)} over ${labels[0]}`,
    labels,
    keys.map((key) => {
      const cases = sized.map((size) => size.results.find((r) => r.key === key));
      return {
        name: largest.results.find((r) => r.key === key)!.name,
        values: cases.map((c) => c?.p95),
        note: `rows ${cases.map((c) => c?.rows ?? '-').join('/')}, count ${cases.map((c) => c?.count ?? '-').join('/')}`,
      };
    }),
  );
  // The load of a shared machine swings p95 most; the median and the statements' own execution times (EXPLAIN
  // ANALYZE, the sum of what the page runs after its look-ups) show the growth with less of it.
  printGrowthTable(
    `The same, p50`,
    labels,
    keys.map((key) => ({
      name: largest.results.find((r) => r.key === key)!.name,
      values: sized.map((size) => size.results.find((r) => r.key === key)?.p50),
    })),
  );
  printGrowthTable(
    `The statements' execution in PostgreSQL (EXPLAIN ANALYZE once: probe, list and count as the page ran them)`,
    labels,
    keys.map((key) => {
      const cases = sized.map((size) => size.results.find((r) => r.key === key));
      return {
        name: largest.results.find((r) => r.key === key)!.name,
        values: cases.map((c) => c && statementsMs(c)),
        note: largest.results
          .find((r) => r.key === key)!
          .explained.filter((e) => e.label.startsWith('list'))
          .map((e) => e.label)
          .join(''),
      };
    }),
  );
  console.log('\nFill times and load:');
  for (const size of sized) {
    console.log(
      `  ${sizeLabel(size.asks).padEnd(6)} ${size.database}: filled in ${size.fillSeconds?.toFixed(1) ?? '?'} s` +
        `${size.filledNow ? ' (this run)' : ' (an earlier run; reused)'}; load average after the runs ${size.load}`,
    );
  }
  const slowest = [...largest.results].sort((a, b) => b.p95 - a.p95).slice(0, SLOWEST_SHOWN);
  for (const result of slowest) {
    console.log(`\n=== slowest at ${labels.at(-1)}: ${result.name}, p95 ${result.p95.toFixed(1)} ms`);
    for (const e of result.explained) console.log(`--- ${e.label}\n${e.lines.join('\n')}`);
  }
  const over = largest.results.filter((r) => r.p95 >= TARGET_MS);
  console.log(
    `\nAt ${labels.at(-1)}: ${over.length ? `${over.length} case(s) over the ${TARGET_MS} ms target: ${over.map((r) => r.name).join(', ')}` : `every case under the ${TARGET_MS} ms target`}.`,
  );
}

/** What the page's own statements took in PostgreSQL: everything explained but the look-ups and the estimate. */
function statementsMs(result: CaseResult): number {
  return result.explained
    .filter((e) => !['typo', 'estimate'].includes(e.label))
    .reduce((sum, e) => sum + (Number.parseFloat(e.summary.time) || 0), 0);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
