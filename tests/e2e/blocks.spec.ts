// Blocks and vouching in Chromium (issue 21). A charity blocks a volunteer from one of their offers (without
// JavaScript, through the confirmation box), and the volunteer then finds the charity's open ask "not taking offers
// from you", never told they were blocked; staff unblock them from their organisation's page and the offer form is
// back. A volunteer chooses not to see an organisation's asks (without JavaScript) and undoes it on their account
// page. An admin sees who vouched for a community group and why; visitors see its "Vouched" badge. Axe checks every
// new page.
import { expect, test } from './support/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { signedIn } from './support/journeys';

const STAFF = 'claire@safesteps.example.org'; // Safe Steps Women’s Refuge
const ORGANISATION = 'org-safesteps';
const PAST_ASK = 'ask-history-030'; // expired, with Niamh Kelly's declined offer
const OPEN_ASK = 'ask-safesteps-supervision'; // Safe Steps' open ask: Niamh has not offered on it
const BLOCKED = 'Niamh Kelly';
const BLOCKED_EMAIL = 'niamh-kelly@volunteers.example';

test('a charity blocks a volunteer, who then cannot offer on its asks and is not told why; unblocking lets them offer again', async ({
  browser,
}) => {
  test.setTimeout(180_000);

  // Before: the volunteer may offer on the charity's open ask.
  const volunteer = await signedIn(browser, BLOCKED_EMAIL, `/asks/${OPEN_ASK}/offer`);
  await expect(volunteer.getByRole('button', { name: 'Send my offer' })).toBeVisible();

  // Staff block them from their offer on an earlier ask, with JavaScript off: the box must be ticked first.
  const staff = await signedIn(browser, STAFF, `/my-asks/${PAST_ASK}/offers`, { javaScriptEnabled: false });
  const card = staff.getByRole('article', { name: BLOCKED });
  await card.getByText('Block this volunteer…').click();
  await card.getByRole('button', { name: 'Block this volunteer' }).click();
  await expect(staff.getByRole('article', { name: BLOCKED }).getByText('Tick the box to confirm.').first()).toBeVisible();
  const again = staff.getByRole('article', { name: BLOCKED });
  await again.getByLabel('Yes, block this volunteer for our organisation').check();
  await again.getByRole('button', { name: 'Block this volunteer' }).click();
  await expect(staff.getByRole('status')).toContainText('The volunteer is blocked');
  await expect(staff.getByRole('article', { name: BLOCKED })).toContainText('You blocked this volunteer.');

  // The volunteer: the offer form is gone, in neutral words.
  await volunteer.reload();
  const cannot = volunteer.getByRole('region', { name: 'You cannot offer on this ask right now' });
  await expect(cannot).toContainText('This ask is not taking offers from you.');
  await expect(volunteer.getByRole('button', { name: 'Send my offer' })).toHaveCount(0);
  await expect(volunteer.locator('main')).not.toContainText(/block/i);
  await expectNoAxeViolations(volunteer);

  // Staff see the block on their organisation's page (with JavaScript), and lift it.
  const withScript = await signedIn(browser, STAFF, `/my-asks/${PAST_ASK}/offers`);
  await expectNoAxeViolations(withScript);
  await withScript.goto(`/organisations/${ORGANISATION}`);
  const list = withScript.getByRole('region', { name: 'Blocked volunteers' });
  await expect(list).toContainText(BLOCKED);
  await expectNoAxeViolations(withScript);
  await withScript.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(withScript);
  await list.getByRole('button', { name: `Unblock ${BLOCKED}` }).click();
  await expect(withScript.getByRole('status')).toContainText('Unblocked');
  await expect(withScript.getByRole('region', { name: 'Blocked volunteers' })).not.toContainText(BLOCKED);

  await volunteer.reload();
  await expect(volunteer.getByRole('button', { name: 'Send my offer' })).toBeVisible();
});

const VOLUNTEER = 'tariq-hussain@volunteers.example'; // his offer on Second Chapter's ask is waiting
const THEIR_ASK = 'ask-secondchapter-school-pricing';
const THEM = 'Second Chapter Books CIC';

test('a volunteer chooses not to see an organisation’s asks, without JavaScript, and undoes it on their account page', async ({
  browser,
}) => {
  test.setTimeout(120_000);
  const page = await signedIn(browser, VOLUNTEER, `/asks/${THEIR_ASK}/offer`, { javaScriptEnabled: false });
  const section = page.getByRole('region', { name: 'Not for you?' });
  await section.getByText(`Don’t show me ${THEM}’s asks`).click();
  await section.getByLabel(`I don’t want to see ${THEM}’s asks`).check();
  await section.getByRole('button', { name: 'Don’t show me its asks' }).click();

  await expect(page).toHaveURL(/\/account\?notice=organisation-blocked/);
  await expect(page.getByRole('status')).toContainText('You will not see that organisation’s asks');
  await expect(page.getByRole('region', { name: 'Organisations you don’t want to see' })).toContainText(THEM);
  // Their waiting offer on its ask was withdrawn.
  await page.goto(`/asks/${THEIR_ASK}/offer`);
  await expect(page.locator('main')).toContainText('Withdrawn');

  const withScript = await signedIn(browser, VOLUNTEER, '/account');
  await expectNoAxeViolations(withScript);
  await withScript.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(withScript);
  await withScript.getByRole('button', { name: `Unblock ${THEM}` }).click();
  await expect(withScript.getByRole('status')).toContainText('Unblocked');
  await expect(withScript.getByRole('region', { name: 'Organisations you don’t want to see' })).not.toContainText(THEM);
});

test('admins see who vouched for a community group and why; its asks carry a “Vouched” badge', async ({ browser, page }) => {
  const admin = await signedIn(browser, 'admin@halfhour.example', '/admin/organisations');
  const vouched = admin.getByRole('region', { name: 'Community groups we vouched for' });
  await expect(vouched).toContainText('Riverside Community Garden');
  await expect(vouched).toContainText('vouched for by Jo Admin');
  await expect(vouched).toContainText('saw their constitution');
  await expectNoAxeViolations(admin);

  await page.goto('/asks/ask-riverside-constitution');
  const about = page.getByRole('region', { name: /About Riverside Community Garden/ });
  await expect(about).toContainText('Verified organisation');
  await expect(about).toContainText('Vouched');
  await expect(page.locator('main')).not.toContainText('saw their constitution'); // the note is for admins only
  await expectNoAxeViolations(page);
});
