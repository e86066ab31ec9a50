// npm run bench:load: how many requests a second does the built app serve with 100k asks and 100k volunteers,
// against its own static asset and its own cheapest per-request page? Builds the app (next build), creates a
// scratch database on the local server DATABASE_URL names (default postgresql://postgres@127.0.0.1:5432/postgres),
// seeds the demo (so the demo accounts exist) and fills it by SQL (scripts/bench/support), starts `next start` on a
// free port, signs a seeded volunteer in by writing a session row, warms every page (requests, then 4 s of load),
// and drives every page in turn, three rounds, from a second process (autocannon, 20 connections, 5 s, on
// loopback). Prints requests/s, p50/p95/p99, errors and each page's ratio to both baselines (the median of its
// rounds' ratios to the baseline of the same round); then the p95 of home, browse and ask detail at half of each
// one's peak rate; and ends with one line per page: `ratio PAGE: R of static, S of dynamic`. Stops the server and drops the database at the
// end, even on failure. Other work on the machine skews every figure: the load average is printed first.
//   --no-build        serve the existing build (.next) instead of building; builds anyway when there is none
//   --keep            leave the server running and the database behind (prints how to reach and stop them)
//   --redis           share the app's cache through Redis (REDIS_URL, default redis://127.0.0.1:6379); without
//                     it REDIS_URL is unset for the server, so the single-process cache is measured
//   --duration=SEC    seconds per measurement (default 5; three rounds of each page)
//   --writes=N        while every round is measured, a background writer approves asks and makes offers, N writes
//                     a second (default 5; 0: none), by plain SQL as a hand-typed statement would
//                     (scripts/bench/support/writes.ts); prints the freshness lag of approvals (scripts/bench/support/
//                     freshness.ts), each page's cache hit rate beside its ratio, and PASS/MISS for the targets
//                     with writes on. The database is BENCH_DATABASE when set (a name on the same server).
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, rmSync } from 'node:fs';
import http from 'node:http';
import { createServer } from 'node:net';
import { createRequire } from 'node:module';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { migrateDatabase } from '@/lib/database/connection';
import { assertLocalDatabaseUrl, dropDatabase, recreateDatabase } from '@/lib/database/local-server';
import { allowServerOnly } from '../support/server-only';
import { fillAsks } from './support/fill-asks';
import { fillVolunteers } from './support/fill-volunteers';
import { FRESHNESS_POLL_MS, FRESHNESS_TIMEOUT_MS, probeFreshness } from './support/freshness';
import { drive, type LoadSummary } from './support/load-generator';
import { percentile } from './support/plans';
import { insertTaxonomy } from './support/taxonomy';
import { fillWrites, startWriter, type Writer } from './support/writes';

allowServerOnly();

const args = new Set(process.argv.slice(2));
const durationArg = process.argv.find((arg) => arg.startsWith('--duration='))?.split('=')[1];
const writesArg = process.argv.find((arg) => arg.startsWith('--writes='))?.split('=')[1];
const SERVER_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = process.env.BENCH_DATABASE || 'halfhour_bench_load';
const ASKS = 100_000;
const ORGANISATIONS = 12_000;
const VOLUNTEERS = 100_000;
const CONNECTIONS = 20;
const DURATION_SECONDS = durationArg === undefined ? 5 : Number(durationArg);
const WRITES_PER_SECOND = writesArg === undefined ? 5 : Number(writesArg);
/**
 * Every page, baselines included, is driven this many times in turn, and a page's ratio is the median of its
 * rounds' ratios to that round's baseline. This machine's speed drifts by half within a minute (other tenants):
 * one pass, baselines first, compared pages with baselines measured in another spell.
 */
const ROUNDS = 3;
const WARM_UP_REQUESTS = 40;
/**
 * Then each page under load for this long, results thrown away: V8 compiles a page's hot paths only after a few
 * hundred renders, and a page measured colder than the baselines (or the reverse) skewed ratios by half.
 */
const WARM_UP_LOAD_SECONDS = 4;
const ALONE_REQUESTS = 15;
/** The issue's targets: anonymous pages at least half of static, dashboard 0.8 of dynamic, p95 at half of peak. */
const TARGET_P95_MS = 50;
const ANONYMOUS_TARGET = 0.5;
/** The dashboard rendered per request, measured for the record (the target is the dashboard as people get it). */
const RENDERED_DASHBOARD = 'dashboard-rendered';
const DASHBOARD_TARGET = 0.8;
const HALF_RATE_PAGES = ['home', 'browse', 'ask'];
/** The issue's targets with writes on (issue 20): cached pages near static, approvals shown within 2 s. */
const WRITES_TARGETS = { home: 0.8, browse: 0.8, ask: 0.8, 'browse-filtered': 0.5 } as const;
const WRITES_DASHBOARD_TARGET = 0.8;
const FRESH_WITHIN_MS = 2000;

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

interface Target {
  page: string;
  url: string;
  headers?: Record<string, string>;
}

interface Measured extends Target {
  /** The round whose rate is the page's median. */
  load: LoadSummary;
  rounds: LoadSummary[];
  /** The median over rounds of the page's rate over each baseline's rate in that round. */
  ofStatic: number;
  ofDynamic: number;
  /** One request at a time after warming: the median, in ms, and the document's size. */
  aloneMs: number;
  bytes: number;
  cache: string;
}

const seconds = (since: number) => `${((performance.now() - since) / 1000).toFixed(1)} s`;
const loadAverage = () =>
  `${loadavg()
    .map((n) => n.toFixed(2))
    .join(' ')} (1, 5, 15 min) on ${availableParallelism()} CPUs`;

// ---------------------------------------------------------------------------------------- the database

/** Migrates, seeds the demo and fills the bench database; returns what the pages under load need. */
async function prepareDatabase(benchUrl: string, client: pg.Client) {
  await migrateDatabase({ databaseUrl: benchUrl, pgliteDataDir: 'unused' });
  const { createDatabaseClient } = await import('@/lib/database/client');
  const { DEMO_ACCOUNTS, seedDatabase, userIdFor } = await import('@/prisma/seed/seed-database');
  const seeded = createDatabaseClient({ databaseUrl: benchUrl, pgliteDataDir: 'unused' });
  try {
    await seedDatabase(seeded.db);
  } finally {
    await seeded.close();
  }

  // The seed wrote the taxonomy; this only reads its ids. Volunteers first: the asks' offers come from them.
  const skillIds = await insertTaxonomy(client);
  await fillVolunteers(client, { volunteers: VOLUNTEERS });
  await fillAsks(client, { asks: ASKS, organisations: ORGANISATIONS, skillIds, offerVolunteers: { idPrefix: 'vu-', count: VOLUNTEERS } });
  await client.query('VACUUM ANALYZE');

  // The demo volunteer signed in: next-auth's database session, as lib/auth/session.ts reads it.
  const sessionToken = randomBytes(32).toString('hex');
  await client.query(
    `INSERT INTO "Session" (id, "sessionToken", "userId", expires, "updatedAt") VALUES ($1, $2, $3, now() + interval '1 day', now())`,
    [`bench-load-${sessionToken.slice(0, 12)}`, sessionToken, userIdFor(DEMO_ACCOUNTS.volunteer)],
  );
  // An open ask of the fill, as a visitor finds it on the list: the newest from a verified organisation.
  const askId = (
    await client.query<{ id: string }>(
      `SELECT id FROM "Ask" WHERE status = 'OPEN' AND "organisationVerified" AND deadline > now() + interval '7 days' AND id ~ '^ask-[0-9]+$'
        ORDER BY "publishedAt" DESC, id DESC LIMIT 1`,
    )
  ).rows[0]!.id;
  // Two filters, a skill area and a region, as the browse page's form sends them.
  const category = (await client.query<{ slug: string }>(`SELECT slug FROM "SkillCategory" ORDER BY "sortOrder" LIMIT 1`)).rows[0]!.slug;
  const totals = (
    await client.query(
      `SELECT (SELECT count(*) FROM "Ask")::int AS asks,
      (SELECT count(*) FROM "Ask" WHERE status = 'OPEN' AND deadline > now())::int AS "openAsks",
      (SELECT count(*) FROM "Ask" a WHERE status = 'OPEN' AND deadline > now() AND "organisationVerified" AND "organisationRegion" = 'LONDON'
          AND $1 = ANY ("skillCategoryIds"))::int AS "openInFilter",
      (SELECT count(*) FROM "VolunteerProfile")::int AS volunteers, (SELECT count(*) FROM "Organisation")::int AS organisations,
      (SELECT count(*) FROM "Offer")::int AS offers`,
      [`category-${category}`],
    )
  ).rows[0] as Record<string, number>;
  return { sessionToken, askId, category, totals, volunteerEmail: DEMO_ACCOUNTS.volunteer, adminId: userIdFor(DEMO_ACCOUNTS.admin) };
}

// ---------------------------------------------------------------------------------------- the app server

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** The environment the app builds and runs with: the bench database, no telemetry, no mail, no background jobs. */
function appEnv(benchUrl: string, port: number): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    NEXT_TELEMETRY_DISABLED: '1',
    DATABASE_URL: benchUrl,
    PORT: String(port),
    APP_URL: `http://127.0.0.1:${port}`,
    // Sweeps and email workers firing mid-run would be noise in a measure of serving pages; the bench's own
    // writer (--writes) queues no email. Mail would go to a closed port (9, discard) rather than a catcher.
    JOB_WORKERS: 'separate',
    SMTP_URL: 'smtp://127.0.0.1:9',
  };
  if (args.has('--redis')) env.REDIS_URL ||= 'redis://127.0.0.1:6379';
  else delete env.REDIS_URL;
  return env;
}

async function build(env: NodeJS.ProcessEnv): Promise<void> {
  if (args.has('--no-build') && existsSync(path.join('.next', 'BUILD_ID'))) {
    console.log('Serving the existing build (--no-build).');
    return;
  }
  const started = performance.now();
  console.log('Building the app (next build)…');
  const output: Buffer[] = [];
  const child = spawn(process.execPath, [nextBin, 'build'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  child.stdout.on('data', (chunk: Buffer) => output.push(chunk));
  child.stderr.on('data', (chunk: Buffer) => output.push(chunk));
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  if (code !== 0) {
    console.error(Buffer.concat(output).toString().split('\n').slice(-60).join('\n'));
    throw new Error(`next build failed (exit code ${code})`);
  }
  console.log(`Built in ${seconds(started)}.`);
}

interface Server {
  process: ChildProcess;
  origin: string;
  log: string;
}

function startServer(env: NodeJS.ProcessEnv, port: number): Server {
  const log = path.join(tmpdir(), `halfhour-bench-load-${port}.log`);
  const fd = openSync(log, 'w');
  // Its own process group, so stopping it stops anything it started, and --keep can leave it running.
  const child = spawn(process.execPath, [nextBin, 'start', '--hostname', '127.0.0.1', '--port', String(port)], {
    env,
    detached: true,
    stdio: ['ignore', fd, fd],
  });
  closeSync(fd);
  return { process: child, origin: `http://127.0.0.1:${port}`, log };
}

const logTail = (server: Server) => readFileSync(server.log, 'utf8').split('\n').slice(-40).join('\n');

async function waitForServer(server: Server, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (server.process.exitCode !== null) throw new Error(`next start exited (code ${server.process.exitCode}):\n${logTail(server)}`);
    try {
      const response = await fetch(`${server.origin}/icon.svg`);
      await response.arrayBuffer();
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`next start did not answer within ${timeoutMs / 1000} s:\n${logTail(server)}`);
}

async function stopServer(server: Server): Promise<void> {
  const child = server.process;
  if (child.exitCode !== null || child.signalCode !== null || child.pid === undefined) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  process.kill(-child.pid, 'SIGTERM');
  const stopped = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!stopped) {
    process.kill(-child.pid, 'SIGKILL');
    await exited;
  }
}

// ---------------------------------------------------------------------------------------- measuring

/**
 * One GET, as a page load: node:http rather than fetch, which always sends `Sec-Fetch-Mode: cors` (a script's
 * request), and the proxy leaves those to the per-request dashboard (docs/decisions/0015). autocannon sends none.
 */
function request(url: string, headers?: Record<string, string>) {
  const started = performance.now();
  return new Promise<{ status: number; bytes: number; ms: number; location: string | null; cache: string }>((resolve, reject) => {
    http
      .get(url, { headers, agent: keepAlive }, (response) => {
        let bytes = 0;
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('error', reject);
        response.on('end', () => {
          // How Next served it: from its cache (x-nextjs-cache: HIT, STALE) or rendered for this request (no-store).
          const header = (name: string) => {
            const value = response.headers[name];
            return typeof value === 'string' ? value : null;
          };
          const cacheControl = header('cache-control') ?? '';
          const cache = header('x-nextjs-cache') ?? (cacheControl.includes('no-store') ? 'no-store' : cacheControl ? 'cacheable' : '-');
          resolve({ status: response.statusCode ?? 0, bytes, ms: performance.now() - started, location: header('location'), cache });
        });
      })
      .on('error', reject);
  });
}
const keepAlive = new http.Agent({ keepAlive: true });

/** Warms a page (a few at a time) and times it alone; refuses a page that fails or (dashboard) is not signed in. */
async function warm(origin: string, target: Target) {
  const statuses = new Map<number, number>();
  for (let sent = 0; sent < WARM_UP_REQUESTS; sent += 4) {
    const batch = await Promise.all([0, 1, 2, 3].map(() => request(origin + target.url, target.headers)));
    for (const { status } of batch) statuses.set(status, (statuses.get(status) ?? 0) + 1);
  }
  const alone = [];
  for (let i = 0; i < ALONE_REQUESTS; i++) alone.push(await request(origin + target.url, target.headers));
  const last = alone[alone.length - 1]!;
  if (last.status >= 500 || (target.page.startsWith('dashboard') && last.status !== 200)) {
    const where = last.location ? ` (to ${last.location})` : '';
    throw new Error(
      `${target.url} answered ${last.status}${where} while warming: ${target.page.startsWith('dashboard') ? 'is the session cookie accepted?' : 'see the server log'}`,
    );
  }
  if (statuses.size > 1 || !statuses.has(200))
    console.log(`  ! ${target.page} (${target.url}) answered ${[...statuses].map(([s, n]) => `${n}× ${s}`).join(', ')} while warming`);
  const times = alone.map((a) => a.ms).sort((a, b) => a - b);
  return { aloneMs: times[Math.floor(times.length / 2)]!, bytes: last.bytes, cache: last.cache };
}

function table(header: string[], rows: string[][], leftAligned: number[]): string[] {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => (leftAligned.includes(i) ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), ...rows.map(line)];
}

/** The background writer of --writes: started for the measured rounds; `lags` collects its approvals' freshness. */
interface Writes {
  start(): Writer;
  lags: (number | null)[];
}

async function measure(server: Server, targets: Target[], writes: Writes | undefined) {
  console.log(`\nWarming each page (${WARM_UP_REQUESTS} requests, 4 at a time), then timing ${ALONE_REQUESTS} requests one at a time.`);
  const warmed = new Map<string, Awaited<ReturnType<typeof warm>>>();
  for (const target of targets) warmed.set(target.page, await warm(server.origin, target));
  console.log(`Then each page under load for ${WARM_UP_LOAD_SECONDS} s (not counted), so every page is measured equally warm.`);
  for (const target of targets) {
    await drive({
      url: server.origin + target.url,
      connections: CONNECTIONS,
      durationSeconds: WARM_UP_LOAD_SECONDS,
      headers: target.headers,
    });
    await sleep(500);
  }

  console.log(`Load average now: ${loadAverage()}`);
  console.log(
    `Driving each page with autocannon in a separate process: ${CONNECTIONS} connections for ${DURATION_SECONDS} s, ` +
      `every page in turn, ${ROUNDS} rounds.`,
  );
  const writer = writes?.start();
  const writingSince = performance.now();
  if (writer) console.log(`A background writer approves asks and makes offers, ${WRITES_PER_SECOND} a second, until the last measurement.`);
  const rounds: LoadSummary[][] = targets.map(() => []);
  for (let round = 0; round < ROUNDS; round++) {
    for (const [index, target] of targets.entries()) {
      rounds[index]!.push(
        await drive({
          url: server.origin + target.url,
          connections: CONNECTIONS,
          durationSeconds: DURATION_SECONDS,
          headers: target.headers,
        }),
      );
      await sleep(500); // let the server settle (garbage, sockets) before the next page
    }
  }
  const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  const ratios = (index: number, baseline: number) =>
    rounds[index]!.map((load, round) => load.requestsPerSecond / rounds[baseline]![round]!.requestsPerSecond);
  const measured: Measured[] = targets.map((target, index) => {
    const byRate = [...rounds[index]!].sort((a, b) => a.requestsPerSecond - b.requestsPerSecond);
    return {
      ...target,
      load: byRate[Math.floor(byRate.length / 2)]!,
      rounds: rounds[index]!,
      ofStatic: median(ratios(index, 0)),
      ofDynamic: median(ratios(index, 1)),
      ...warmed.get(target.page)!,
    };
  });
  const [staticBaseline, dynamicBaseline] = measured as [Measured, Measured];
  const ratio = (m: Measured, baseline: Measured) => (baseline === staticBaseline ? m.ofStatic : m.ofDynamic);
  const spread = (m: Measured) => m.rounds.map((load) => load.requestsPerSecond.toFixed(0)).join(' / ');
  // Its responses over the rounds by x-nextjs-cache: HIT and STALE came from Next's cache; MISS, or no header
  // at all (rendered for the request), did not.
  const cacheCounts = (m: Measured) => {
    const counts: Record<string, number> = {};
    for (const load of m.rounds) for (const [value, n] of Object.entries(load.cache)) counts[value] = (counts[value] ?? 0) + n;
    return counts;
  };
  const hitRate = (m: Measured) => {
    const counts = cacheCounts(m);
    const total = Object.values(counts).reduce((sum, n) => sum + n, 0);
    return total === 0 ? 0 : ((counts.HIT ?? 0) + (counts.STALE ?? 0)) / total;
  };

  console.log('');
  const rows = measured.map((m) => [
    m.page,
    m.url.length > 48 ? `${m.url.slice(0, 45)}…` : m.url,
    m.load.requestsPerSecond.toFixed(0),
    spread(m),
    String(m.load.p50),
    String(m.load.p95),
    String(m.load.p99),
    String(m.rounds.reduce((sum, load) => sum + load.errors, 0)),
    String(m.rounds.reduce((sum, load) => sum + load.non2xx, 0)),
    ratio(m, staticBaseline).toFixed(3),
    ratio(m, dynamicBaseline).toFixed(3),
    `${(hitRate(m) * 100).toFixed(1)}%`,
    m.aloneMs.toFixed(1),
    (m.bytes / 1024).toFixed(1),
    m.cache,
  ]);
  const header = [
    'page',
    'URL',
    'req/s',
    'each round',
    'p50 ms',
    'p95 ms',
    'p99 ms',
    'errors',
    'non-2xx',
    'of static',
    'of dynamic',
    'hits',
    'alone ms',
    'kB',
    'cache',
  ];
  for (const line of table(header, rows, [0, 1])) console.log(line);
  console.log(
    `req/s and latencies: each page's median round; "of static", "of dynamic": the median of its ${ROUNDS} rounds' ratios ` +
      `to the baseline driven in the same round; errors and non-2xx: all rounds.`,
  );
  console.log(
    `static = ${staticBaseline.url} (prerendered); dynamic = ${dynamicBaseline.url} (rendered per request, no database); ` +
      `"alone ms": the median of ${ALONE_REQUESTS} requests one at a time; kB: the document, uncompressed.`,
  );
  console.log(
    "cache: x-nextjs-cache of the last warm-up response (HIT, STALE: served from Next's cache), else no-store (rendered for the request).",
  );
  console.log(
    `hits: the share of the rounds' responses whose x-nextjs-cache was HIT or STALE; one without the header (none) was rendered ` +
      `for the request and counts as a miss. By header: ` +
      measured
        .map(
          (m) =>
            `${m.page} ${Object.entries(cacheCounts(m))
              .map(([value, n]) => `${value} ${n}`)
              .join(' ')}`,
        )
        .join('; '),
  );
  if (dynamicBaseline.cache !== 'no-store') {
    console.log(
      `  ! ${dynamicBaseline.url} was not rendered for the request (${dynamicBaseline.cache}): it no longer measures per-request rendering.`,
    );
  }
  const odd = measured.filter((m) => m.rounds.some((load) => load.non2xx > 0));
  for (const m of odd) console.log(`  ${m.page}: status codes ${JSON.stringify(m.rounds.map((load) => load.statusCodes))}`);

  // At half of each page's own peak: the latency a visitor sees when the server is busy but not saturated.
  console.log(`\nAt half of each page's peak rate (autocannon overallRate; target: p95 under ${TARGET_P95_MS} ms):`);
  const halfRows = [];
  for (const m of measured.filter((m) => HALF_RATE_PAGES.includes(m.page))) {
    const rate = Math.max(1, Math.round(m.load.requestsPerSecond / 2));
    const load = await drive({
      url: server.origin + m.url,
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
      headers: m.headers,
      overallRate: rate,
    });
    halfRows.push([
      m.page,
      String(rate),
      load.requestsPerSecond.toFixed(0),
      String(load.p50),
      String(load.p95),
      String(load.p99),
      String(load.errors),
      String(load.non2xx),
      load.p95 < TARGET_P95_MS ? 'met' : 'MISSED',
    ]);
    await sleep(1000);
  }
  for (const line of table(
    ['page', 'rate req/s', 'served req/s', 'p50 ms', 'p95 ms', 'p99 ms', 'errors', 'non-2xx', 'p95 target'],
    halfRows,
    [0],
  )) {
    console.log(line);
  }

  const freshness = writer ? await reportWrites(writer, writes!.lags, (performance.now() - writingSince) / 1000) : undefined;

  const anonymous = measured.filter((m) => ['home', 'browse', 'browse-filtered', 'ask'].includes(m.page));
  const dashboard = measured.find((m) => m.page === 'dashboard')!;
  const verdict = (met: boolean) => (met ? 'met' : 'MISSED');
  console.log(
    `\nTargets: anonymous pages at least ${ANONYMOUS_TARGET} of static, zero errors: ` +
      `${verdict(anonymous.every((m) => ratio(m, staticBaseline) >= ANONYMOUS_TARGET && m.rounds.every((load) => load.errors + load.non2xx === 0)))} ` +
      `(${anonymous.map((m) => `${m.page} ${ratio(m, staticBaseline).toFixed(2)}`).join(', ')}); ` +
      `dashboard at least ${DASHBOARD_TARGET} of dynamic: ${verdict(ratio(dashboard, dynamicBaseline) >= DASHBOARD_TARGET)} ` +
      `(${ratio(dashboard, dynamicBaseline).toFixed(2)}).`,
  );

  const rendered = measured.find((m) => m.page === RENDERED_DASHBOARD)!;
  console.log(
    `The dashboard rendered for the request (the first view after a change): ${ratio(rendered, dynamicBaseline).toFixed(2)} of dynamic.`,
  );

  // The summary lines, which the run ends with (main prints them last).
  const lines = measured
    .slice(2)
    .filter((m) => m.page !== RENDERED_DASHBOARD)
    .map((m) => `ratio ${m.page}: ${ratio(m, staticBaseline).toFixed(2)} of static, ${ratio(m, dynamicBaseline).toFixed(2)} of dynamic`);
  if (freshness) {
    const pass = (met: boolean) => (met ? 'PASS' : 'MISS');
    const pages = Object.entries(WRITES_TARGETS).map(([page, target]) => {
      const m = measured.find((m) => m.page === page)!;
      return `${page} ${ratio(m, staticBaseline).toFixed(2)} of static (>= ${target}, hits ${(hitRate(m) * 100).toFixed(0)}%) ${pass(ratio(m, staticBaseline) >= target)}`;
    });
    lines.push(
      `Targets with writes on (${WRITES_PER_SECOND} a second): ${pages.join('; ')}; ` +
        `dashboard ${ratio(dashboard, dynamicBaseline).toFixed(2)} of dynamic (>= ${WRITES_DASHBOARD_TARGET}, hits ` +
        `${(hitRate(dashboard) * 100).toFixed(0)}%) ${pass(ratio(dashboard, dynamicBaseline) >= WRITES_DASHBOARD_TARGET)}; ` +
        `freshness ${freshness.summary} (every approval within ${FRESH_WITHIN_MS / 1000} s) ${pass(freshness.met)}`,
    );
  }
  return lines;
}

/** Stops the writer and prints what it wrote and how soon its approvals were shown; returns the freshness verdict. */
async function reportWrites(writer: Writer, lags: (number | null)[], seconds: number) {
  const counts = await writer.stop();
  console.log(
    `
Writes over ${seconds.toFixed(0)} s: ${counts.approvals} approvals and ${counts.offers} offers ` +
      `(${((counts.approvals + counts.offers) / seconds).toFixed(1)} a second); ${counts.refused} wrote nothing (the ask no longer ` +
      `pending or open), ${counts.failed} failed, ${counts.ranOut} not made (the supply of pending asks or volunteers ran out).`,
  );
  for (const error of counts.errors) console.log(`  ! ${error}`);
  // Not shown within the timeout: later than any lag measured.
  const sorted = lags.map((lag) => lag ?? Infinity).sort((a, b) => a - b);
  const ms = (lag: number) => (lag === Infinity ? `over ${FRESHNESS_TIMEOUT_MS / 1000} s` : `${lag.toFixed(0)} ms`);
  const late = sorted.filter((lag) => lag > FRESH_WITHIN_MS).length;
  const summary =
    sorted.length === 0
      ? 'not measured (no approval probed)'
      : `p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, max ${ms(sorted.at(-1)!)}, ` +
        `${late} of ${sorted.length} later than ${FRESH_WITHIN_MS / 1000} s`;
  console.log(
    `Freshness: approvals probed one at a time (its /asks/<id> and /asks fetched, so cached, before the approval; then ` +
      `polled every ${FRESHNESS_POLL_MS} ms until the page answers 200 and the list links to it): ${summary}` +
      `${sorted.includes(Infinity) ? ` (${sorted.filter((lag) => lag === Infinity).length} not shown within ${FRESHNESS_TIMEOUT_MS / 1000} s)` : ''}.`,
  );
  return { summary, met: sorted.length > 0 && late === 0 };
}

// ---------------------------------------------------------------------------------------- main

async function main() {
  assertLocalDatabaseUrl(SERVER_URL, 'the load benchmark');
  if (!Number.isFinite(DURATION_SECONDS) || DURATION_SECONDS < 1) throw new Error('--duration must be a number of seconds, at least 1');
  if (!Number.isFinite(WRITES_PER_SECOND) || WRITES_PER_SECOND < 0)
    throw new Error('--writes must be a number of writes a second, 0 or more');
  const keep = args.has('--keep');
  console.log(`Load average before starting: ${loadAverage()}`);

  let client: pg.Client | undefined;
  let writerPool: pg.Pool | undefined;
  let server: Server | undefined;
  let databaseCreated = false;
  let cleaning: Promise<void> | undefined;
  const cleanUp = () =>
    (cleaning ??= (async () => {
      await client?.end().catch(() => undefined);
      await writerPool?.end().catch(() => undefined);
      if (keep) return;
      if (server) await stopServer(server).catch((error: unknown) => console.error('Could not stop the server:', error));
      if (databaseCreated)
        await dropDatabase(SERVER_URL, BENCH_DATABASE).catch((error: unknown) => console.error('Could not drop the database:', error));
    })());
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      console.error(`\n${signal}: stopping the server and dropping the database…`);
      void cleanUp().finally(() => process.exit(130));
    });
  }

  try {
    const started = performance.now();
    console.log(
      `Benchmark database ${BENCH_DATABASE}: migrating, seeding the demo and filling (${ASKS.toLocaleString('en-GB')} asks, ` +
        `${VOLUNTEERS.toLocaleString('en-GB')} volunteers)…`,
    );
    const benchUrl = await recreateDatabase(SERVER_URL, BENCH_DATABASE);
    databaseCreated = true;
    client = new pg.Client({ connectionString: benchUrl });
    await client.connect();
    const prepared = await prepareDatabase(benchUrl, client);
    console.log(`Filled in ${seconds(started)}:`, prepared.totals);

    const signedIn = { Cookie: `next-auth.session-token=${prepared.sessionToken}` };
    const targets: Target[] = [
      { page: 'static', url: '/icon.svg' },
      // With a notice: rendered per request, reading nothing (a signed-out /signin without one is a cached twin).
      { page: 'dynamic', url: '/signin?error=suspended' },
      { page: 'home', url: '/' },
      { page: 'browse', url: '/asks' },
      { page: 'browse-filtered', url: `/asks?category=${prepared.category}&region=LONDON` },
      { page: 'ask', url: `/asks/${prepared.askId}` },
      // The person's cached dashboard (docs/decisions/0015): what they get until something on it changes.
      { page: 'dashboard', url: '/dashboard', headers: signedIn },
      // The same dashboard rendered for the request (any query string skips the cache): what the first view
      // after a change costs. Reported beside the summary, not in it.
      { page: RENDERED_DASHBOARD, url: '/dashboard?view=rendered', headers: signedIn },
    ];
    // Enough pending asks and free volunteers for the writer's whole run (every round and the half-rate runs,
    // each with its pauses and a process to start), with half as much again to spare.
    const writerSeconds = (ROUNDS * targets.length + HALF_RATE_PAGES.length) * (DURATION_SECONDS + 2);
    const eachKind = Math.ceil((WRITES_PER_SECOND / 2) * writerSeconds * 1.5);
    const supply =
      WRITES_PER_SECOND > 0 ? await fillWrites(client, { approvals: eachKind, offers: eachKind, adminId: prepared.adminId }) : undefined;
    if (supply) {
      console.log(
        `For the writer: ${supply.pendingAskIds.length} asks waiting for review, ${supply.volunteerIds.length} volunteers free ` +
          `to offer, ${supply.openAsks.length} open asks to offer on.`,
      );
    }

    const port = await freePort();
    const env = appEnv(benchUrl, port);
    await build(env);
    server = startServer(env, port);
    const starting = performance.now();
    await waitForServer(server);
    console.log(
      `next start on ${server.origin} answered in ${seconds(starting)} (REDIS_URL ${env.REDIS_URL ? `set: ${env.REDIS_URL}` : 'unset'}; ` +
        `JOB_WORKERS=separate; log ${server.log}).`,
    );

    let writes: Writes | undefined;
    if (supply) {
      const pool = (writerPool = new pg.Pool({ connectionString: benchUrl, max: 4 }));
      const origin = server.origin;
      const lags: (number | null)[] = [];
      writes = {
        lags,
        start: () =>
          startWriter(pool, supply, {
            perSecond: WRITES_PER_SECOND,
            probe: (askId, approve) => probeFreshness(origin, askId, approve, lags),
          }),
      };
    }
    const ratioLines = await measure(server, targets, writes);
    console.log(
      `\n${prepared.totals.openInFilter} open asks match the filters; the dashboard is ${prepared.volunteerEmail}'s, signed in by a session row.`,
    );
    console.log(`Load average at the end: ${loadAverage()}`);
    if (keep) {
      console.log(
        `Kept: the database ${benchUrl} and the server ${server.origin} (process group ${server.process.pid}; stop it with kill -- -${server.process.pid}).`,
      );
      console.log(`Signed in as ${prepared.volunteerEmail} with the cookie next-auth.session-token=${prepared.sessionToken}`);
      server.process.unref();
    } else {
      rmSync(server.log, { force: true }); // kept on failure, for the error's context
    }
    console.log(`\n${ratioLines.join('\n')}`);
  } finally {
    await cleanUp();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
