// npm run bench:matching: how fast is matching with 100k volunteers, or any number? Builds a scratch database on the local server
// DATABASE_URL names (default postgresql://postgres@127.0.0.1:5432/postgres), fills it with SQL (100k volunteers over
// the real skill taxonomy with realistic levels, media, capacities, pauses, this month's meetings, offers and
// invitations, ratings; 10k open asks; the volunteers by scripts/bench/support/fill-volunteers.ts, which npm run
// bench:load shares), then times the same lib functions the pages call: suggesting volunteers for
// an ask (lib/matching/volunteers-for-ask.ts suggestVolunteers: the narrowing query and rankVolunteers) and "asks that fit
// you" (lib/matching/asks-for-volunteer.ts asksThatFit), the pure ranking of the candidates the narrowing found,
// plus rankVolunteers over 100k volunteers in memory. Prints p50/p95, what each statement's plan uses, flags any
// sequential scan of a large table, and drops the database again, even on failure.
//   --volunteers=N  how many volunteers (default 100000); --asks=N how many open asks (default 10000). Several
//            sizes (--volunteers=100000,1000000 --asks=10000,100000, paired in order; one value serves every
//            size) run the bench at each in turn and print a growth table with the ratios, fill times and plans
//   --plans  also print every EXPLAIN (ANALYZE, BUFFERS) in full
//   --keep   leave the database behind, to try indexes by hand
//   --reuse  measure the database a --keep run left behind, as it is now (no migrating or filling); one that is
//            not there yet is filled and kept
//   --database=NAME  the database's name (default halfhour_bench_matching; other sizes add _<volunteers>_<asks>)
import { writeFile } from 'node:fs/promises';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateDatabase } from '@/lib/database/connection';
import { assertLocalDatabaseUrl, dropDatabase, recreateDatabase, withDatabaseName } from '@/lib/database/local-server';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AskForMatching, Medium, SkillLevel, TaxonomySkill, VolunteerForMatching } from '@/lib/matching';
import { skillCategories } from '@/lib/skills/taxonomy';
import { allowServerOnly } from '../support/server-only';
import { fillVolunteers } from './support/fill-volunteers';
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
const SERVER_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const DEFAULT_VOLUNTEERS = 100_000;
const DEFAULT_OPEN_ASKS = 10_000;
const VOLUNTEER_SIZES = sizesArg(argv, 'volunteers', [DEFAULT_VOLUNTEERS]);
const ASK_SIZES = sizesArg(argv, 'asks', [DEFAULT_OPEN_ASKS]);
const SIZES = Math.max(VOLUNTEER_SIZES.length, ASK_SIZES.length);
if (VOLUNTEER_SIZES.length > 1 && ASK_SIZES.length > 1 && VOLUNTEER_SIZES.length !== ASK_SIZES.length) {
  throw new Error('--volunteers and --asks pair up in order: give both the same number of sizes, or one of them a single size');
}
const VOLUNTEERS = VOLUNTEER_SIZES[0]!;
const OPEN_ASKS = ASK_SIZES[0]!;
const IS_DEFAULT_SIZE = VOLUNTEERS === DEFAULT_VOLUNTEERS && OPEN_ASKS === DEFAULT_OPEN_ASKS;
const BENCH_DATABASE = sizedDatabaseName(
  textArg(argv, 'database') ?? 'halfhour_bench_matching',
  `${sizeLabel(VOLUNTEERS)}_${sizeLabel(OPEN_ASKS)}`,
  IS_DEFAULT_SIZE,
);
// As at the default size: 2,000 organisations and 2,000 completed asks (the past, rated meetings hang off them)
// per 10,000 open asks; 8,000 invitations per 100,000 volunteers.
const ORGANISATIONS = Math.max(1, Math.round(OPEN_ASKS / 5));
const CLOSED_ASKS = Math.max(1, Math.round(OPEN_ASKS / 5));
const INVITATIONS = Math.round(VOLUNTEERS * 0.08);
const PURE_VOLUNTEERS = 100_000;
const JSON_OUT = textArg(argv, 'json');
const WARM_UP = 5;
const RUNS = 40;
const PURE_ASKS = 30;
const TARGET_END_TO_END_MS = 30;
const TARGET_PURE_MS = 50;
/** Tables big enough that reading them whole would be a bug. */
const LARGE_TABLES = [
  'VolunteerProfile',
  'VolunteerSkill',
  'Offer',
  'Meeting',
  'Invitation',
  'Ask',
  'AskSkill',
  'User',
  'Feedback',
  'Membership',
];

// ---------------------------------------------------------------------------------------- filling

async function fill(client: pg.Client) {
  const q = (sql: string, params?: unknown[]) => client.query(sql, params);
  await insertTaxonomy(client);
  // The volunteers (half a percent suspended) with their profiles and skills; then one staff member per organisation.
  const popular = await fillVolunteers(client, { volunteers: VOLUNTEERS });
  await q(
    `INSERT INTO "User" (id, email, name, "onboardedAt", "updatedAt")
     SELECT 'su-' || g, 'staff' || g || '@bench.example', 'Staff ' || g, now(), now() FROM generate_series(1, $1) g`,
    [ORGANISATIONS],
  );
  await q(
    `INSERT INTO "Organisation" (id, name, type, "causeAreas", region, "sizeBand", description, status, "verifiedAt", "updatedAt")
     SELECT 'org-' || g, 'Bench Charity ' || g, 'REGISTERED_CHARITY', ARRAY['COMMUNITY_DEVELOPMENT']::"CauseArea"[],
            (ARRAY['LONDON','NORTH_WEST','WALES','SCOTLAND','SOUTH_WEST','EAST_MIDLANDS'])[1 + g % 6]::"Region", 'SMALL',
            'A charity made up for the benchmark.', 'VERIFIED', now(), now()
       FROM generate_series(1, $1) g`,
    [ORGANISATIONS],
  );
  // Staff, and one volunteer in a hundred who is also staff somewhere.
  await q(
    `INSERT INTO "Membership" (id, "userId", "organisationId", role, "updatedAt")
     SELECT 'ms-s' || g, 'su-' || g, 'org-' || g, 'OWNER'::"MembershipRole", now() FROM generate_series(1, $1) g
     UNION ALL
     SELECT 'ms-v' || g, 'vu-' || g, 'org-' || (1 + g % $1), 'MEMBER'::"MembershipRole", now() FROM generate_series(1, $2) g WHERE g % 100 = 0`,
    [ORGANISATIONS, VOLUNTEERS],
  );

  // Asks, with the listing triggers off and their columns computed set-based (as scripts/bench/support/fill-asks.ts does).
  await q('ALTER TABLE "Ask" DISABLE TRIGGER USER');
  await q('ALTER TABLE "AskSkill" DISABLE TRIGGER USER');
  await q(
    `CREATE TEMPORARY TABLE bench_ask_skill AS
     SELECT DISTINCT t.id AS "askId", ($1::text[])[1 + floor(power(random(), 1.4) * cardinality($1::text[]))::int] AS "skillId"
       FROM (SELECT 'ask-' || g AS id FROM generate_series(1, $2) g) AS t CROSS JOIN generate_series(1, 3) k
      WHERE k <= 1 + abs(hashtext(t.id)) % 3`,
    [popular, OPEN_ASKS + CLOSED_ASKS],
  );
  await q(
    `INSERT INTO "Ask" (id, "organisationId", title, question, outcome, "durationMinutes", media, deadline, status, "publishedAt",
                        "closedAt", "updatedAt", "organisationRegion", "organisationCauseAreas", "organisationVerified", "skillIds", "skillCategoryIds")
     SELECT 'ask-' || g, 'org-' || (1 + g % $1), 'Bench ask ' || g, 'What should we do first?', 'A clear next step.', 30,
            coalesce(nullif(array_remove(ARRAY[
              CASE WHEN random() < 0.8 THEN 'VIDEO' END, CASE WHEN random() < 0.5 THEN 'PHONE' END,
              CASE WHEN random() < 0.3 THEN 'EMAIL' END, CASE WHEN random() < 0.08 THEN 'IN_PERSON' END], NULL), '{}'), ARRAY['VIDEO'])::"Medium"[],
            CASE WHEN g <= $2 THEN now() + interval '1 day' + interval '59 days' * random() ELSE now() - interval '30 days' END,
            CASE WHEN g <= $2 THEN 'OPEN' ELSE 'COMPLETED' END::"AskStatus",
            now() - interval '60 days' * power(random(), 1.5),
            CASE WHEN g > $2 THEN now() - interval '20 days' END, now(),
            (ARRAY['LONDON','NORTH_WEST','WALES','SCOTLAND','SOUTH_WEST','EAST_MIDLANDS'])[1 + (1 + g % $1) % 6]::"Region",
            ARRAY['COMMUNITY_DEVELOPMENT']::"CauseArea"[], true, coalesce(sk.ids, '{}'), coalesce(sk.categories, '{}')
       FROM generate_series(1, $3) g
       LEFT JOIN (SELECT x."askId", array_agg(x."skillId" ORDER BY x."skillId") AS ids,
                         array_agg(DISTINCT k."categoryId" ORDER BY k."categoryId") AS categories
                    FROM bench_ask_skill x JOIN "Skill" k ON k.id = x."skillId" GROUP BY x."askId") AS sk ON sk."askId" = 'ask-' || g`,
    [ORGANISATIONS, OPEN_ASKS, OPEN_ASKS + CLOSED_ASKS],
  );
  await q(`INSERT INTO "AskSkill" ("askId", "skillId", "updatedAt") SELECT "askId", "skillId", now() FROM bench_ask_skill`);
  await q('ALTER TABLE "Ask" ENABLE TRIGGER USER');
  await q('ALTER TABLE "AskSkill" ENABLE TRIGGER USER');

  // Pending offers on a third of the open asks (one to three each), a few declined; pending invitations too.
  await q(
    `INSERT INTO "Offer" (id, "askId", "volunteerId", message, medium, status, "updatedAt")
     SELECT 'offer-' || a.g || '-' || k, 'ask-' || a.g, 'vu-' || (1 + floor(random() * $1))::int, 'Happy to help.', 'VIDEO',
            CASE WHEN random() < 0.85 THEN 'PENDING' ELSE 'DECLINED' END::"OfferStatus", now()
       FROM generate_series(1, $2) AS a(g) CROSS JOIN generate_series(1, 3) k
      WHERE a.g % 3 = 0 AND k <= 1 + abs(hashtext(a.g::text)) % 3
     ON CONFLICT DO NOTHING`,
    [VOLUNTEERS, OPEN_ASKS],
  );
  await q(
    `INSERT INTO "Invitation" (id, "askId", "volunteerId", "invitedById", status, "updatedAt")
     SELECT 'inv-' || g, 'ask-' || (1 + floor(random() * $1))::int, 'vu-' || (1 + floor(random() * $2))::int, NULL,
            CASE WHEN random() < 0.7 THEN 'PENDING' ELSE 'DECLINED' END::"InvitationStatus", now()
       FROM generate_series(1, $3) g
     ON CONFLICT DO NOTHING`,
    [OPEN_ASKS, VOLUNTEERS, INVITATIONS],
  );

  // Meetings this month for a fifth of the volunteers (one or two, some already held), and past held meetings with
  // the charity's rating for a quarter (one to twenty each, most ratings 4 or 5). Each volunteer's meetings are
  // days apart, so the no-overlap constraint holds.
  await q(
    `INSERT INTO "Meeting" (id, "askId", "organisationId", "volunteerId", "startsAt", "endsAt", medium, status, "updatedAt")
     SELECT 'mt-now-' || v.g || '-' || k, 'ask-' || a, 'org-' || (1 + a % $1), 'vu-' || v.g, s, s + interval '30 minutes', 'VIDEO',
            CASE WHEN s < now() THEN 'HELD' ELSE 'SCHEDULED' END::"MeetingStatus", now()
       FROM (SELECT g, 1 + floor(random() * 2)::int AS n FROM generate_series(1, $2) g WHERE random() < 0.2) AS v
       CROSS JOIN generate_series(1, 2) k
       CROSS JOIN LATERAL (SELECT date_trunc('month', now()) + interval '1 day' * (k * 9 + v.g % 5) + interval '30 minutes' * (18 + v.g % 16) AS s,
                                  1 + floor(random() * $3)::int AS a) AS t
      WHERE k <= v.n`,
    [ORGANISATIONS, VOLUNTEERS, OPEN_ASKS],
  );
  await q('ALTER TABLE "Feedback" DISABLE TRIGGER USER');
  await q(
    `INSERT INTO "Meeting" (id, "askId", "organisationId", "volunteerId", "startsAt", "endsAt", medium, status, "updatedAt")
     SELECT 'mt-past-' || v.g || '-' || k, 'ask-' || a, 'org-' || (1 + a % $1), 'vu-' || v.g, s, s + interval '30 minutes', 'VIDEO', 'HELD', now()
       FROM (SELECT g, 1 + floor(power(random(), 2) * 20)::int AS n FROM generate_series(1, $2) g WHERE random() < 0.25) AS v
       CROSS JOIN generate_series(1, 20) k
       CROSS JOIN LATERAL (SELECT date_trunc('month', now()) - interval '7 days' * k - interval '30 minutes' * (v.g % 16) AS s,
                                  $3 + 1 + floor(random() * $4)::int AS a) AS t
      WHERE k <= v.n`,
    [ORGANISATIONS, VOLUNTEERS, OPEN_ASKS, CLOSED_ASKS],
  );
  await q(
    `INSERT INTO "Feedback" (id, "meetingId", party, rating, "updatedAt")
     SELECT 'fb-' || m.id, m.id, 'CHARITY', (ARRAY[3, 4, 4, 5, 5, 5, 2])[1 + floor(random() * 7)::int], now()
       FROM "Meeting" m WHERE m.id LIKE 'mt-past-%' AND random() < 0.8`,
  );
  await q('ALTER TABLE "Feedback" ENABLE TRIGGER USER');
  // The rating summary the Feedback trigger keeps, set-based (as the migration's backfill).
  await q(
    `UPDATE "VolunteerProfile" p SET "ratingCount" = s.n, "ratingTotal" = s.total
       FROM (SELECT m."volunteerId", count(f.rating)::int AS n, coalesce(sum(f.rating), 0)::int AS total
               FROM "Meeting" m JOIN "Feedback" f ON f."meetingId" = m.id AND f.party = 'CHARITY' GROUP BY m."volunteerId") AS s
      WHERE p."userId" = s."volunteerId"`,
  );
  await q('DROP TABLE bench_ask_skill');
  await q('VACUUM ANALYZE');
}

// ---------------------------------------------------------------------------------------- pure ranking

/** rankVolunteers over 100k volunteers built in memory (whatever the database's size), as scripts/bench/matching-pure.ts does. */
async function pureRanking(): Promise<number[]> {
  const { rankVolunteers } = await import('@/lib/matching');
  let state = 20261130;
  const random = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
  const categories = skillCategories;
  const skills: TaxonomySkill[] = categories.flatMap((c) => c.skills.map((s) => ({ id: s.slug, categoryId: c.slug, name: s.name })));
  const popular = [...skills].sort(() => random() - 0.5);
  const popularSkill = () => popular[Math.floor(random() ** 1.6 * popular.length)]!;
  const levels: SkillLevel[] = ['WORKING', 'EXPERIENCED', 'EXPERIENCED', 'EXPERT'];
  const allMedia: Medium[] = ['VIDEO', 'PHONE', 'EMAIL', 'IN_PERSON'];
  const someMedia = (): Medium[] => {
    const media = allMedia.filter((_, i) => random() < [0.85, 0.5, 0.3, 0.1][i]!);
    return media.length ? media : ['VIDEO'];
  };
  const volunteers: VolunteerForMatching[] = Array.from({ length: PURE_VOLUNTEERS }, (_, n) => {
    const home = pick(categories);
    const held = new Map<string, SkillLevel>();
    for (let i = 1 + Math.floor(random() * 6); i > 0; i--)
      held.set(random() < 0.6 ? pick(home.skills).slug : popularSkill().id, pick(levels));
    const monthlyCapacity = 1 + Math.floor(random() * 6);
    const ratingCount = random() < 0.7 ? 0 : Math.floor(random() ** 2 * 40);
    return {
      id: `v${n}`,
      skills: [...held].map(([skillId, level]) => ({ skillId, level })),
      media: someMedia(),
      paused: random() < 0.05,
      monthlyCapacity,
      sessionsThisMonth: Math.floor(random() * (monthlyCapacity + 1)),
      averageRating: ratingCount ? 3 + random() * 2 : null,
      ratingCount,
    };
  });
  const asks: AskForMatching[] = Array.from({ length: PURE_ASKS }, (_, n) => ({
    id: `a${n}`,
    skillIds: [...new Set([popularSkill().id, popularSkill().id, popularSkill().id].slice(0, 1 + (n % 3)))],
    media: someMedia(),
  }));
  for (let i = 0; i < WARM_UP; i++) rankVolunteers(asks[i]!, volunteers, skills);
  return asks.map((ask) => {
    const started = performance.now();
    rankVolunteers(ask, volunteers, skills);
    return performance.now() - started;
  });
}

// ---------------------------------------------------------------------------------------- measuring

/** Sorted times of RUNS calls of `run`, over the inputs in turn, after WARM_UP calls. */
async function timed(inputs: string[], run: (input: string) => Promise<unknown>) {
  for (let i = 0; i < WARM_UP; i++) await run(inputs[i % inputs.length]!);
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const started = performance.now();
    await run(inputs[i % inputs.length]!);
    times.push(performance.now() - started);
  }
  return times.sort((a, b) => a - b);
}

interface CaseResult {
  key: string;
  name: string;
  p50: number;
  p95: number;
  max: number;
  note: string;
}

interface PlanResult {
  name: string;
  label: string;
  lines: string[];
  summary: ReturnType<typeof summarisePlan>;
}

/** What one size's run hands the growth table. */
interface SizeResult {
  volunteers: number;
  openAsks: number;
  database: string;
  fillSeconds?: number;
  filledNow: boolean;
  load: string;
  cases: CaseResult[];
  plans: PlanResult[];
}

async function main() {
  assertLocalDatabaseUrl(SERVER_URL, 'the matching benchmark');
  if (SIZES > 1) return growth();
  const reuse = args.has('--reuse') && (await databaseExists(SERVER_URL, BENCH_DATABASE));
  const keep = args.has('--keep') || args.has('--reuse');
  const benchUrl = reuse ? withDatabaseName(SERVER_URL, BENCH_DATABASE) : await recreateDatabase(SERVER_URL, BENCH_DATABASE);
  let client: pg.Client | undefined;
  let closeDb: (() => Promise<void>) | undefined;
  try {
    if (!reuse) {
      console.log(
        `Benchmark database ${BENCH_DATABASE}: migrating and filling (${VOLUNTEERS.toLocaleString('en-GB')} volunteers, ` +
          `${OPEN_ASKS.toLocaleString('en-GB')} open asks)…`,
      );
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
      await client.query(`SELECT (SELECT count(*) FROM "VolunteerProfile")::int AS volunteers,
        (SELECT count(*) FROM "VolunteerProfile" WHERE "pausedAt" IS NOT NULL AND ("pausedUntil" IS NULL OR "pausedUntil" > now()))::int AS paused,
        (SELECT count(*) FROM "VolunteerSkill")::int AS "volunteerSkills", (SELECT count(*) FROM "Skill")::int AS skills,
        (SELECT count(*) FROM "Ask" WHERE status = 'OPEN')::int AS "openAsks", (SELECT count(*) FROM "Offer")::int AS offers,
        (SELECT count(*) FROM "Invitation")::int AS invitations, (SELECT count(*) FROM "Meeting")::int AS meetings,
        (SELECT count(*) FROM "Feedback")::int AS ratings`)
    ).rows[0];
    console.log(
      reuse ? `Reusing ${BENCH_DATABASE} (filled in ${fillSeconds?.toFixed(1) ?? '?'} s):` : `Filled in ${fillSeconds?.toFixed(1)} s:`,
      totals,
    );

    // The app's own code, pointed at the benchmark database (lib/env reads DATABASE_URL when first imported).
    process.env.DATABASE_URL = benchUrl;
    const { suggestVolunteers, volunteerCandidates } = await import('@/lib/matching/volunteers-for-ask');
    const { asksThatFit } = await import('@/lib/matching/asks-for-volunteer');
    const { rankVolunteers } = await import('@/lib/matching');
    const { db } = await import('@/lib/db');
    closeDb = () => db.$disconnect();

    const now = new Date();
    const askIds = (
      await client.query<{ id: string }>(`SELECT id FROM "Ask" WHERE status = 'OPEN' ORDER BY md5(id) LIMIT $1`, [RUNS])
    ).rows.map((row) => row.id);
    const volunteerIds = (
      await client.query<{ id: string }>(
        `SELECT p."userId" AS id FROM "VolunteerProfile" p WHERE p."pausedAt" IS NULL ORDER BY md5(p.id) LIMIT $1`,
        [RUNS],
      )
    ).rows.map((row) => row.id);

    let suggested = 0;
    const suggestTimes = await timed(askIds, async (askId) => (suggested += (await suggestVolunteers(db, askId, { now })).length));
    let fitting = 0;
    const fitTimes = await timed(volunteerIds, async (userId) => (fitting += (await asksThatFit(db, userId, { now })).length));
    // The ranking alone, over the very candidates the narrowing found for each ask.
    const pools = (await Promise.all(askIds.map((askId) => volunteerCandidates(db, askId, { now })))).filter((pool) => pool !== null);
    const candidates = pools.map((pool) => pool.volunteers.length);
    for (const pool of pools.slice(0, WARM_UP)) rankVolunteers(pool.ask, pool.volunteers, pool.taxonomy);
    const candidateTimes = pools
      .map((pool) => {
        const rankStarted = performance.now();
        rankVolunteers(pool.ask, pool.volunteers, pool.taxonomy);
        return performance.now() - rankStarted;
      })
      .sort((a, b) => a - b);
    const pureTimes = (await pureRanking()).sort((a, b) => a - b);

    // The plans of exactly what the functions run, for the first ask and volunteer.
    const plans: PlanResult[] = [];
    const explain = async (name: string, work: (trace: (label: string, statement: Prisma.Sql) => void) => Promise<unknown>) => {
      const statements: Array<[string, Prisma.Sql]> = [];
      await work((label, statement) => statements.push([label, statement]));
      for (const [label, statement] of statements) {
        const plan = await client!.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.text}`, statement.values);
        const lines = plan.rows.map((row) => row['QUERY PLAN']);
        plans.push({ name, label, lines, summary: summarisePlan(lines, LARGE_TABLES) });
      }
    };
    await explain('suggestVolunteers', (trace) => suggestVolunteers(db, askIds[0]!, { now, trace }));
    await explain('asksThatFit', (trace) => asksThatFit(db, volunteerIds[0]!, { now, trace }));

    const sortedCandidates = [...candidates].sort((a, b) => a - b);
    const rows = [
      {
        key: 'suggest',
        name: 'suggest volunteers for an ask (end to end)',
        times: suggestTimes,
        note: `${(suggested / (RUNS + WARM_UP)).toFixed(1)} results each`,
      },
      {
        key: 'fit',
        name: 'asks that fit a volunteer (end to end)',
        times: fitTimes,
        note: `${(fitting / (RUNS + WARM_UP)).toFixed(1)} results each`,
      },
      {
        key: 'rank candidates',
        name: 'pure rankVolunteers over the candidates found',
        times: candidateTimes,
        note: `${pools.length} asks; candidates p50 ${percentile(sortedCandidates, 50)}, max ${sortedCandidates.at(-1)}`,
      },
      {
        key: 'rank 100k',
        name: 'pure rankVolunteers over 100k in memory',
        times: pureTimes,
        note: `${PURE_ASKS} asks; the same pool at every size`,
      },
    ];
    const cases: CaseResult[] = rows.map((r) => ({
      key: r.key,
      name: r.name,
      p50: percentile(r.times, 50),
      p95: percentile(r.times, 95),
      max: r.times[r.times.length - 1]!,
      note: r.note,
    }));
    const load = await loadAverage();
    console.log(
      `\n${RUNS} timed runs per case after ${WARM_UP} warm-up runs (the pure case: ${PURE_ASKS} asks) at ` +
        `${VOLUNTEERS.toLocaleString('en-GB')} volunteers and ${OPEN_ASKS.toLocaleString('en-GB')} open asks.`,
    );
    console.log(`Load average (1, 5, 15 min) after the runs: ${load} on ${(await import('node:os')).cpus().length} cores.\n`);
    const header = ['case', 'p50 ms', 'p95 ms', 'max ms', ''];
    const table = cases.map((c) => [c.name, c.p50.toFixed(1), c.p95.toFixed(1), c.max.toFixed(1), c.note]);
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
    const line = (cells: string[]) => cells.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    console.log(line(header));
    for (const row of table) console.log(line(row));

    console.log('\nPlans (index used; exec ms):');
    for (const p of plans) {
      console.log(
        `  ${p.name} / ${p.label}: ${p.summary.indexes.join(' + ') || '-'}${p.summary.large.length ? `  SEQ SCAN ${p.summary.large.join(', ')}` : ''}; ${p.summary.time}`,
      );
    }
    const flagged = plans.filter((p) => p.summary.large.length);
    for (const p of flagged)
      console.log(`\n!!! SEQUENTIAL SCAN of ${p.summary.large.join(', ')} in ${p.name} (${p.label}) !!!\n${p.lines.join('\n')}`);
    if (args.has('--plans')) for (const p of plans) console.log(`\n--- ${p.name}: ${p.label}\n${p.lines.join('\n')}`);

    const endToEnd = Math.max(percentile(suggestTimes, 95), percentile(fitTimes, 95));
    const pure = Math.max(percentile(pureTimes, 95), candidateTimes.length ? percentile(candidateTimes, 95) : 0);
    console.log(
      `\n${flagged.length ? `${flagged.length} plan(s) scan a large table.` : 'No sequential scan of a large table.'} ` +
        `Targets: end to end p95 under ${TARGET_END_TO_END_MS} ms (${endToEnd < TARGET_END_TO_END_MS ? 'met' : 'MISSED'}), ` +
        `pure ranking p95 under ${TARGET_PURE_MS} ms (${pure < TARGET_PURE_MS ? 'met' : 'MISSED'}).`,
    );
    console.log(`end-to-end p95: ${Math.round(endToEnd)} ms`);
    console.log(`pure ranking p95 (the candidates, and 100k in memory): ${Math.round(pure)} ms`);
    if (JSON_OUT) {
      const sized: SizeResult = {
        volunteers: VOLUNTEERS,
        openAsks: OPEN_ASKS,
        database: BENCH_DATABASE,
        fillSeconds,
        filledNow: !reuse,
        load,
        cases,
        plans,
      };
      await writeFile(JSON_OUT, JSON.stringify(sized));
    }
  } finally {
    await closeDb?.().catch(() => undefined);
    await client?.end().catch(() => undefined);
    if (keep) console.log(`Kept ${benchUrl}`);
    else await dropDatabase(SERVER_URL, BENCH_DATABASE);
  }
}

/** Each size in turn, then every case side by side: p95 at each size and the ratio, fill times, the plans at the largest. */
async function growth() {
  const shared = argv.filter((arg) => !/^--(volunteers|asks|json)=/.test(arg));
  const at = (sizes: number[], index: number) => sizes[Math.min(index, sizes.length - 1)]!;
  const sized = await runEachSize<SizeResult>(
    Array.from({ length: SIZES }, (_, index) => [`--volunteers=${at(VOLUNTEER_SIZES, index)}`, `--asks=${at(ASK_SIZES, index)}`]),
    shared,
  );
  const labels = sized.map((size) => `${sizeLabel(size.volunteers)}v/${sizeLabel(size.openAsks)}a`);
  const largest = sized.at(-1)!;
  printGrowthTable(
    `Growth: matching p95 by volunteers (v) and open asks (a), ${RUNS} runs each; the ratio is ${labels.at(-1)} over ${labels[0]}`,
    labels,
    largest.cases.map((c) => ({
      name: c.name,
      values: sized.map((size) => size.cases.find((other) => other.key === c.key)?.p95),
      note: sized.map((size) => size.cases.find((other) => other.key === c.key)?.note ?? '-').join(' | '),
    })),
  );
  console.log('\nFill times and load:');
  for (const [index, size] of sized.entries()) {
    console.log(
      `  ${labels[index]!.padEnd(12)} ${size.database}: filled in ${size.fillSeconds?.toFixed(1) ?? '?'} s` +
        `${size.filledNow ? ' (this run)' : ' (an earlier run; reused)'}; load average after the runs ${size.load}`,
    );
  }
  for (const plan of largest.plans) console.log(`\n=== at ${labels.at(-1)}: ${plan.name} / ${plan.label}\n${plan.lines.join('\n')}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
