// Scale-out (issue 19, section 6): two `next start` servers of the built app, both running the job workers
// (JOB_WORKERS=in-app, the default), on one PostgreSQL database of their own and one Redis, behind a
// round-robin reverse proxy set up as the README's nginx example is (TRUSTED_PROXIES=1, APP_URL the proxy's
// address). The browser talks only to the proxy, so each person's requests alternate between the servers.
// The core journey runs through it: a charity signs in by the link in its email, posts an ask; an admin
// approves it; a volunteer offers; the charity accepts and the session is booked. Then: each person's
// requests reached both servers; each write made through one server showed on the other's cached anonymous
// /asks within two seconds; every email queued was delivered exactly once. Needs DATABASE_URL (a database
// `<name>_scale` is made beside it) and Redis on 127.0.0.1:6379.
import { randomUUID } from 'node:crypto';
import { request as playwrightRequest, type APIRequestContext, type Browser, type Page, type Response } from '@playwright/test';
import pg from 'pg';
import { expect, test } from './support/test';
import { databaseName, withDatabaseName } from '../../lib/database/local-server';
import { formatDateTime } from '../../lib/dates';
import { zonedTimeToUtc } from '../../lib/time-zones';
import { BASE_URL } from '../../playwright.config';
import { weekdaysAhead } from './support/journeys';
import { freshWithin, warm, type Seen } from './support/page-cache';
import { prepareDemoDatabase } from '../faults/support/prepare';
import { startAppServer, waitUntilServing, type AppServer } from '../support/app-server';
import { redisAnswers } from '../support/redis';
import { startRoundRobinProxy, type RoundRobinProxy } from '../support/round-robin-proxy';
import { signInLinkIn, startSmtpCapture, type CapturedEmail, type SmtpCapture } from '../support/smtp-capture';

const REDIS_URL = 'redis://127.0.0.1:6379';
const CHARITY = 'charity@halfhour.example'; // Priya Shah, Brightside Youth Club (verified), UK time
const ADMIN = 'admin@halfhour.example';
const VOLUNTEER = 'rob-atkinson@volunteers.example'; // Rob Atkinson: cashbooks, video, UK time, room this month
const LONDON = 'Europe/London';

const basePort = Number(new URL(BASE_URL).port);
const ports = [basePort + 21, basePort + 22];
const serverUrl = process.env.DATABASE_URL;
const databaseUrl = serverUrl ? withDatabaseName(serverUrl, `${databaseName(serverUrl)}_scale`) : '';
const prefix = `halfhour-scale:${randomUUID()}:`;
// Both servers sign sessions and links with it: a session made by one must be read by the other.
const AUTH_SECRET = `scale-out-${randomUUID()}`;

let smtp: SmtpCapture;
let proxy: RoundRobinProxy;
const servers: AppServer[] = [];
/** The outbox rows the seed wrote: every other row was queued by the servers during this test. */
let seededEmails: string[] = [];

async function query<T extends pg.QueryResultRow>(sql: string, values: unknown[] = []): Promise<T[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    return (await client.query<T>(sql, values)).rows;
  } finally {
    await client.end();
  }
}

/** The Message-ID header of a captured email (the worker makes it from the outbox row's id). */
function messageIdOf(email: CapturedEmail): string {
  const match = email.raw.match(/^Message-ID:\s*(<[^>\r\n]+>)/im);
  if (!match) throw new Error(`No Message-ID in:\n${email.raw.slice(0, 2000)}`);
  return match[1]!;
}

/** Waits for an email to `address` beyond the first `after` it had, whose text has `containing`. */
async function nextEmail(address: string, after: number, containing: string): Promise<CapturedEmail> {
  let found: CapturedEmail | undefined;
  await expect
    .poll(
      () => {
        found = smtp
          .to(address)
          .slice(after)
          .find((email) => email.text.includes(containing));
        return Boolean(found);
      },
      { message: `an email to ${address} with "${containing}"`, timeout: 20_000 },
    )
    .toBe(true);
  return found!;
}

/** A person in a browser of their own, talking to the proxy, signed in through the link their email brings. */
async function signedIn(browser: Browser, address: string, path: string): Promise<Page> {
  const page = await (await browser.newContext({ baseURL: proxy.url })).newPage();
  const before = smtp.to(address).length;
  await page.goto(`/signin?callbackUrl=${encodeURIComponent(path)}`);
  await page.getByLabel('Email address').fill(address);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const link = signInLinkIn(await nextEmail(address, before, '/api/auth/callback/email'));
  // The link names the public address (APP_URL), whichever server sent it.
  expect(link.origin).toBe(proxy.url);
  await page.goto(link.toString());
  await expect(page).toHaveURL(new RegExp(path.replace(/[/?]/g, '\\$&')));
  return page;
}

/** The session token a person's browser holds, as the proxy sees it in their cookies. */
async function sessionOf(page: Page): Promise<string> {
  const cookie = (await page.context().cookies()).find((candidate) => candidate.name.endsWith('next-auth.session-token'));
  expect(cookie, 'a session cookie').toBeDefined();
  return cookie!.value;
}

/** Clicks, returning the server action's response (its X-Upstream says which server ran the write). */
async function write(page: Page, click: () => Promise<void>): Promise<Response> {
  const response = page.waitForResponse(
    (candidate) => candidate.request().method() === 'POST' && Boolean(candidate.request().headers()['next-action']),
  );
  await click();
  return response;
}

/** Polls the other server's anonymous page until it shows the change, within two seconds; returns how long it took. */
async function freshOnOther(direct: APIRequestContext[], written: Response, path: string, shows: (seen: Seen) => boolean) {
  const since = Date.now();
  const by = Number(written.headers()['x-upstream']);
  expect([0, 1], 'the proxy says which server ran the write').toContain(by);
  let firstSeen = 0;
  await freshWithin(direct[1 - by]!, path, since, (seen) => {
    const ok = shows(seen);
    if (ok && !firstSeen) firstSeen = Date.now();
    return ok;
  });
  return { by, other: 1 - by, ms: firstSeen - since };
}

test.describe('two app servers, both running the workers, behind a round-robin proxy', () => {
  test.skip(!serverUrl, 'needs DATABASE_URL: two servers cannot share the embedded database');

  test.beforeAll(async () => {
    test.skip(!(await redisAnswers()), 'needs Redis on 127.0.0.1:6379');
    test.setTimeout(300_000);
    await prepareDemoDatabase(databaseUrl);
    seededEmails = (await query<{ id: string }>('SELECT "id" FROM "EmailOutbox"')).map((row) => row.id);
    smtp = await startSmtpCapture();
    proxy = await startRoundRobinProxy(ports.map((port) => `http://127.0.0.1:${port}`));
    servers.push(
      ...ports.map((port) =>
        startAppServer({
          port,
          env: {
            DATABASE_URL: databaseUrl,
            REDIS_URL,
            REDIS_KEY_PREFIX: prefix,
            JOB_WORKERS: 'in-app',
            SMTP_URL: smtp.url,
            APP_URL: proxy.url,
            AUTH_SECRET,
            TRUSTED_PROXIES: '1',
          },
        }),
      ),
    );
    await Promise.all(servers.map((server) => waitUntilServing(server)));
  });

  test.afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    await proxy?.close();
    await smtp?.close();
    const { createClient } = await import('redis');
    const client = createClient({ url: REDIS_URL });
    await client.connect().catch(() => undefined);
    if (client.isReady) {
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*` })) if (keys.length > 0) await client.del(keys);
      await client.quit();
    }
  });

  test('the core journey works with each request on either server; writes show on the other; each email goes once', async ({ browser }) => {
    test.setTimeout(300_000);
    const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
    const title = `Set up a cashbook for our tuck shop takings ${run}`;
    const direct = await Promise.all(servers.map((server) => playwrightRequest.newContext({ baseURL: server.url })));
    const listed = (seen: Seen) => seen.html.includes(title);

    // ---- The charity signs in by the link in its email and posts an ask.
    const charity = await signedIn(browser, CHARITY, '/my-asks/new');
    await expect(charity.getByRole('heading', { level: 1, name: 'Post an ask' })).toBeVisible();
    await charity.getByLabel('Title').fill(title);
    await charity
      .getByLabel('Your question')
      .fill('We take cash for the tuck shop every night. How should we lay out a cashbook in Excel so our treasurer can check it monthly?');
    await charity.getByLabel('What would a good outcome look like?').fill('A cashbook template we can start using next week.');
    await charity.getByText('Finance and bookkeeping', { exact: false }).first().click(); // open the category
    await charity.getByLabel(/^Cashbook in Excel/).check();
    await write(charity, () => charity.getByRole('button', { name: 'Submit for review' }).click());
    await expect(charity.getByRole('status')).toContainText('Sent for review');
    const askId = new URL(charity.url()).pathname.split('/')[2]!;

    // ---- Both servers have the open asks cached, without it; an admin approves it through one.
    for (const server of direct) expect(listed(await warm(server, '/asks'))).toBe(false);
    const admin = await signedIn(browser, ADMIN, '/admin/asks');
    const approval = await write(admin, () => admin.getByRole('button', { name: `Approve “${title}”` }).click());
    const published = await freshOnOther(direct, approval, '/asks', listed);
    await expect(admin.getByRole('status')).toContainText('Approved');

    // ---- A volunteer offers two times inside the charity's weekday hours, in UK time.
    const [day1, day2] = weekdaysAhead(2, 3);
    const volunteer = await signedIn(browser, VOLUNTEER, `/asks/${askId}/offer`);
    await volunteer.getByLabel('Your message to the charity').fill('I set up cashbooks for small clubs; happy to share a template.');
    await volunteer.getByRole('radio', { name: 'Video call' }).check();
    for (const [index, date] of [day1!, day2!].entries()) {
      await volunteer.locator(`#time${index + 1}Date`).fill(date);
      await volunteer.locator(`#time${index + 1}Time`).fill('11:00');
    }
    const charityMail = smtp.to(CHARITY).length;
    await write(volunteer, () => volunteer.getByRole('button', { name: 'Send my offer' }).click());
    await expect(volunteer.getByRole('status')).toContainText('Your offer is sent');
    await nextEmail(CHARITY, charityMail, 'Rob Atkinson');

    // ---- The charity accepts one time; the session is booked and both are told. The ask leaves the open list.
    for (const server of direct) expect(listed(await warm(server, '/asks'))).toBe(true);
    await charity.goto(`/my-asks/${askId}/offers`);
    const robs = charity.getByRole('article', { name: 'Rob Atkinson' });
    await robs.getByRole('radio', { name: formatDateTime(zonedTimeToUtc(day2!, '11:00', LONDON), LONDON) }).check();
    const volunteerMail = smtp.to(VOLUNTEER).length;
    const booking = await write(charity, () => robs.getByRole('button', { name: 'Accept and book' }).click());
    const matched = await freshOnOther(direct, booking, '/asks', (seen) => !listed(seen));
    await expect(charity).toHaveURL(/\/meetings\/[^/?]+\?notice=booked/);
    await expect(charity.getByRole('status')).toContainText('The session is booked');
    await nextEmail(VOLUNTEER, volunteerMail, 'is booked');
    await nextEmail(CHARITY, charityMail, 'is booked');
    // The volunteer opens the booked session, on whichever server their next request lands.
    await volunteer.goto(new URL(charity.url()).pathname);
    await expect(volunteer.getByRole('region', { name: 'How to meet' })).toContainText(CHARITY);

    // ---- A hand-typed SQL statement, through neither server: both hear it from the database (docs/decisions/0024).
    const [other] = await query<{ id: string }>(
      `SELECT id FROM "Ask" WHERE status = 'OPEN' AND "publishedAt" IS NOT NULL AND id <> $1 LIMIT 1`,
      [askId],
    );
    const renamed = (seen: Seen) => seen.html.includes(`renamed by hand ${run}`);
    for (const server of direct) expect(renamed(await warm(server, `/asks/${other!.id}`))).toBe(false);
    const typed = Date.now();
    await query(`UPDATE "Ask" SET title = title || $2 WHERE id = $1`, [other!.id, ` (renamed by hand ${run})`]);
    for (const server of direct) await freshWithin(server, `/asks/${other!.id}`, typed, renamed);

    // ---- Each signed-in person's requests went to both servers.
    const perServer: Record<string, number[]> = {};
    for (const [name, page] of [
      ['charity', charity],
      ['admin', admin],
      ['volunteer', volunteer],
    ] as const) {
      const counts = proxy.countsFor(await sessionOf(page));
      perServer[name] = counts;
      expect(Math.min(...counts), `${name}'s requests per server: ${counts.join(' and ')}`).toBeGreaterThan(0);
    }
    const writesPerServer = [0, 1].map((index) => proxy.requests.filter((r) => r.method === 'POST' && r.server === index).length);

    // ---- Every email queued while the servers ran went out exactly once: queued once, one job, one delivery.
    const pending = () =>
      query<{ n: number }>(
        `SELECT count(*)::int AS n FROM "EmailOutbox" WHERE "status" IN ('PENDING', 'SENDING') AND NOT ("id" = ANY($1))`,
        [seededEmails],
      ).then((rows) => rows[0]!.n);
    await expect.poll(pending, { message: 'the outbox drains', timeout: 30_000 }).toBe(0);
    const queued = await query<{ id: string; to: string; kind: string; status: string }>(
      `SELECT "id", "to", "kind", "status" FROM "EmailOutbox" WHERE NOT ("id" = ANY($1)) ORDER BY "createdAt"`,
      [seededEmails],
    );
    const jobs = await query<{ outboxId: string; state: string }>(
      `SELECT "data"->>'outboxId' AS "outboxId", "state" FROM pgboss.job WHERE "name" = 'email-send'`,
    );
    const delivered = new Map<string, CapturedEmail[]>();
    for (const email of smtp.messages) delivered.set(messageIdOf(email), [...(delivered.get(messageIdOf(email)) ?? []), email]);
    const host = new URL(proxy.url).hostname;
    const report = queued.map((row) => ({
      kind: row.kind,
      status: row.status,
      jobs: jobs.filter((job) => job.outboxId === row.id).map((job) => job.state),
      deliveredTo: (delivered.get(`<${row.id}@${host}>`) ?? []).map((email) => email.to.join(',')),
    }));
    expect(report, 'each email: sent, one completed job, delivered once to its recipient').toEqual(
      queued.map((row) => ({ kind: row.kind, status: 'SENT', jobs: ['completed'], deliveredTo: [row.to] })),
    );
    // Nothing was delivered that the outbox does not hold.
    expect(smtp.messages.length, 'deliveries beyond the queued emails').toBe(queued.length);
    // The journey's own emails are among them: three sign-ins, the approval, the offer, two bookings.
    expect(queued.length).toBeGreaterThanOrEqual(7);

    test.info().annotations.push({
      type: 'scale-out',
      description: JSON.stringify({
        requestsPerServer: perServer,
        writesPerServer,
        emailsQueued: queued.length,
        emailsDelivered: smtp.messages.length,
        freshness: { approval: published, booking: matched },
      }),
    });
    console.log('scale-out figures', JSON.stringify(test.info().annotations.at(-1)?.description));
    await Promise.all(direct.map((context) => context.dispose()));
  });
});
