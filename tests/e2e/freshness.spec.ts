// Anonymous visitors get the public pages from the page cache, and every write that changes one shows
// within two seconds (docs/decisions/0013): an admin approves an ask and it is on the anonymous list,
// home page and its own page (a cached "not found" until then); its charity withdraws it and it leaves
// the list. The anonymous responses are checked to come from the cache, so this cannot pass by rendering
// every request.
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { requestSignInLink, signIn } from './support/mail';
import { anonymously, freshWithin, warm, type Seen } from './support/page-cache';

const ASK = 'ask-opendoor-esol-tender'; // pending review, from a verified organisation, used by no other test
const TITLE = 'Should we bid for the council’s ESOL contract?';
const STAFF = 'yusuf@opendoorcardiff.example.org';
/** Clicks a form's button and returns when its response arrived (the start of the two seconds). */
async function submit(page: Page, button: ReturnType<Page['getByRole']>): Promise<number> {
  const response = page.waitForResponse((candidate) => candidate.request().method() === 'POST');
  await button.click();
  await response;
  return Date.now();
}

test('an approved ask is on the anonymous pages within two seconds, and a withdrawn one is gone', async ({ browser, request }) => {
  test.setTimeout(120_000);
  const listed = (seen: Seen) => seen.html.includes(TITLE);

  // A visitor has looked at the list, the home page and the ask (not found yet): all three are cached.
  expect(listed(await warm(request, '/asks'))).toBe(false);
  expect(listed(await warm(request, '/'))).toBe(false);
  expect((await warm(request, `/asks/${ASK}`)).status).toBe(404);

  // Signed-in people get per-request pages: their own header, never a cached copy.
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@halfhour.example', '/admin/asks');
  const signedIn = await admin.request.get('/asks');
  expect(signedIn.headers()['x-nextjs-cache']).toBeUndefined();
  expect(await signedIn.text()).toContain('Sign out');

  const approved = await submit(admin, admin.getByRole('button', { name: `Approve “${TITLE}”` }));
  await expect(admin.getByRole('status')).toContainText('Approved');
  await freshWithin(request, '/asks', approved, listed);
  await freshWithin(request, '/', approved, listed);
  await freshWithin(request, `/asks/${ASK}`, approved, (seen) => seen.status === 200 && listed(seen));
  // The cached pages are the signed-out ones.
  expect((await anonymously(request, '/asks')).html).not.toContain('Sign out');

  const staff = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await signIn(staff, STAFF, `/my-asks/${ASK}`);
  const withdrawn = await submit(staff, staff.getByRole('button', { name: 'Withdraw this ask' }));
  await expect(staff.getByRole('status')).toContainText('withdrawn');
  await freshWithin(request, '/asks', withdrawn, (seen) => !listed(seen));
  await freshWithin(request, '/', withdrawn, (seen) => !listed(seen));
  await freshWithin(
    request,
    `/asks/${ASK}`,
    withdrawn,
    (seen) => seen.status === 404 || seen.html.includes('This ask is no longer open for offers.'),
  );
});

test('the sign-in page is cached, with or without a return path, and its form still works without scripts', async ({
  browser,
  request,
}) => {
  const seen = await warm(request, '/signin');
  expect(seen.html).toContain('Sign in or create an account');
  // With a return path (a guard sent the visitor) it is the same cached page; the path reaches the form's action.
  const returning = await warm(request, '/signin?callbackUrl=%2Fdashboard');
  expect(returning.html).toContain('Sign in or create an account');
  // With a notice it is rendered for the request.
  expect((await anonymously(request, '/signin?error=suspended')).cache).toBeUndefined();

  // The cached copy has no scripts, so the form posts as a plain form; its answer keeps what was typed.
  const page = await (await browser.newContext()).newPage();
  await page.goto('/signin?callbackUrl=%2Fdashboard');
  expect(await page.locator('script').count()).toBe(0);
  await page.getByLabel('Email address').fill('not-an-email');
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.locator('#email-error')).toContainText('Enter an email address in the right format');
  await expect(page.getByLabel('Email address')).toHaveValue('not-an-email');
  // That answer was rendered for the request: the cached page is unchanged.
  const after = await anonymously(request, '/signin');
  expect(after.html).not.toContain('Enter an email address in the right format');
  // The link it sends goes back where the guard was sending the visitor.
  const link = await requestSignInLink(page, 'cached-sign-in@example.org');
  expect(new URL(link).searchParams.get('callbackUrl')).toMatch(/\/dashboard$/);
});
