// The security headers (docs/decisions/0023) and cross-site request forgery. Every other spec checks, through
// ./support/test, that each page it visits has a Content-Security-Policy and breaks none; this one checks which
// policy each kind of response gets, that the policy really stops an injected script, and that a form posted
// from another site is refused before its action runs.
import { type APIResponse, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { linkIn, signIn, waitForEmail } from './support/mail';
import { warm } from './support/page-cache';
import { CACHED_PAGE_POLICY, PERMISSIONS_POLICY, STRICT_TRANSPORT_SECURITY } from '../../lib/security/headers';
import { databaseName, withDatabaseName } from '../../lib/database/local-server';
import { BASE_URL, MAIL_SMTP_PORT, MAIL_WEB_PORT } from '../../playwright.config';
import { startAppServer, waitUntilServing } from '../support/app-server';

function policies(response: APIResponse): string[] {
  return response
    .headersArray()
    .filter((header) => header.name.toLowerCase() === 'content-security-policy')
    .map((header) => header.value);
}

function nonceOf(policy: string): string | undefined {
  return policy.match(/'nonce-([^']+)'/)?.[1];
}

test('cached pages allow no script; pages with scripts get a fresh nonce; files and the API the static policy', async ({ request }) => {
  // A cached public page: its stored copy has no script and no nonce, and it is sent with the static policy.
  await warm(request, '/');
  const cached = await request.get('/');
  expect(cached.headers()['x-nextjs-cache']).toBe('HIT');
  expect(policies(cached)).toContain(CACHED_PAGE_POLICY);
  const cachedHtml = await cached.text();
  expect(cachedHtml).not.toContain('<script');
  expect(cachedHtml).not.toContain('nonce=');

  // A cached page's first render is the same: never seen before (a made-up ask), and asked for four times at
  // once, so Next renders it once and answers all four from that render, each request with its own nonce.
  const unseen = `/asks/never-seen-${Date.now().toString(36)}`;
  const firstViews = await Promise.all([1, 2, 3, 4].map(() => request.get(unseen)));
  expect(firstViews.map((response) => response.headers()['x-nextjs-cache'])).toContain('MISS');
  for (const response of firstViews) {
    expect(policies(response)).toContain(CACHED_PAGE_POLICY);
    const html = await response.text();
    expect(response.status()).toBe(404);
    expect(html).toContain('We could not find that page');
    expect(html).not.toContain('<script');
    expect(html).not.toContain('nonce=');
  }

  // A page rendered per request (a text search) carries Next's scripts, each with this response's nonce.
  const [first, second] = [await request.get('/asks?q=bid'), await request.get('/asks?q=bid')];
  const [policy] = policies(first);
  expect(policies(first)).toHaveLength(1);
  expect(policy).toContain("'strict-dynamic'");
  for (const directive of ["object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "form-action 'self'"]) {
    expect(policy).toContain(directive);
  }
  const nonce = nonceOf(policy!);
  expect(nonce).toBeTruthy();
  expect(nonceOf(policies(second)[0]!)).not.toBe(nonce);
  const scripts = (await first.text()).match(/<script\b[^>]*>/g) ?? [];
  expect(scripts.length).toBeGreaterThan(0);
  for (const script of scripts) expect(script).toContain(`nonce="${nonce}"`);

  // Files, Next's assets and the API routes: the static policy, and the same other headers as pages.
  for (const path of ['/robots.txt', '/icon.svg', '/api/auth/csrf']) {
    const response = await request.get(path);
    expect(policies(response), path).toEqual([CACHED_PAGE_POLICY]);
    expect(response.headers()['permissions-policy'], path).toBe(PERMISSIONS_POLICY);
    expect(response.headers()['x-content-type-options'], path).toBe('nosniff');
  }
  expect(first.headers()['permissions-policy']).toBe(PERMISSIONS_POLICY);
  // Served over plain http here (APP_URL is http), so no Strict-Transport-Security.
  expect(first.headers()['strict-transport-security']).toBeUndefined();
});

test('a script injected into a page does not run, and the browser reports it', async ({ page, expectViolation }) => {
  expectViolation(/script-src/);
  // The page as the server sent it (headers included), with an inline script added, as a stored injection would.
  await page.route('**/asks?q=injected', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('</body>', '<script>document.title = "pwned"</script></body>');
    await route.fulfill({ response, body: html });
  });
  const violation = page.waitForEvent('console', (message) => /Content-Security-Policy|Content Security Policy/.test(message.text()));
  await page.goto('/asks?q=injected');
  expect((await violation).text()).toMatch(/script-src/);
  await expect(page).toHaveTitle(/Open asks/);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the session cookie is HttpOnly and SameSite=Lax', async ({ page }) => {
  // next-auth's cookies share one setting: Secure, with __Secure- names, when APP_URL is https; here it is http.
  await signIn(page, 'volunteer@halfhour.example', '/dashboard');
  const session = (await page.context().cookies()).find((cookie) => cookie.name.endsWith('next-auth.session-token'));
  expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', secure: false });
});

/** The hidden fields of the sign-in form, as a browser would post them without JavaScript. */
async function signInForm(page: Page): Promise<Record<string, string>> {
  await page.goto('/signin');
  const form = page.locator('form', { has: page.getByLabel('Email address') });
  const fields = await form
    .locator('input[type="hidden"]')
    .evaluateAll((inputs) => inputs.map((input) => [(input as HTMLInputElement).name, (input as HTMLInputElement).value]));
  return Object.fromEntries(fields);
}

test('a form posted from another site is refused before its action runs; from our own pages it works', async ({ page, request }) => {
  const fields = await signInForm(page);
  const victim = `csrf-${Date.now()}@example.org`;
  const forged: Array<Record<string, string>> = [
    { Origin: 'https://evil.test' },
    { Origin: 'null' },
    // A forged forwarded host, which Next's own check would compare the Origin with.
    { Origin: 'https://evil.test', 'X-Forwarded-Host': 'evil.test', 'X-Forwarded-Proto': 'https' },
    // No Origin, but the browser says the request is cross-site.
    { 'Sec-Fetch-Site': 'cross-site' },
  ];
  for (const headers of forged) {
    const response = await request.post('/signin', { multipart: { ...fields, email: victim }, headers, maxRedirects: 0 });
    expect(response.status(), JSON.stringify(headers)).toBe(403);
    expect(await response.text()).toContain('This form was sent from another site');
    expect(policies(response)).toEqual([CACHED_PAGE_POLICY]);
  }

  // The same post from our own origin sends the link: the fields were right, only the origin was refused.
  const since = new Date();
  const control = `csrf-control-${Date.now()}@example.org`;
  const origin = new URL(page.url()).origin;
  const sent = await request.post('/signin', {
    multipart: { ...fields, email: control },
    headers: { Origin: origin, 'Sec-Fetch-Site': 'same-origin' },
    maxRedirects: 0,
  });
  expect(sent.status()).toBe(200);
  expect(await sent.text()).toContain('Check your email');
  await waitForEmail(control, since);
  // Sent after the refused ones, through the same queue: had any of them been accepted, its email would be here.
  const inbox = (await (await fetch(`http://127.0.0.1:${MAIL_WEB_PORT}/api/email`)).json()) as Array<{
    to: Array<{ address: string }>;
  }>;
  expect(inbox.filter((email) => email.to.some((to) => to.address === victim))).toEqual([]);
});

test('an oversized form gets a page that says so, and a form with 10,000 fields its usual answer', async ({ page, request }) => {
  const fields = await signInForm(page);
  const origin = new URL(page.url()).origin;
  const address = `oversized-${Date.now()}@example.org`;
  // 2 MB in one field: over Next's 1 MB limit on a server action's body, which Next itself answers with a 500.
  const oversized = await request.post('/signin', {
    multipart: { ...fields, email: `${'x'.repeat(2 * 1024 * 1024)}${address}` },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(oversized.status()).toBe(413);
  expect(await oversized.text()).toContain('That was too much to send');
  // Ten thousand fields the form does not have: ignored, and the form answers as it always does.
  const extra = Object.fromEntries(Array.from({ length: 10_000 }, (_, index) => [`field${index}`, 'x']));
  const crowded = await request.post('/signin', {
    multipart: { ...extra, ...fields, email: 'not-an-email' },
    headers: { Origin: origin },
    maxRedirects: 0,
  });
  expect(crowded.status()).toBe(200);
  expect(await crowded.text()).toContain('Enter an email address in the right format');
});

test.describe('served as https (APP_URL https, TLS ended by a proxy in front)', () => {
  const serverUrl = process.env.DATABASE_URL;
  test.skip(!serverUrl, 'needs DATABASE_URL: a second server cannot share the embedded database');

  test('pages carry Strict-Transport-Security, and the session cookie is Secure with a __Secure- name', async ({ request }) => {
    test.setTimeout(120_000);
    const port = Number(new URL(BASE_URL).port) + 31;
    const appUrl = `https://127.0.0.1:${port}`;
    // Plain http on the port, as behind nginx ending TLS; the app's public address is https. Its emails are sent
    // by the main server's workers (same database and queue), to the same mail catcher.
    const server = startAppServer({
      port,
      env: {
        APP_URL: appUrl,
        DATABASE_URL: withDatabaseName(serverUrl!, `${databaseName(serverUrl!)}_e2e`),
        JOB_WORKERS: 'separate',
        SMTP_URL: `smtp://127.0.0.1:${MAIL_SMTP_PORT}`,
        SIGN_IN_LIMIT_PER_CLIENT: '1000',
        SIGN_IN_LIMIT_PER_ADDRESS: '1000',
      },
    });
    try {
      await waitUntilServing(server);
      const page = await request.get(`${server.url}/asks?q=https`);
      expect(page.headers()['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
      // A signed-out view of a cached page does not run the proxy: the page carries the header itself, on its
      // first render and when it is served from the cache.
      const firstView = await request.get(`${server.url}/clinics`);
      expect(firstView.headers()['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);
      // A server serves nothing it rendered before it could hear the database, so ask until it comes from the cache.
      let cached = await request.get(`${server.url}/clinics`);
      for (let tries = 0; cached.headers()['x-nextjs-cache'] !== 'HIT' && tries < 50; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 200));
        cached = await request.get(`${server.url}/clinics`);
      }
      expect(cached.headers()['x-nextjs-cache']).toBe('HIT');
      expect(cached.headers()['strict-transport-security']).toBe(STRICT_TRANSPORT_SECURITY);

      // A sign-in link through this server, followed as the browser would after TLS: its session cookie.
      const form = await request.get(`${server.url}/signin?error=https`);
      const fields = Object.fromEntries(
        [...(await form.text()).matchAll(/<input type="hidden" name="([^"]+)"(?: value="([^"]*)")?/g)].map((match) => [
          match[1]!,
          (match[2] ?? '').replaceAll('&quot;', '"').replaceAll('&amp;', '&'),
        ]),
      );
      const address = `https-${Date.now()}@example.org`;
      const since = new Date();
      const sent = await request.post(`${server.url}/signin?error=https`, {
        multipart: { ...fields, email: address },
        headers: { Origin: appUrl },
        maxRedirects: 0,
      });
      expect(await sent.text()).toContain('Check your email');
      const link = linkIn(await waitForEmail(address, since), /https:\/\/\S+\/api\/auth\/callback\/email\?\S+/);
      const landed = await request.get(link.replace(appUrl, server.url), { maxRedirects: 0 });
      const session = landed
        .headersArray()
        .filter((header) => header.name.toLowerCase() === 'set-cookie')
        .map((header) => header.value)
        .find((cookie) => cookie.includes('next-auth.session-token='));
      expect(session).toMatch(/^__Secure-next-auth\.session-token=/);
      expect(session).toMatch(/;\s*Secure/i);
      expect(session).toMatch(/;\s*HttpOnly/i);
      expect(session).toMatch(/;\s*SameSite=Lax/i);
    } finally {
      await server.stop();
    }
  });
});
