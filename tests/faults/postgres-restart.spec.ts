// Issue 19, faults: PostgreSQL restarted while a stream of requests and sends runs. A private PostgreSQL 15
// (never the machine's shared cluster), migrated and seeded as `npm start --fresh-demo` does; a `next start`
// of the built app on it, running the job workers, sending mail to a local SMTP capture. Page requests that
// read the database and sign-in requests (each a write and an email) run while the server is restarted with
// `pg_ctl restart -m fast`, and then stopped for a few seconds and started again (an outage requests are sure
// to meet). Requests caught by the restart must fail cleanly (the busy page, 503, within a
// few seconds), the app and the workers must recover by themselves, and afterwards no invariant is broken
// and every email queued was sent exactly once. Prints how long recovery took.
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { BASE_URL } from '../../playwright.config';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { startAppServer, waitUntilServing, type AppServer } from '../support/app-server';
import { prepareDemoDatabase } from './support/prepare';
import { startPrivatePostgres, type PrivatePostgres } from './support/private-postgres';
import { DATABASE_PAGES, requestSignIn, summarise, timedGet, type Outcome, type SignInAttempt } from './support/streams';

const PORT = Number(new URL(BASE_URL).port) + 11;
const DATABASE = 'hh_faults_restart';
/** How long the streams run on after the restart has finished: recovery must happen within it. */
const AFTER_RESTART_MS = 15_000;

/** How long the second fault keeps PostgreSQL away. */
const OUTAGE_MS = 3_000;

let postgres: PrivatePostgres;
let smtp: SmtpCapture;
let server: AppServer;

test.describe.configure({ mode: 'serial', timeout: 300_000 });

test.beforeAll(async () => {
  test.setTimeout(300_000);
  postgres = await startPrivatePostgres();
  await prepareDemoDatabase(postgres.url(DATABASE));
  smtp = await startSmtpCapture();
  server = startAppServer({
    port: PORT,
    env: {
      DATABASE_URL: postgres.url(DATABASE),
      SMTP_URL: smtp.url,
      JOB_WORKERS: 'in-app',
      REDIS_URL: '',
      SIGN_IN_LIMIT_PER_CLIENT: '10000',
      SIGN_IN_LIMIT_PER_ADDRESS: '1000',
    },
  });
  await waitUntilServing(server);
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
  await postgres?.stop();
});

async function query<T>(sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: postgres.url(DATABASE) });
  await client.connect();
  try {
    return (await client.query(sql)).rows as T[];
  } finally {
    await client.end();
  }
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Fault {
  startedAt: number;
  endedAt: number;
}

async function timed(run: () => Promise<void>): Promise<Fault> {
  const startedAt = Date.now();
  await run();
  return { startedAt, endedAt: Date.now() };
}

/** When the last page request that failed after the fault began (and ended before `until`) ended, and when the first after it succeeded. */
function recovery(name: string, fault: Fault, pages: Outcome[], until = Number.POSITIVE_INFINITY): string {
  const failedAfter = pages.filter(
    (outcome) => outcome.status !== 200 && outcome.startedAt >= fault.startedAt - 1_000 && outcome.startedAt + outcome.ms < until,
  );
  const lastFailureEnd = Math.max(fault.startedAt, ...failedAfter.map((outcome) => outcome.startedAt + outcome.ms));
  const firstSuccess = pages
    .filter((outcome) => outcome.status === 200 && outcome.startedAt >= lastFailureEnd)
    .sort((a, b) => a.startedAt - b.startedAt)[0];
  const recovered = firstSuccess ? firstSuccess.startedAt + firstSuccess.ms : undefined;
  return (
    `${name}: PostgreSQL away/restarting for ${fault.endedAt - fault.startedAt} ms; ${failedAfter.length} page request(s) failed; ` +
    `first page served after the failures ${recovered ? `${recovered - fault.startedAt} ms after the fault began, ${recovered - fault.endedAt} ms after PostgreSQL was back` : 'never'}.`
  );
}

test('a PostgreSQL restart under load: clean failures, recovery on its own, nothing broken, lost or sent twice', async ({ browser }) => {
  const pages: Outcome[] = [];
  const signIns: SignInAttempt[] = [];
  let stopAt = Number.POSITIVE_INFINITY;
  let sent = 0;

  const pageLoop = async (lane: number) => {
    for (let i = lane; Date.now() < stopAt; i += 1) {
      pages.push(await timedGet(server.url, DATABASE_PAGES[i % DATABASE_PAGES.length]!));
      await pause(100);
    }
  };
  const signInLoop = async (lane: number) => {
    while (Date.now() < stopAt) {
      sent += 1;
      signIns.push(await requestSignIn(browser, server.url, `restart-${lane}-${sent}@example.org`));
    }
  };
  const streams = Promise.all([pageLoop(0), pageLoop(1), pageLoop(2), signInLoop(0), signInLoop(1)]);

  // A few seconds of ordinary traffic first, then the restart; later an outage of a few seconds (a slower
  // restart, or a failover), which requests are sure to meet.
  await pause(4_000);
  const restart = await timed(() => postgres.restart());
  await pause(8_000);
  const outage = await timed(async () => {
    await postgres.stopFast();
    await pause(OUTAGE_MS);
    await postgres.start();
  });
  stopAt = outage.endedAt + AFTER_RESTART_MS;
  await streams;

  // One more email, requested after everything: the workers must have come back to send it.
  const late = await requestSignIn(browser, server.url, 'restart-after@example.org');
  signIns.push(late);

  const all = [...pages, ...signIns];
  const failed = all.filter((outcome) => outcome.status !== 200);
  console.log(
    [
      `Page requests: ${pages.length} (${summarise(pages)}); sign-in requests: ${signIns.length} (${summarise(signIns)}).`,
      `Failed requests: ${failed.length}, the slowest answered in ${Math.max(0, ...failed.map((outcome) => outcome.ms))} ms.`,
      recovery('pg_ctl restart -m fast', restart, pages, outage.startedAt),
      recovery(`pg_ctl stop -m fast, ${OUTAGE_MS} ms down, pg_ctl start`, outage, pages),
    ].join('\n'),
  );
  // The outage was met: requests failed during it (or this test proves nothing about failing cleanly).
  expect(pages.filter((outcome) => outcome.status !== 200 && outcome.startedAt >= outage.startedAt).length).toBeGreaterThan(0);

  // Every request was answered, none hung; each that failed failed cleanly: the busy page with 503.
  expect(
    all.filter((outcome) => outcome.status === 'hung' || outcome.status === 'no-answer'),
    server.output(),
  ).toEqual([]);
  for (const outcome of failed) {
    expect({ status: outcome.status, busyPage: outcome.busyPage }, `a request during the restart: ${JSON.stringify(outcome)}`).toEqual({
      status: 503,
      busyPage: true,
    });
  }
  // The app came back by itself: the last requests of every kind succeeded.
  expect(pages.slice(-6).map((outcome) => outcome.status)).toEqual([200, 200, 200, 200, 200, 200]);
  expect(late.accepted).toBe(true);

  // The workers came back by themselves: every email queued is sent, none is left waiting or failed.
  await expect
    .poll(
      async () =>
        await query<{ id: string; status: string }>(
          `SELECT id, status, attempts, "lastError" FROM "EmailOutbox" WHERE "to" LIKE 'restart-%' AND status <> 'SENT'`,
        ),
      {
        timeout: 90_000,
        message: 'every queued email sent',
      },
    )
    .toEqual([]);
  const outbox = await query<{ id: string; to: string }>(`SELECT id, "to" FROM "EmailOutbox" WHERE "to" LIKE 'restart-%'`);
  // Exactly once each: the capture holds each message's Message-ID (its outbox id) once, and nothing else.
  const captured = smtp.messages
    .filter((message) => message.to.some((to) => to.startsWith('restart-')))
    .map((message) => message.raw.match(/^Message-ID:\s*<([^@>]+)@/im)?.[1]);
  expect(captured.toSorted()).toEqual(outbox.map((row) => row.id).toSorted());
  // Every sign-in the page confirmed has its email (one address per request).
  const emailed = new Set(outbox.map((row) => row.to));
  expect(signIns.filter((attempt) => attempt.accepted && !emailed.has(attempt.address))).toEqual([]);
  expect(signIns.filter((attempt) => attempt.accepted).length).toBeGreaterThan(0);

  // The marketplace's invariants hold.
  expect(
    await query(`SELECT "askId" FROM "Offer" WHERE status = 'ACCEPTED' GROUP BY "askId" HAVING count(*) > 1`),
    'asks with two accepted offers',
  ).toEqual([]);
  expect(
    await query(`
      SELECT a.id, b.id FROM "Meeting" a JOIN "Meeting" b ON a."volunteerId" = b."volunteerId" AND a.id < b.id
      WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED'
        AND tstzrange(a."startsAt", a."endsAt", '[)') && tstzrange(b."startsAt", b."endsAt", '[)')`),
    'overlapping meetings',
  ).toEqual([]);
  expect(
    await query(`SELECT "meetingId", party FROM "Feedback" GROUP BY "meetingId", party HAVING count(*) > 1`),
    'duplicate feedback',
  ).toEqual([]);
});
