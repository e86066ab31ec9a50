// Matching in Chromium: a charity's staff see the volunteers HalfHour suggests for their open ask, best
// fit first with the reasons, and invite one (without JavaScript); that volunteer finds the invitation on
// their dashboard and accepts it by making an offer; staff then see the invitation answered. Axe checks
// every page the journey shows.
import { expect, test } from './support/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { signedIn, weekdaysAhead } from './support/journeys';
import { waitForEmail } from './support/mail';

const ASK = 'ask-dementia-restricted-funds'; // North Tyne Dementia Café: restricted funds and charity accounts, by phone or in person
const STAFF = 'eileen@northtynedementia.example.org';
const SUGGESTED = 'Deborah Lewis'; // expert in charity accounts, experienced in restricted funds, nothing booked
const SUGGESTED_EMAIL = 'deborah-lewis@volunteers.example';

test('staff invite a suggested volunteer, who accepts the invitation by making an offer', async ({ browser }) => {
  test.setTimeout(180_000);

  // Staff see the suggestions, best first, each with a fit bar and reasons.
  const staff = await signedIn(browser, STAFF, `/my-asks/${ASK}`);
  const suggestions = staff.getByRole('region', { name: 'Suggested volunteers' });
  await expect(suggestions.getByRole('heading', { level: 3 }).first()).toHaveText(SUGGESTED);
  await expect(suggestions.getByRole('meter').first()).toHaveAttribute('aria-valuenow', /\d+/);
  const why = suggestions.getByRole('list', { name: `Why ${SUGGESTED}` });
  await expect(why).toContainText('Expert in Charity accounts');
  await expect(why).toContainText('Has time this month');
  await expectNoAxeViolations(staff);
  await staff.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(staff);

  // The invitation itself, sent with JavaScript turned off: a plain form post.
  const line = 'Our treasurer Jean has our three grant letters ready; you would be a great help.';
  const noScript = await signedIn(browser, STAFF, `/my-asks/${ASK}`, { javaScriptEnabled: false });
  const since = new Date();
  await noScript.getByLabel(`A line to ${SUGGESTED} (optional)`).fill(line);
  await noScript.getByRole('button', { name: `Invite ${SUGGESTED}` }).click();
  await expect(noScript.getByRole('status')).toContainText('Invitation sent');
  const invited = noScript.getByRole('region', { name: 'Suggested volunteers' });
  await expect(invited).toContainText('Invited');
  await expect(invited.getByRole('heading', { level: 3, name: SUGGESTED })).toHaveCount(0); // no longer suggested

  const email = await waitForEmail(SUGGESTED_EMAIL, since);
  expect(email.text).toContain(line);

  // The volunteer finds it on their dashboard and accepts it, which opens the offer form with the line.
  const volunteer = await signedIn(browser, SUGGESTED_EMAIL, '/dashboard');
  const invitations = volunteer.getByRole('region', { name: 'Invitations to help' });
  await expect(invitations).toContainText(line);
  await expectNoAxeViolations(volunteer);
  await invitations.getByRole('link', { name: /Accept: make an offer/ }).click();
  await expect(volunteer).toHaveURL(new RegExp(`/asks/${ASK}/offer`));
  await expect(volunteer.getByRole('region', { name: /invited you/ })).toContainText(line);
  await expectNoAxeViolations(volunteer);

  const [day1, day2] = weekdaysAhead(2, 3);
  await volunteer.getByLabel('Your message to the charity').fill('Happy to go through fund codes with Jean using your own grant letters.');
  await volunteer.getByRole('radio', { name: 'Phone' }).check();
  await volunteer.locator('#time1Date').fill(day1!);
  await volunteer.locator('#time1Time').fill('10:00');
  await volunteer.locator('#time2Date').fill(day2!);
  await volunteer.locator('#time2Time').fill('14:00');
  await volunteer.getByRole('button', { name: 'Send my offer' }).click();
  await expect(volunteer.getByRole('status')).toContainText('Your offer is sent');

  // Accepted: the dashboard no longer lists it as waiting, and staff see it answered.
  await volunteer.goto('/dashboard');
  await expect(volunteer.getByRole('region', { name: 'Invitations to help' })).not.toContainText(line);
  await staff.setViewportSize({ width: 1280, height: 800 });
  await staff.reload();
  await expect(staff.getByText('Offered to help')).toBeVisible();
  const offers = staff.getByRole('region', { name: /^Offers/ });
  await expect(offers).toContainText('1 offer is waiting for your answer');
  await expect(offers).toContainText(SUGGESTED);
});
