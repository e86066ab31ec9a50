// Several app servers (docs/decisions/0013): two more `next start` servers of the built app on the
// end-to-end database, sharing the page cache through Redis. A charity withdraws an ask through one; the
// other's cached anonymous pages stop showing it within two seconds. Needs DATABASE_URL (two servers cannot
// share the embedded database) and Redis on 127.0.0.1:6379 (.ci/run starts it). The two listen on
// different addresses (127.0.0.1 and 0.0.0.0, as a container would), which is where filtered lists once
// failed: Next's proxy saw the request as http://localhost and sent its rewrite out over HTTP.
import { randomUUID } from 'node:crypto';
import { request as playwrightRequest } from '@playwright/test';
import { expect, test } from './support/test';
import { databaseName, withDatabaseName } from '../../lib/database/local-server';
import { BASE_URL, MAIL_SMTP_PORT } from '../../playwright.config';
import { signIn } from './support/mail';
import { anonymously, freshWithin, warm, type Seen } from './support/page-cache';
import { startAppServer, waitUntilServing, type AppServer } from '../support/app-server';
import { redisAnswers } from '../support/redis';

const REDIS_URL = 'redis://127.0.0.1:6379';
const ASK = 'ask-shed-family-newsletter'; // open, and used by no other test
const TITLE = 'Start a simple email newsletter for members’ families';
const FILTERED = '/asks?region=NORTHERN_IRELAND&sort=newest'; // a filtered list the ask is on
const STAFF = 'billy@eastbelfastshed.example.org';

const basePort = Number(new URL(BASE_URL).port);
const ports = [basePort + 1, basePort + 2];
const hostnames = ['127.0.0.1', '0.0.0.0'];
const serverUrl = process.env.DATABASE_URL;
const prefix = `halfhour-e2e:${randomUUID()}:`;

const servers: AppServer[] = [];

/** A `next start` of the built app, sharing the database and the page cache (its jobs run in the main server). */
function startServer(port: number, index: number): AppServer {
  return startAppServer({
    port,
    hostname: hostnames[index]!,
    env: {
      DATABASE_URL: withDatabaseName(serverUrl!, `${databaseName(serverUrl!)}_e2e`),
      REDIS_URL,
      REDIS_KEY_PREFIX: prefix,
      JOB_WORKERS: 'separate',
      SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
      SIGN_IN_LIMIT_PER_CLIENT: '1000',
      SIGN_IN_LIMIT_PER_ADDRESS: '1000',
    },
  });
}

test.describe('two app servers sharing the page cache through Redis', () => {
  test.skip(!serverUrl, 'needs DATABASE_URL: two servers cannot share the embedded database');

  test.beforeAll(async () => {
    test.skip(!(await redisAnswers()), 'needs Redis on 127.0.0.1:6379');
    test.setTimeout(120_000);
    servers.push(...ports.map(startServer));
    await Promise.all(servers.map((server) => waitUntilServing(server)));
  });

  test.afterAll(async () => {
    await Promise.all(servers.map((server) => server.stop()));
    const { createClient } = await import('redis');
    const client = createClient({ url: REDIS_URL });
    await client.connect().catch(() => undefined);
    if (client.isReady) {
      for await (const keys of client.scanIterator({ MATCH: `${prefix}*` })) if (keys.length > 0) await client.del(keys);
      await client.quit();
    }
  });

  test('a withdrawal through one server leaves the other’s cached pages within two seconds', async ({ browser }) => {
    test.setTimeout(120_000);
    const [first, second] = await Promise.all(ports.map((port) => playwrightRequest.newContext({ baseURL: `http://127.0.0.1:${port}` })));
    const listed = (seen: Seen) => seen.html.includes(TITLE);

    // Both servers have the list and the ask cached; the second renders nothing of its own for a page the first cached.
    expect(listed(await warm(first!, '/asks'))).toBe(true);
    expect(listed(await warm(second!, '/asks'))).toBe(true);
    expect(listed(await warm(first!, FILTERED))).toBe(true);
    expect(listed(await warm(second!, FILTERED))).toBe(true);
    // The twins' own addresses are not public, on either address.
    for (const server of [first!, second!]) expect((await anonymously(server, '/cached/browse/all')).status).toBe(404);
    await warm(first!, `/asks/${ASK}`);
    expect((await anonymously(second!, `/asks/${ASK}`)).cache).toBe('HIT');

    const staff = await (await browser.newContext({ baseURL: `http://127.0.0.1:${ports[0]}`, javaScriptEnabled: false })).newPage();
    await signIn(staff, STAFF, `/my-asks/${ASK}`);
    const response = staff.waitForResponse((candidate) => candidate.request().method() === 'POST');
    await staff.getByRole('button', { name: 'Withdraw this ask' }).click();
    await response;
    const since = Date.now();
    await expect(staff.getByRole('status')).toContainText('withdrawn');

    for (const [path, gone] of [
      ['/asks', (seen: Seen) => !listed(seen)],
      [FILTERED, (seen: Seen) => !listed(seen)],
      [`/asks/${ASK}`, (seen: Seen) => seen.status === 404 || seen.html.includes('This ask is no longer open for offers.')],
    ] as const) {
      await freshWithin(second!, path, since, gone);
    }
    await Promise.all([first!.dispose(), second!.dispose()]);
  });
});
