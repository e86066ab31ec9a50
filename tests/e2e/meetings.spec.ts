// The marketplace loop in Chromium: a volunteer in New York offers three times on a London charity's ask;
// staff compare the offers and accept one; both see the same moment in their own zones, with each
// other's contact details, which a third person cannot see; the calendar file parses; a move is
// proposed and accepted; after the start both mark it held; staff thank the volunteer, who reads the
// note on their impact page; staff book a further catch-up. Every page is checked by axe. A second
// test makes an offer with JavaScript turned off, mistakes first.
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import ICAL from 'ical.js';
import { formatDateTime } from '../../lib/dates';
import { zonedTimeToUtc } from '../../lib/time-zones';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { signedIn, weekdaysAhead } from './support/journeys';
import { waitForEmail } from './support/mail';

const ASK = 'ask-lottery-difference-question'; // Brightside's open ask: weekdays 09:30-16:00 UK time, 30 minutes
const STAFF = 'charity@halfhour.example'; // Priya Shah, Brightside Youth Club, UK time
const VOLUNTEER = 'ben-whitaker@volunteers.example'; // Ben Whitaker, whose profile is in New York time
const OUTSIDER = 'patricia-neill@volunteers.example'; // another volunteer, signed in, not a party
const LONDON = 'Europe/London';
const NEW_YORK = 'America/New_York';

function escape(text: string): RegExp {
  return new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
}

/** The calendar file as a calendar app reads it. */
async function calendarOf(page: Page, meetingId: string) {
  const response = await page.request.get(`/api/meetings/${meetingId}/calendar`);
  expect(response.status()).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
  const calendar = new ICAL.Component(ICAL.parse(await response.text()));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    status: String(event.getFirstPropertyValue('status')),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate(),
  };
}

test('a volunteer offers, staff accept, both meet in their own zones, move it, hold it, thank and book again', async ({ browser }) => {
  test.setTimeout(300_000);
  const [day1, day2, day3, moveDay, againDay] = weekdaysAhead(5, 2);
  // 06:00-08:00 in New York is 11:00-13:00 in London, inside the charity's 09:30-16:00 all year round.
  const offered = [
    [day1!, '06:00'],
    [day2!, '07:30'],
    [day3!, '08:00'],
  ] as const;
  const chosen = zonedTimeToUtc(offered[1][0], offered[1][1], NEW_YORK);

  // The volunteer offers three times, in New York time.
  const volunteer = await signedIn(browser, VOLUNTEER, `/asks/${ASK}/offer`);
  await expect(volunteer.getByRole('heading', { level: 1 })).toContainText('Offer to help');
  await expectNoAxeViolations(volunteer);
  await volunteer
    .getByLabel('Your message to the charity')
    .fill('I have scored Reaching Communities bids; happy to look at your draft answer.');
  await volunteer.getByRole('radio', { name: 'Video call' }).check();
  for (const [index, [date, time]] of offered.entries()) {
    await volunteer.locator(`#time${index + 1}Date`).fill(date);
    await volunteer.locator(`#time${index + 1}Time`).fill(time);
  }
  await volunteer.getByLabel('Your video link or phone number (optional)').fill('https://video.example/ben-whitaker');
  await volunteer.getByRole('button', { name: 'Send my offer' }).click();
  await expect(volunteer.getByRole('status')).toContainText('Your offer is sent');
  await expectNoAxeViolations(volunteer);

  // Staff compare the offers side by side, in UK time, and accept Ben's second time.
  const staff = await signedIn(browser, STAFF, `/my-asks/${ASK}/offers`);
  await expect(staff.getByRole('heading', { level: 1 })).toContainText('Offers on');
  const bens = staff.getByRole('article', { name: 'Ben Whitaker' });
  await expect(bens).toContainText('Machine learning engineer');
  await expect(bens).not.toContainText('ben-whitaker@volunteers.example'); // no contact details before acceptance
  await expect(bens).not.toContainText('video.example');
  await expect(staff.getByRole('article')).toHaveCount(4); // Ben's and the three the demo already had
  await expectNoAxeViolations(staff);
  await staff.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(staff);
  await staff.setViewportSize({ width: 1280, height: 800 });
  await bens.getByRole('radio', { name: escape(formatDateTime(chosen, LONDON)) }).check();
  await bens.getByRole('button', { name: 'Accept and book' }).click();
  await expect(staff).toHaveURL(/\/meetings\/[^/?]+\?notice=booked/);
  const meetingId = new URL(staff.url()).pathname.split('/')[2]!;
  await expect(staff.getByRole('status')).toContainText('The session is booked');

  // Both pages show the same moment, each in its reader's zone with the other zone beside it, and the contact details.
  const when = (page: Page) => page.getByRole('region', { name: 'When' });
  await expect(when(staff)).toContainText(formatDateTime(chosen, LONDON));
  await expect(when(staff)).toContainText(formatDateTime(chosen, NEW_YORK));
  const join = (page: Page) => page.getByRole('region', { name: 'How to meet' });
  await expect(join(staff)).toContainText(VOLUNTEER);
  await expect(join(staff)).toContainText('https://video.example/ben-whitaker');
  await expectNoAxeViolations(staff);

  await volunteer.goto(`/meetings/${meetingId}`);
  await expect(volunteer.getByRole('region', { name: 'When' }).getByText(/Your time/)).toContainText('America/New York');
  await expect(when(volunteer)).toContainText(formatDateTime(chosen, NEW_YORK));
  await expect(when(volunteer)).toContainText(formatDateTime(chosen, LONDON));
  await expect(join(volunteer)).toContainText(STAFF);
  await expectNoAxeViolations(volunteer);
  await volunteer.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(volunteer);
  await volunteer.setViewportSize({ width: 1280, height: 800 });

  // The booking email reached the volunteer.
  const booked = await waitForEmail(VOLUNTEER, new Date(Date.now() - 120_000), 'is booked');
  expect(booked.subject).toMatch(/^Booked:/);

  // A third signed-in person sees nothing: not the page, not the calendar file.
  const outsider = await signedIn(browser, OUTSIDER, '/dashboard');
  const refused = await outsider.goto(`/meetings/${meetingId}`);
  expect(refused?.status()).toBe(404);
  await expect(outsider.locator('body')).not.toContainText(VOLUNTEER);
  await expect(outsider.locator('body')).not.toContainText(STAFF);
  expect((await outsider.request.get(`/api/meetings/${meetingId}/calendar`)).status()).toBe(404);

  // The calendar file: one UID for the meeting, a REQUEST at sequence 0, at the chosen time.
  const invite = await calendarOf(volunteer, meetingId);
  expect(invite).toMatchObject({ method: 'REQUEST', uid: `meeting-${meetingId}@halfhour`, sequence: 0 });
  expect(invite.start.toISOString()).toBe(chosen.toISOString());
  expect(invite.end.getTime() - invite.start.getTime()).toBe(30 * 60_000);

  // The volunteer proposes a new time; staff accept it; the same meeting moves and its invite's sequence goes up.
  const moved = zonedTimeToUtc(moveDay!, '09:00', NEW_YORK);
  await volunteer.getByText('Propose a new time').click();
  await volunteer.locator('#move-date').fill(moveDay!);
  await volunteer.locator('#move-time').fill('09:00');
  await volunteer.getByLabel('A note for the other side (optional)').fill('Something came up that morning, sorry.');
  await volunteer.getByRole('button', { name: 'Propose this time' }).click();
  await expect(volunteer.getByRole('status')).toContainText('New time proposed');
  await staff.goto(`/meetings/${meetingId}`);
  const proposal = staff.getByRole('region', { name: 'A new time has been proposed' });
  await expect(proposal).toContainText(formatDateTime(moved, LONDON));
  await expectNoAxeViolations(staff);
  await proposal.getByRole('button', { name: 'Accept the new time' }).click();
  await expect(staff.getByRole('status')).toContainText('The session has moved');
  await expect(when(staff)).toContainText(formatDateTime(moved, LONDON));
  await expect(staff.getByRole('region', { name: 'Changes to the time' })).toContainText('Accepted');
  expect(new URL(staff.url()).pathname).toBe(`/meetings/${meetingId}`);
  const movedInvite = await calendarOf(staff, meetingId);
  expect(movedInvite).toMatchObject({ method: 'REQUEST', uid: `meeting-${meetingId}@halfhour`, sequence: 1 });
  expect(movedInvite.start.toISOString()).toBe(moved.toISOString());

  // Before the start nobody can mark it held.
  await expect(staff.getByRole('button', { name: 'It happened: mark as held' })).toHaveCount(0);
  // Let the start time pass (a test-only route: E2E_TEST_HOOKS=on), then both sides mark it held.
  expect((await staff.request.post(`/api/e2e/meetings/${meetingId}/started`)).status()).toBe(200);
  await staff.reload();
  await staff.getByRole('button', { name: 'It happened: mark as held' }).click();
  await expect(staff.getByRole('status')).toContainText('marked as held');
  await volunteer.reload();
  await volunteer.getByRole('button', { name: 'Confirm it happened' }).click();
  await expect(volunteer.getByRole('status')).toContainText('marked as held');

  // Staff leave feedback with a thank-you; the volunteer reads it on their impact page.
  const thanks = `Ben turned our list of activities into two outcomes we can evidence. Thank you! (${meetingId.slice(-6)})`;
  await staff.reload();
  await expectNoAxeViolations(staff);
  await staff.getByRole('radio', { name: '5 (very useful)' }).check();
  await staff
    .getByLabel('What will you do differently?')
    .fill('Lead the answer with the difference for young people, then the activities.');
  await staff.getByLabel(/A thank-you note for/).fill(thanks);
  await staff.getByRole('button', { name: 'Send feedback' }).click();
  await expect(staff.getByText(thanks)).toBeVisible();
  await expect(staff.getByRole('button', { name: 'Send feedback' })).toHaveCount(0);

  await volunteer.goto('/volunteer/impact');
  await expect(volunteer.getByRole('region', { name: 'Thank-you notes' })).toContainText(thanks);
  await expectNoAxeViolations(volunteer);

  // Staff book a further catch-up with Ben from the meeting page: a new meeting linked to the first.
  await staff.getByText('Arrange a further catch-up').click();
  await staff.locator('#again-date').fill(againDay!);
  await staff.locator('#again-time').fill('14:00');
  await staff.getByRole('button', { name: 'Book the catch-up' }).click();
  await expect(staff.getByRole('status')).toContainText('further catch-up is booked');
  // It opens on the new meeting's page, which links back to the first.
  expect(new URL(staff.url()).pathname).not.toBe(`/meetings/${meetingId}`);
  await expect(when(staff)).toContainText(formatDateTime(zonedTimeToUtc(againDay!, '14:00', LONDON), LONDON));
  await expect(staff.getByText('Booked', { exact: true })).toBeVisible();
  const catchUps = staff.getByRole('region', { name: 'Catch-ups' });
  await expect(catchUps).toContainText('This is a further catch-up after');
  await catchUps.getByRole('link').click();
  // The router may restore the address this page last had (the feedback form's #feedback): the page is the first meeting's.
  await expect(staff).toHaveURL(new RegExp(`/meetings/${meetingId}(#feedback)?$`));
  await expect(staff.getByRole('region', { name: 'Catch-ups' })).toContainText('A further catch-up is booked');
  await expectNoAxeViolations(staff);
});

test('an offer works without JavaScript: mistakes are shown beside their fields and nothing typed is lost', async ({ browser }) => {
  test.setTimeout(120_000);
  const ask = 'ask-kinship-helpline-gdpr'; // open, video, weekdays 09:30-16:00 UK time
  const page = await signedIn(browser, OUTSIDER, `/asks/${ask}/offer`, { javaScriptEnabled: false });
  const [day1, day2] = weekdaysAhead(2, 3);
  const message = 'I run information governance for a helpline; I can walk you through the retention schedule.';
  await page.getByLabel('Your message to the charity').fill(message);
  await page.locator('#time1Date').fill(day1!);
  await page.locator('#time1Time').fill('07:00'); // before the charity's window opens
  await page.getByRole('button', { name: 'Send my offer' }).click();
  await expect(page.getByRole('alert').first()).toBeVisible();
  await expect(page.locator('#time1-error')).toContainText(/times|window|between/i);
  await expect(page.getByLabel('Your message to the charity')).toHaveValue(message);
  await expect(page.locator('#time1Date')).toHaveValue(day1!);

  await page.locator('#time1Time').fill('10:00');
  await page.locator('#time2Date').fill(day2!);
  await page.locator('#time2Time').fill('11:30');
  await page.getByRole('button', { name: 'Send my offer' }).click();
  await expect(page.getByRole('status')).toContainText('Your offer is sent');
  await expect(page.getByText('Waiting for the charity')).toBeVisible();
});
