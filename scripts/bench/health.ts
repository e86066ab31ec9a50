// npm run bench:health: how fast are the admin health page's reads with 100k asks and 100k volunteers? Builds a
// scratch database on the local server DATABASE_URL names (default postgresql://postgres@127.0.0.1:5432/postgres):
// the real taxonomy, 100k volunteers (scripts/bench/support/fill-volunteers.ts, a quarter of them with a region),
// 12k organisations, and two years of marketplace written by SQL: 100k asks (about 960 a week, so the twelve
// weeks hold about 11.5k), their offers, sessions (held, cancelled, missed, to come), ratings and practice answers.
// Then it runs each of the page's statements (lib/health/queries.ts healthStatements) and the page's two reads
// as the page makes them (side by side, through the app's own client), prints p50/p95 and what each plan uses,
// and drops the database again, even on failure.
//   --runs=N   timed runs per statement (default 30, after 3 warm-up runs)
//   --plans    also print every EXPLAIN (ANALYZE, BUFFERS) in full
//   --keep     leave the database behind;  --reuse  measure the one a --keep run left
//   BENCH_DATABASE  the scratch database's name (default halfhour_bench_health)
import { cpus, loadavg } from 'node:os';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { migrateDatabase } from '@/lib/database/connection';
import { assertLocalDatabaseUrl, dropDatabase, recreateDatabase, withDatabaseName } from '@/lib/database/local-server';
import { allowServerOnly } from '../support/server-only';
import { fillAsks } from './support/fill-asks';
import { fillVolunteers } from './support/fill-volunteers';
import { percentile, summarisePlan } from './support/plans';
import { insertTaxonomy } from './support/taxonomy';

allowServerOnly();

const args = new Set(process.argv.slice(2));
const RUNS = Number(process.argv.find((arg) => arg.startsWith('--runs='))?.split('=')[1] ?? 30);
const WARM_UP = 3;
const SERVER_URL = process.env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres';
const BENCH_DATABASE = process.env.BENCH_DATABASE || 'halfhour_bench_health';
const ASKS = 100_000;
const VOLUNTEERS = 100_000;
const ORGANISATIONS = 12_000;
const TARGET_MS = 200;
const LARGE_TABLES = ['Ask', 'AskSkill', 'Offer', 'Meeting', 'Feedback', 'FollowUp', 'VolunteerProfile', 'VolunteerSkill', 'User'];

// ---------------------------------------------------------------------------------------- filling

async function fill(client: pg.Client) {
  const q = (sql: string, params?: unknown[]) => client.query(sql, params);
  const skillIds = await insertTaxonomy(client);
  await fillVolunteers(client, { volunteers: VOLUNTEERS });
  // Organisations only (fill-asks.ts's own asks are not the two years this bench needs).
  await fillAsks(client, { asks: 0, organisations: ORGANISATIONS, skillIds, offerVolunteers: { idPrefix: 'vu-', count: VOLUNTEERS } });
  await q('SELECT setseed(0.2112)');
  // A quarter of volunteers meet in person and give a region.
  await q(`UPDATE "VolunteerProfile" SET region = (enum_range(NULL::"Region"))[1 + floor(random() * 12)::int] WHERE random() < 0.25`);

  // Asks, evenly over two years. Older than six weeks: finished. Newer: some still open, matched or waiting.
  // Skills are drawn from the taxonomy's order with a bias, not the volunteers' popularity, so some skills are short.
  await q('ALTER TABLE "Ask" DISABLE TRIGGER USER');
  await q('ALTER TABLE "AskSkill" DISABLE TRIGGER USER');
  await q(
    `CREATE TEMPORARY TABLE bench_ask AS
     SELECT a.*,
            CASE WHEN a.status IN ('DRAFT') THEN NULL ELSE a.created + interval '2 hours' END AS submitted,
            CASE WHEN a.status IN ('DRAFT', 'PENDING_REVIEW') THEN NULL ELSE a.created + interval '2 hours' + interval '46 hours' * random() + interval '2 hours' END AS moderated
       FROM (SELECT 'ask-' || lpad(g::text, $3, '0') AS id, 'org-' || (1 + floor(power(random(), 1.6) * $1))::int AS org, c.created, c.age,
                    CASE WHEN c.age > 42 THEN
                           CASE WHEN r < 0.45 THEN 'COMPLETED' WHEN r < 0.72 THEN 'EXPIRED' WHEN r < 0.82 THEN 'WITHDRAWN'
                                WHEN r < 0.92 THEN 'REJECTED' WHEN r < 0.96 THEN 'DRAFT' ELSE 'CHANGES_REQUESTED' END
                         ELSE
                           CASE WHEN r < 0.40 THEN 'OPEN' WHEN r < 0.60 THEN 'MATCHED' WHEN r < 0.75 THEN 'COMPLETED' WHEN r < 0.85 THEN 'PENDING_REVIEW'
                                WHEN r < 0.92 THEN 'WITHDRAWN' WHEN r < 0.96 THEN 'REJECTED' ELSE 'DRAFT' END
                    END AS status
               FROM generate_series(1, $2) g
               CROSS JOIN LATERAL (SELECT now() - interval '730 days' * (g - 1) / $2 - interval '1 hour' * random() AS created,
                                          730.0 * (g - 1) / $2 AS age, random() AS r) AS c) AS a`,
    // Ids padded to the count's width, so a million asks do not collide (ask-1000000 and ask-100000).
    [ORGANISATIONS, ASKS, String(ASKS).length],
  );
  await q(
    `CREATE TEMPORARY TABLE bench_ask_skill AS
     SELECT DISTINCT t.id AS "askId", ($1::text[])[1 + floor(power(random(), 1.4) * cardinality($1::text[]))::int] AS "skillId"
       FROM bench_ask t CROSS JOIN generate_series(1, 3) k WHERE k <= 1 + abs(hashtext(t.id)) % 3`,
    [skillIds],
  );
  await q(
    `INSERT INTO "Ask" (id, "organisationId", title, question, outcome, media, deadline, status, "submittedAt", "moderatedAt",
                        "publishedAt", "matchedAt", "closedAt", "createdAt", "updatedAt",
                        "organisationRegion", "organisationCauseAreas", "organisationVerified", "skillIds", "skillCategoryIds")
     SELECT a.id, a.org, 'Ask ' || a.id, 'A question made up for the benchmark.', 'A clear next step.', ARRAY['VIDEO']::"Medium"[],
            CASE WHEN a.status = 'OPEN' THEN now() + interval '1 day' + interval '39 days' * random() ELSE a.created + interval '21 days' END,
            a.status::"AskStatus", a.submitted, a.moderated,
            CASE WHEN a.status IN ('OPEN', 'MATCHED', 'COMPLETED', 'EXPIRED') OR (a.status = 'WITHDRAWN' AND random() < 0.5) THEN a.moderated END,
            CASE WHEN a.status IN ('MATCHED', 'COMPLETED') OR (a.status = 'EXPIRED' AND random() < 0.3) THEN a.moderated + interval '12 hours' + interval '108 hours' * random() END,
            CASE WHEN a.status IN ('COMPLETED', 'EXPIRED', 'WITHDRAWN', 'REJECTED') THEN a.created + interval '20 days' END,
            a.created, a.created, o.region, o."causeAreas", o.status = 'VERIFIED', coalesce(sk.ids, '{}'), coalesce(sk.categories, '{}')
       FROM bench_ask a JOIN "Organisation" o ON o.id = a.org
       LEFT JOIN (SELECT x."askId", array_agg(x."skillId" ORDER BY x."skillId") AS ids, array_agg(DISTINCT k."categoryId" ORDER BY k."categoryId") AS categories
                    FROM bench_ask_skill x JOIN "Skill" k ON k.id = x."skillId" GROUP BY x."askId") AS sk ON sk."askId" = a.id`,
  );
  await q(`INSERT INTO "AskSkill" ("askId", "skillId", "updatedAt") SELECT "askId", "skillId", now() FROM bench_ask_skill`);
  await q('ALTER TABLE "Ask" ENABLE TRIGGER USER');
  await q('ALTER TABLE "AskSkill" ENABLE TRIGGER USER');

  // The rows below go in with their tables' triggers off (the volunteers' rating copies, the dashboards' versions,
  // the page cache's notifications): none of them is read by the health page, and row by row they take minutes.
  for (const table of ['Offer', 'Meeting', 'Feedback', 'FollowUp']) await q(`ALTER TABLE "${table}" DISABLE TRIGGER USER`);
  // Offers: none to three on each approved ask, hours to days after approval; the first is the one booked.
  await q(
    `INSERT INTO "Offer" (id, "askId", "volunteerId", message, medium, status, "respondedAt", "declineReason", "createdAt", "updatedAt")
     SELECT 'offer-' || a.id || '-' || k, a.id, 'vu-' || (1 + floor(random() * $1))::int, 'Happy to help.', 'VIDEO',
            CASE WHEN k = 1 AND a."matchedAt" IS NOT NULL THEN 'ACCEPTED' WHEN a.status = 'OPEN' THEN 'PENDING' ELSE 'DECLINED' END::"OfferStatus",
            CASE WHEN k = 1 AND a."matchedAt" IS NOT NULL THEN a."matchedAt" WHEN a.status <> 'OPEN' THEN a."closedAt" END,
            CASE WHEN NOT (k = 1 AND a."matchedAt" IS NOT NULL) AND a.status <> 'OPEN' THEN 'OTHER' END::"OfferDeclineReason",
            least(a."moderatedAt" + interval '2 hours' * k + interval '70 hours' * random() * k, coalesce(a."matchedAt", now())), now()
       FROM "Ask" a CROSS JOIN generate_series(1, 3) k
      WHERE a."publishedAt" IS NOT NULL AND (k = 1 AND a."matchedAt" IS NOT NULL OR k <= floor(random() * 3.2))
     ON CONFLICT DO NOTHING`,
    [VOLUNTEERS],
  );
  // Sessions from the booked offers, one to six days after booking on the half hour; past ones held, cancelled
  // (some late) or missed; a catch-up after a fifth of the held ones.
  await q(
    `INSERT INTO "Meeting" (id, "askId", "offerId", "organisationId", "volunteerId", "startsAt", "endsAt", medium, status,
                            "noShowParty", "cancelledAt", "cancelledLate", "createdAt", "updatedAt")
     SELECT 'meeting-' || m."askId", m."askId", m.id, m.org, m."volunteerId", m.starts, m.starts + interval '30 minutes', 'VIDEO',
            m.status::"MeetingStatus", CASE WHEN m.status = 'NO_SHOW' THEN 'VOLUNTEER' END::"MeetingParty",
            CASE WHEN m.status = 'CANCELLED' THEN m.starts - CASE WHEN m.late THEN interval '5 hours' ELSE interval '3 days' END END,
            m.status = 'CANCELLED' AND m.late, m.booked, now()
       FROM (SELECT o.id, o."askId", a."organisationId" AS org, o."volunteerId", a."matchedAt" AS booked,
                    date_trunc('hour', a."matchedAt" + interval '1 day' + interval '5 days' * random()) + interval '30 minutes' * floor(random() * 2) AS starts,
                    CASE WHEN a.status = 'MATCHED' THEN 'SCHEDULED' WHEN a.status = 'COMPLETED' THEN 'HELD'
                         WHEN random() < 0.7 THEN 'CANCELLED' ELSE 'NO_SHOW' END AS status,
                    random() < 0.4 AS late
               FROM "Offer" o JOIN "Ask" a ON a.id = o."askId" WHERE o.status = 'ACCEPTED') AS m
     ON CONFLICT DO NOTHING`,
  );
  await q(
    `INSERT INTO "Meeting" (id, "askId", "organisationId", "volunteerId", "startsAt", "endsAt", medium, status, "createdAt", "updatedAt")
     SELECT m.id || '-again', m."askId", m."organisationId", m."volunteerId", m."startsAt" + interval '14 days', m."endsAt" + interval '14 days', 'VIDEO',
            CASE WHEN m."startsAt" + interval '14 days' > now() THEN 'SCHEDULED' ELSE 'HELD' END::"MeetingStatus", m."endsAt", now()
       FROM "Meeting" m WHERE m.status = 'HELD' AND random() < 0.2
     ON CONFLICT DO NOTHING`,
  );
  // The charity rates nine in ten held sessions; two in three answer the practice check two weeks on.
  await q(
    `INSERT INTO "Feedback" (id, "meetingId", party, rating, "createdAt", "updatedAt")
     SELECT m.id || '-charity', m.id, 'CHARITY', (ARRAY[5, 5, 5, 4, 4, 3, 2])[1 + floor(random() * 7)::int], m."endsAt" + interval '3 hours', now()
       FROM "Meeting" m WHERE m.status = 'HELD' AND random() < 0.9`,
  );
  await q(
    `INSERT INTO "FollowUp" (id, "meetingId", kind, status, "dueAt", "practiceOutcome", "respondedAt", "createdAt", "updatedAt")
     SELECT m.id || '-practice', m.id, 'PRACTICE_CHECK', 'DONE', m."endsAt" + interval '14 days',
            (ARRAY['YES', 'YES', 'PARTLY', 'NOT_YET'])[1 + floor(random() * 4)::int]::"PracticeOutcome", m."endsAt" + interval '15 days', m."endsAt", now()
       FROM "Meeting" m WHERE m.status = 'HELD' AND m."endsAt" < now() - interval '15 days' AND m."offerId" IS NOT NULL AND random() < 0.66`,
  );
  for (const table of ['Offer', 'Meeting', 'Feedback', 'FollowUp']) await q(`ALTER TABLE "${table}" ENABLE TRIGGER USER`);
  await q('DROP TABLE bench_ask, bench_ask_skill');
  await q('VACUUM ANALYZE');
}

// ---------------------------------------------------------------------------------------- measuring

async function timed(run: () => Promise<unknown>): Promise<{ p50: number; p95: number }> {
  for (let i = 0; i < WARM_UP; i += 1) await run();
  const times: number[] = [];
  for (let i = 0; i < RUNS; i += 1) {
    const start = performance.now();
    await run();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p95: percentile(times, 95) };
}

async function main() {
  assertLocalDatabaseUrl(SERVER_URL, 'the health benchmark');
  const reuse = args.has('--reuse');
  const benchUrl = reuse ? withDatabaseName(SERVER_URL, BENCH_DATABASE) : await recreateDatabase(SERVER_URL, BENCH_DATABASE);
  let client: pg.Client | undefined;
  let closeDb: (() => Promise<void>) | undefined;
  try {
    if (!reuse) {
      console.log(
        `Benchmark database ${BENCH_DATABASE}: migrating and filling (${ASKS.toLocaleString('en-GB')} asks, ${VOLUNTEERS.toLocaleString('en-GB')} volunteers)…`,
      );
      await migrateDatabase({ databaseUrl: benchUrl, pgliteDataDir: 'unused' });
    }
    client = new pg.Client({ connectionString: benchUrl });
    await client.connect();
    const started = performance.now();
    if (!reuse) await fill(client);
    const totals = (
      await client.query(`SELECT (SELECT count(*) FROM "Ask")::int AS asks, (SELECT count(*) FROM "VolunteerProfile")::int AS volunteers,
        (SELECT count(*) FROM "Offer")::int AS offers, (SELECT count(*) FROM "Meeting")::int AS meetings,
        (SELECT count(*) FROM "Feedback")::int AS feedback, (SELECT count(*) FROM "FollowUp")::int AS "followUps",
        (SELECT count(*) FROM "Ask" WHERE "moderatedAt" > now() - interval '12 weeks')::int AS "approvedIn12Weeks"`)
    ).rows[0];
    console.log(reuse ? `Reusing ${BENCH_DATABASE}:` : `Filled in ${((performance.now() - started) / 1000).toFixed(1)} s:`, totals);

    // The app's own code, pointed at the benchmark database (lib/env reads DATABASE_URL when first imported).
    process.env.DATABASE_URL = benchUrl;
    const queries: typeof import('@/lib/health/queries') = await import('@/lib/health/queries');
    const { getSkillsGap } = await import('@/lib/health/skills-gap');
    const { db } = await import('@/lib/db');
    closeDb = () => db.$disconnect();
    const admin = { id: 'bench-admin', role: 'ADMIN' as const, status: 'ACTIVE' as const };
    const now = new Date();
    // The available volunteers, counted as the five-minute schedule counts them (lib/health/supply.ts): timed
    // apart, since no page view waits for it.
    const { countVolunteerSupply } = await import('@/lib/health/supply');
    const supply = await timed(() => countVolunteerSupply(db, now));

    const rows = [];
    for (const statement of queries.healthStatements(now)) {
      const timing = await timed(() => client!.query(statement.sql.text, statement.sql.values));
      const plan = await client.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS) ${statement.sql.text}`, statement.sql.values);
      const lines = plan.rows.map((row) => row['QUERY PLAN']);
      rows.push({ name: statement.name, ...timing, lines, summary: summarisePlan(lines, LARGE_TABLES) });
    }
    // The page itself: both reads side by side through the app's client, as app/admin/health/page.tsx makes them.
    const page = await timed(() => Promise.all([queries.getWeeklyHealth(admin, now), getSkillsGap(admin, null, now)]));
    const region = await timed(() => getSkillsGap(admin, 'LONDON', now));

    // Other work on the machine slows every figure: say how busy it was.
    console.log(
      `\n${RUNS} timed runs each after ${WARM_UP} warm-up runs; load average ${loadavg()[0]!.toFixed(1)} on ${cpus().length} cores.\n`,
    );
    const table = [
      ...rows.map((r) => [
        r.name,
        r.p50.toFixed(1),
        r.p95.toFixed(1),
        `${r.summary.indexes.join('+') || '-'}${r.summary.large.length ? `; seq scan ${r.summary.large.join(', ')}` : ''}; ${r.summary.time} ms`,
      ]),
      ['the page (all of the above, side by side)', page.p50.toFixed(1), page.p95.toFixed(1), ''],
      ['a region’s skills gap (?region=LONDON)', region.p50.toFixed(1), region.p95.toFixed(1), ''],
      ['(every five minutes, no page waits) counting available volunteers', supply.p50.toFixed(1), supply.p95.toFixed(1), ''],
    ];
    const header = ['statement', 'p50 ms', 'p95 ms', 'plan (indexes; sequential scans; execution)'];
    const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => (i === 3 ? 0 : row[i]!.length))));
    const line = (cells: string[]) =>
      cells.map((cell, i) => (i === 3 ? cell : i === 0 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!))).join('  ');
    console.log(line(header));
    for (const row of table) console.log(line(row));
    if (args.has('--plans')) for (const r of rows) console.log(`\n--- ${r.name}\n${r.lines.join('\n')}`);

    const worst = Math.max(page.p95, region.p95);
    console.log(
      `\nhealth: p95 ${worst.toFixed(1)} ms over ${RUNS} runs at 100k asks / 100k volunteers (target ${TARGET_MS} ms): ${worst < TARGET_MS ? 'PASS' : 'FAIL'}`,
    );
    if (worst >= TARGET_MS) process.exitCode = 1;
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
