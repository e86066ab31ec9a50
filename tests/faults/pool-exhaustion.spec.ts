// Issue 19, faults: every pooled connection held by slow statements. A `next start` of the built app with a
// pool of 4 on a demo database of its own; the spec locks the asks table, so each request that searches
// asks holds a connection and waits. The requests beyond the pool must not queue behind them: each gets the
// busy page with status 503 and Retry-After after DATABASE_CONNECT_TIMEOUT_MS, with and without JavaScript.
// Once the lock goes, the held requests finish and new ones succeed.
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { databaseName, withDatabaseName } from '../../lib/database/local-server';
import { BASE_URL } from '../../playwright.config';
import { startAppServer, waitUntilServing, type AppServer } from '../support/app-server';
import { startSmtpCapture, type SmtpCapture } from '../support/smtp-capture';
import { prepareDemoDatabase } from './support/prepare';
import { BUSY_HEADING, HUNG_AFTER_MS, timedGet, type Outcome } from './support/streams';

const PORT = Number(new URL(BASE_URL).port) + 12;
const POOL_SIZE = 4;
const serverUrl = process.env.DATABASE_URL;
const databaseUrl = serverUrl ? withDatabaseName(serverUrl, `${databaseName(serverUrl)}_pool`) : '';

let server: AppServer;
let smtp: SmtpCapture;

test.describe.configure({ timeout: 180_000 });
test.skip(!serverUrl, 'needs DATABASE_URL: the embedded database has no pool');

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await prepareDemoDatabase(databaseUrl);
  smtp = await startSmtpCapture();
  server = startAppServer({
    port: PORT,
    env: {
      DATABASE_URL: databaseUrl,
      DATABASE_POOL_SIZE: String(POOL_SIZE),
      // The slow statements must keep their connections for the whole test: only the pool's wait is bounded here.
      DATABASE_STATEMENT_TIMEOUT_MS: '120000',
      SMTP_URL: smtp.url,
      JOB_WORKERS: 'separate',
      REDIS_URL: '',
    },
  });
  await waitUntilServing(server);
});

test.afterAll(async () => {
  await server?.stop();
  await smtp?.close();
});

test('with every connection held by slow statements, new requests get the busy page with 503, then all recover', async ({ browser }) => {
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  await lock.query('BEGIN');
  await lock.query('LOCK TABLE "Ask" IN ACCESS EXCLUSIVE MODE');
  let locked = true;
  try {
    // Twice the pool: the first requests take every connection and wait on the lock, the rest find none free.
    const answered: Outcome[] = [];
    // Those that wait on the lock wait as long as this test holds it (the checks below, slower on a loaded
    // machine), so their hang bound starts when the lock goes, not when they were sent (checked after COMMIT).
    const requests = Array.from({ length: POOL_SIZE * 2 }, (_, i) =>
      timedGet(server.url, `/asks?q=${['website', 'budget', 'volunteers', 'newsletter'][i % 4]}`, {}, 150_000).then((outcome) => {
        answered.push(outcome);
        return outcome;
      }),
    );
    // Bounded by the hang detector only: the pool's own timeout answers them long before.
    await expect
      .poll(() => answered.length, { timeout: HUNG_AFTER_MS, message: 'requests beyond the pool answered while it is held' })
      .toBeGreaterThanOrEqual(POOL_SIZE);
    const whileHeld = [...answered];
    for (const outcome of whileHeld) {
      expect({ status: outcome.status, busyPage: outcome.busyPage, retryAfter: outcome.retryAfter }, JSON.stringify(outcome)).toEqual({
        status: 503,
        busyPage: true,
        retryAfter: '5',
      });
    }

    // A person with a browser sees the same page, with JavaScript (hydrated error boundary) and without.
    for (const javaScriptEnabled of [true, false]) {
      const context = await browser.newContext({ javaScriptEnabled });
      const page = await context.newPage();
      const response = await page.goto(`${server.url}/asks?q=garden`, { timeout: HUNG_AFTER_MS });
      expect(response?.status()).toBe(503);
      await expect(page.getByRole('heading', { name: BUSY_HEADING })).toBeVisible();
      await expect(page.getByRole('alert')).toContainText('Please try again in a few seconds.');
      await context.close();
    }

    console.log(
      `Pool exhaustion (pool of ${POOL_SIZE}, asks locked): ${whileHeld.length} requests beyond the pool answered 503 ` +
        `in ${Math.min(...whileHeld.map((outcome) => outcome.ms))}-${Math.max(...whileHeld.map((outcome) => outcome.ms))} ms.`,
    );

    await lock.query('COMMIT');
    locked = false;
    const releasedAt = Date.now();
    // The requests that held the connections finish normally once their statements can run, promptly.
    const held = (await Promise.all(requests)).filter((outcome) => !whileHeld.includes(outcome));
    expect(held.map((outcome) => outcome.status)).toEqual(held.map(() => 200));
    const afterRelease = held.map((outcome) => outcome.startedAt + outcome.ms - releasedAt);
    expect(Math.max(...afterRelease), `ms from the lock's release to each held answer: ${afterRelease.join(', ')}`).toBeLessThan(
      HUNG_AFTER_MS,
    );
    // And the app serves as before.
    const after = await timedGet(server.url, '/asks?q=website');
    expect({ status: after.status, busyPage: after.busyPage }).toEqual({ status: 200, busyPage: false });
  } finally {
    if (locked) await lock.query('ROLLBACK');
    await lock.end();
  }
});
