// Issue 19, faults: SIGTERM while a request and a job are in flight. The app is started as `npm start` starts
// it (scripts/start.ts, which runs `next start`), on a demo database of its own, sending mail to an SMTP
// server that holds each message until the spec lets it go. With an email half sent (the job in hand) and a
// page request waiting on a lock (the request in flight), SIGTERM goes to the npm start process only: it
// must pass it on, the server must stop taking connections, finish the request and the email, stop the
// workers, and exit 0 (and npm start with it).
import { expect, test } from '@playwright/test';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { databaseName, withDatabaseName } from '../../lib/database/local-server';
import { BASE_URL } from '../../playwright.config';
import { startAppServer, waitUntilServing, type AppServer } from '../support/app-server';
import { prepareDemoDatabase } from './support/prepare';
import { HUNG_AFTER_MS, requestSignIn, timedGet } from './support/streams';

const PORT = Number(new URL(BASE_URL).port) + 13;
const ADDRESS = 'shutdown@example.org';
const serverUrl = process.env.DATABASE_URL;
const databaseUrl = serverUrl ? withDatabaseName(serverUrl, `${databaseName(serverUrl)}_shutdown`) : '';

/** An SMTP server that keeps each message waiting for its answer until released. */
async function startHoldingSmtp() {
  const received: string[] = [];
  let holding = 0;
  let release!: () => void;
  const released = new Promise<void>((resolve) => (release = resolve));
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    closeTimeout: 100,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        holding += 1;
        void released.then(() => {
          received.push(Buffer.concat(chunks).toString('utf8'));
          callback();
        });
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as { port: number };
  return {
    url: `smtp://127.0.0.1:${port}`,
    received,
    holding: () => holding,
    release,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

let server: AppServer;
let smtp: Awaited<ReturnType<typeof startHoldingSmtp>>;

test.describe.configure({ timeout: 180_000 });
test.skip(!serverUrl, 'needs DATABASE_URL');

test.beforeAll(async () => {
  test.setTimeout(300_000);
  await prepareDemoDatabase(databaseUrl);
  smtp = await startHoldingSmtp();
  server = startAppServer({
    port: PORT,
    via: 'npm-start',
    env: { DATABASE_URL: databaseUrl, SMTP_URL: smtp.url, JOB_WORKERS: 'in-app', REDIS_URL: '' },
  });
  await waitUntilServing(server);
});

test.afterAll(async () => {
  smtp?.release();
  await server?.stop();
  await smtp?.close();
});

test('SIGTERM to npm start finishes the request and the job in flight, stops the workers and exits 0', async ({ browser }) => {
  // The job in hand: a sign-in email, which the SMTP server holds half sent.
  expect((await requestSignIn(browser, server.url, ADDRESS)).accepted).toBe(true);
  await expect.poll(() => smtp.holding(), { timeout: HUNG_AFTER_MS, message: 'the email being sent' }).toBe(1);

  // The request in flight: a search that waits on a lock the spec holds.
  const lock = new pg.Client({ connectionString: databaseUrl });
  await lock.connect();
  await lock.query('BEGIN');
  await lock.query('LOCK TABLE "Ask" IN ACCESS EXCLUSIVE MODE');
  try {
    const inFlight = timedGet(server.url, '/asks?q=website');
    await expect
      .poll(
        async () =>
          (
            await lock.query(
              `SELECT count(*)::int AS waiting FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`,
            )
          ).rows[0].waiting,
        { timeout: HUNG_AFTER_MS, message: 'the request waiting on the lock' },
      )
      .toBeGreaterThan(0);

    server.signal('SIGTERM');
    // It stops taking connections at once, while it finishes.
    await expect
      .poll(async () => (await timedGet(server.url, '/signin')).status, { timeout: HUNG_AFTER_MS, message: 'new connections refused' })
      .toBe('no-answer');
    expect(server.child.exitCode, 'still finishing the request and the email').toBeNull();

    await lock.query('COMMIT');
    smtp.release();
    const answered = await inFlight;
    expect({ status: answered.status, busyPage: answered.busyPage }).toEqual({ status: 200, busyPage: false });
  } finally {
    await lock.query('ROLLBACK').catch(() => undefined);
    await lock.end();
  }

  expect(await server.exited, server.output()).toBe(0);
  // The email went out once, and the outbox knows it was sent: the job was finished, not cut off.
  expect(smtp.received.filter((raw) => raw.includes(ADDRESS))).toHaveLength(1);
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    const { rows } = await client.query(`SELECT status FROM "EmailOutbox" WHERE "to" = $1`, [ADDRESS]);
    expect(rows).toEqual([{ status: 'SENT' }]);
  } finally {
    await client.end();
  }
});
