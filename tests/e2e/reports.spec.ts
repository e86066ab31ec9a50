// Reports (issue 21): a volunteer reports an ask; an admin, without JavaScript, sees it with the ask as it was
// reported and who reported it, and hides it; within two seconds it has left the anonymous (cached) list and its
// page, and the charity's staff see on their ask's page that it was hidden, and why. Axe checks each new page in a
// browser with JavaScript, which axe needs to run.
import { type Page } from '@playwright/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { signedIn } from './support/journeys';
import { waitForEmail } from './support/mail';
import { freshWithin, warm, type Seen } from './support/page-cache';
import { expect, test } from './support/test';

const ASK = 'ask-harbour-supermarket'; // open, from a verified organisation, used by no other journey
const TITLE = 'How do we approach a local supermarket for a regular donation?';
const STAFF = 'margaret@harbourfoodbank.example.org';
const VOLUNTEER = 'volunteer@halfhour.example';
const ADMIN = 'admin@halfhour.example';
const REASON = 'This ask is a supermarket’s own advert for its loyalty scheme, not a charity’s question.';

/** Clicks a form's button and returns when its response arrived (the start of the two seconds). */
async function submit(page: Page, button: ReturnType<Page['getByRole']>): Promise<number> {
  const response = page.waitForResponse((candidate) => candidate.request().method() === 'POST');
  await button.click();
  await response;
  return Date.now();
}

test('a volunteer reports an ask, an admin hides it, it leaves the public pages and its staff see why', async ({ browser, request }) => {
  test.setTimeout(150_000);
  const listed = (seen: Seen) => seen.html.includes(TITLE);

  // Anonymous visitors have the list and the ask from the page cache.
  expect(listed(await warm(request, '/asks'))).toBe(true);
  expect((await warm(request, `/asks/${ASK}`)).status).toBe(200);

  // The volunteer reports it from the ask's page.
  const volunteer = await signedIn(browser, VOLUNTEER, `/asks/${ASK}`);
  await expect(volunteer.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  const reportForm = () => volunteer.locator('details').filter({ hasText: 'Report this ask' });
  await reportForm().getByText('Report this ask').click();
  await expectNoAxeViolations(volunteer);
  await reportForm().getByLabel('Spam or advertising').check();
  await reportForm().getByLabel('Details (optional)').fill('It reads like an advert for the supermarket, not a question.');
  await reportForm().getByRole('button', { name: 'Send report' }).click();
  await expect(volunteer.getByRole('status')).toContainText('your report was received');
  // A second report of the same ask while the first is open is refused, and says so.
  await reportForm().getByText('Report this ask').click();
  await reportForm().getByLabel('Misleading or not what it claims').check();
  await reportForm().getByRole('button', { name: 'Send report' }).click();
  await expect(volunteer.getByRole('alert').filter({ hasText: 'There is a problem' })).toContainText('You have already reported this');

  // The admin page as a browser with JavaScript gets it, for axe (which needs scripts to run), at 320 px wide.
  const reader = await signedIn(browser, ADMIN, '/admin/reports');
  await expect(reader.getByRole('navigation', { name: 'Admin' })).toContainText(/Reports \(\d+ open\)/);
  // The demo's person with three strikes is at the top, with a suggestion.
  await expect(reader.getByRole('region', { name: 'Needs review' })).toContainText('Aisha Bello');
  await expect(reader.getByRole('region', { name: 'Needs review' })).toContainText('Suggested: suspend');
  await expectNoAxeViolations(reader);
  await reader.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(reader);
  await reader.context().close();

  // The admin resolves without JavaScript: the page and its forms are plain HTML.
  const admin = await signedIn(browser, ADMIN, '/admin/reports', { javaScriptEnabled: false });
  await expect(admin.getByRole('heading', { level: 1, name: 'Reports' })).toBeVisible();

  const entry = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: new RegExp(TITLE.replace(/\?/g, '\\?')) }) });
  await expect(entry).toContainText('Spam or advertising');
  await expect(entry).toContainText('There is a big supermarket five minutes from us.'); // the snapshot
  await expect(entry).toContainText(VOLUNTEER); // who reported it: admins only
  await entry.getByLabel(/Hide the content/).check();
  await entry.getByRole('textbox', { name: 'Your note' }).fill(REASON);
  const hidden = await submit(admin, entry.getByRole('button', { name: 'Resolve report' }));
  await expect(admin.getByRole('status')).toContainText('Hidden');
  await expect(admin.getByRole('heading', { name: new RegExp(TITLE.replace(/\?/g, '\\?')) })).toHaveCount(0);

  // Gone from the anonymous list and its page within two seconds.
  await freshWithin(request, '/asks', hidden, (seen) => !listed(seen));
  await freshWithin(request, `/asks/${ASK}`, hidden, (seen) => seen.status === 404);
  // And from the signed-in volunteer's view.
  expect((await volunteer.goto(`/asks/${ASK}`))?.status()).toBe(404);

  // The charity's staff see on their ask's page that it was hidden, and why; and were emailed.
  const staff = await signedIn(browser, STAFF, `/my-asks/${ASK}`);
  const notice = staff.getByRole('note');
  await expect(notice).toContainText('HalfHour has hidden this ask after a report');
  await expect(notice).toContainText(REASON);
  await expect(staff.getByRole('link', { name: 'See it as volunteers do' })).toHaveCount(0);
  await expectNoAxeViolations(staff);
  const email = await waitForEmail(STAFF, new Date(hidden - 5_000), 'has hidden it');
  expect(email.text).toContain(REASON);
  // The reporter is told the outcome in one line.
  const outcome = await waitForEmail(VOLUNTEER, new Date(hidden - 5_000), 'We agreed and have hidden it');
  expect(outcome.subject).toContain('what we decided');
});
