// A signed-in person's dashboard comes from the page cache (docs/decisions/0015): keyed by the version of it
// the database keeps, private to them, without scripts, and new as soon as something on it changes. Its forms
// work without JavaScript from the cached page, and a signed-out cookie or a made-up key gets nothing.
import { expect, test } from './support/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { signedIn } from './support/journeys';
import { warm } from './support/page-cache';

const VOLUNTEER = 'volunteer@halfhour.example';
const INVITED_TO = 'Which small grants suit a men’s shed that needs new tools?'; // the seed's one invitation to Alex

test('the dashboard is the person’s cached page until it changes, and its forms work without scripts', async ({ browser }) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, VOLUNTEER, '/dashboard', { javaScriptEnabled: false });

  // Served from the cache (warm checks HIT and no scripts), and never to be kept by a shared cache.
  const cached = await warm(page.request, '/dashboard');
  expect(cached.html).toMatch(/Hello, (<!-- -->)?Alex Morgan/);
  expect(cached.html).toContain(INVITED_TO);
  const response = await page.request.get('/dashboard');
  expect(response.headers()['cache-control']).toMatch(/^private, no-cache, no-store/);

  // The cached page as a browser with JavaScript gets it (axe needs scripts to run; the page has none).
  const reader = await signedIn(browser, VOLUNTEER, '/dashboard');
  await expectNoAxeViolations(reader);
  await reader.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(reader);
  await reader.context().close();

  await page.goto('/dashboard');

  // Declining without JavaScript from the cached page: a missing reason comes back beside the field ...
  const invitation = page.getByRole('listitem').filter({ hasText: INVITED_TO });
  await invitation.getByText('Decline this invitation').click();
  await invitation.getByRole('button', { name: 'Decline' }).click();
  await expect(page.getByRole('textbox', { name: /Why not/ })).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('link', { name: INVITED_TO, exact: true })).toBeVisible();
  // ... and with one, the invitation is declined, and the very next cached dashboard no longer lists it.
  await page.getByRole('textbox', { name: /Why not/ }).fill('Away that month, sorry.');
  await page.getByRole('button', { name: 'Decline' }).click();
  await expect(page).toHaveURL(/notice=invitation-declined/);
  await expect(page.getByRole('status')).toContainText('Invitation declined');
  const after = await page.request.get('/dashboard');
  expect(await after.text()).not.toContain(INVITED_TO);
  expect((await warm(page.request, '/dashboard')).html).not.toContain(INVITED_TO);

  // A key sent by a client is never used: without a session, /dashboard is the sign-in page.
  const [cookie] = (await page.context().cookies()).filter((c) => c.name.endsWith('next-auth.session-token'));
  const key = `${'x'.repeat(20)}.1.${'y'.repeat(43)}`;
  const stranger = await browser.newContext();
  const forged = await stranger.request.get('/dashboard', { headers: { 'x-halfhour-dashboard-key': key }, maxRedirects: 0 });
  expect(forged.status()).toBe(307);
  expect(forged.headers().location).toContain('/signin');

  // Signed out, the old cookie gets no cached copy either.
  await page.getByRole('button', { name: 'Sign out' }).click();
  await expect(page).not.toHaveURL(/\/dashboard/);
  await stranger.addCookies([{ ...cookie! }]);
  const replayed = await stranger.request.get('/dashboard', { maxRedirects: 0 });
  expect(replayed.status()).toBe(307);
  await stranger.close();
});
