// Email in the running app: an admin retries the demo's dead letter from /admin/emails and it reaches
// the inbox through the job queue; its footer's unsubscribe link works without signing in and without
// JavaScript. Every page is checked by axe.
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/accessibility';
import { linkIn, signIn, waitForEmail } from './support/mail';

test('an admin retries a dead letter; the charity unsubscribes from its footer without JavaScript', async ({ browser }) => {
  test.setTimeout(120_000);
  const admin = await (await browser.newContext()).newPage();
  await signIn(admin, 'admin@halfhour.example', '/admin/emails');
  await expect(admin.getByRole('heading', { level: 1, name: 'Emails' })).toBeVisible();
  await expectNoAxeViolations(admin);

  // The demo's dead letter: an "offer waiting" email the mail server kept refusing.
  await admin.goto('/admin/emails?status=FAILED');
  const table = admin.getByRole('region', { name: /Emails/ });
  await expect(table).toContainText('charity@halfhour.example');
  await expect(table).toContainText('451 4.3.0 Mailbox temporarily unavailable');
  await expectNoAxeViolations(admin);
  // On a 320 pixel phone the table scrolls inside its own box; the page itself does not get wider.
  await admin.setViewportSize({ width: 320, height: 800 });
  expect(await admin.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  await admin.setViewportSize({ width: 1280, height: 800 });

  const since = new Date();
  await admin.getByRole('button', { name: 'Retry the email to charity@halfhour.example' }).click();
  await expect(admin.getByText('Queued to send again.')).toBeVisible();

  // The worker in the app process sends it to the local inbox.
  const email = await waitForEmail('charity@halfhour.example', since, 'Alex Morgan');
  expect(email.subject).toContain('Our first National Lottery bid');
  // Filtered by its kind too: journeys running alongside send many emails, which can push it off the first page.
  await expect
    .poll(async () => {
      await admin.goto('/admin/emails?status=SENT&kind=offer-waiting');
      return (await table.textContent()) ?? '';
    })
    .toContain('Our first National Lottery bid');

  // The footer's link: a page that asks first (opening it changes nothing; axe needs JavaScript, so
  // it checks the page in a normal browser first)...
  const unsubscribeLink = linkIn(email, /http:\/\/\S+\/unsubscribe\?token=[^\s)\]]+/);
  const checker = await (await browser.newContext()).newPage();
  await checker.goto(unsubscribeLink);
  await expect(checker.getByRole('heading', { level: 1, name: /^Stop emails about offers/ })).toBeVisible();
  await expectNoAxeViolations(checker);
  // ...a made-up token gets a plain explanation, not an error page...
  await checker.goto('/unsubscribe?token=made.up.token');
  await expect(checker.getByRole('heading', { level: 1, name: 'This unsubscribe link does not work' })).toBeVisible();
  await expectNoAxeViolations(checker);

  // ...and the button turns that email off, with no JavaScript at all.
  const reader = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
  await reader.goto(unsubscribeLink);
  await reader.getByRole('button', { name: 'Yes, stop these emails' }).click();
  await expect(reader.getByRole('heading', { level: 1, name: 'Unsubscribed' })).toBeVisible();
  await expect(reader.getByRole('status')).toContainText('you will no longer get emails about offers');
});
