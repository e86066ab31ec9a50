// Group clinics in Chromium (issue 22), as its "Done means" walks them: a volunteer offers a clinic; an admin
// approves it and it is on the anonymous /clinics list within two seconds; two charities book its two seats,
// each with its question; a third joins the waiting list; one seat is given up, the waiting charity is emailed
// the offer and confirms; the volunteer sees every question, each charity only its own; every attendee's
// .ics parses with ical.js with the clinic's one UID; after the start the volunteer marks attendance and a
// charity gives feedback and books a follow-up. Every page is checked by axe (which needs scripts, so in the
// journey with JavaScript) and looked at 320 px wide. A second journey runs with JavaScript turned off,
// mistakes first, and ends with the volunteer cancelling: every calendar copy says CANCEL.
import { type Page } from '@playwright/test';
import ICAL from 'ical.js';
import { expect, test } from './support/test';
import { formatDateTime } from '../../lib/dates';
import { zonedTimeToUtc } from '../../lib/time-zones';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { signedIn, weekdaysAhead } from './support/journeys';
import { linkIn, waitForEmail } from './support/mail';
import { anonymously, freshWithin, warm } from './support/page-cache';

const LONDON = 'Europe/London';
const ADMIN = 'admin@halfhour.example';
const VOLUNTEER = 'james-oconnor@volunteers.example'; // James O’Connor, UK time; office tools among his skills; in no other journey
// Three verified organisations whose staff no other journey signs in as.
const SECOND_CHAPTER = { email: 'hannah@secondchapterbooks.example.org', org: 'Second Chapter Books CIC' };
const CANAL_ARTS = { email: 'grace@canalarts.example.org', org: 'Canal Arts Collective' };
const RIVERSIDE = { email: 'tom@riversidegarden.example.org', org: 'Riverside Community Garden' };
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;

/** The calendar file one signed-in person downloads, as a calendar app reads it. */
async function calendarOf(page: Page, clinicId: string) {
  const response = await page.request.get(`/api/clinics/${clinicId}/calendar`);
  expect(response.status(), `the calendar file for ${page.url()}`).toBe(200);
  expect(response.headers()['content-type']).toMatch(/^text\/calendar/);
  const text = await response.text();
  const calendar = new ICAL.Component(ICAL.parse(text));
  const event = calendar.getFirstSubcomponent('vevent')!;
  return {
    text,
    method: String(calendar.getFirstPropertyValue('method')),
    uid: String(event.getFirstPropertyValue('uid')),
    sequence: Number(event.getFirstPropertyValue('sequence')),
    start: (event.getFirstPropertyValue('dtstart') as ICAL.Time).toJSDate(),
    end: (event.getFirstPropertyValue('dtend') as ICAL.Time).toJSDate(),
    attendees: event.getAllProperties('attendee').map((property) => String(property.getFirstValue()).replace(/^mailto:/i, '')),
  };
}

/** The clinic's id from /clinics/<id>. */
function clinicIdFrom(page: Page): string {
  const match = new URL(page.url()).pathname.match(/^\/clinics\/([^/]+)$/);
  if (!match || match[1] === 'new') throw new Error(`not on a clinic page: ${page.url()}`);
  return match[1]!;
}

async function lookAt320(page: Page): Promise<void> {
  const size = page.viewportSize() ?? { width: 1280, height: 800 };
  await page.setViewportSize({ width: 320, height: 800 });
  await expectNoHorizontalScroll(page);
  await page.setViewportSize(size);
}

/** Clicks a form's button and returns when its response arrived (the start of the two seconds). */
async function submit(page: Page, button: ReturnType<Page['getByRole']>): Promise<number> {
  const response = page.waitForResponse((candidate) => candidate.request().method() === 'POST');
  await button.click();
  await response;
  return Date.now();
}

interface ClinicForm {
  topic: string;
  description: string;
  bring: string;
  skillArea: string;
  skill: string;
  date: string;
  time: string;
  minutes: '30' | '45' | '60';
  joinDetails: string;
  seats: string;
}

async function fillClinicForm(page: Page, clinic: ClinicForm): Promise<void> {
  await page.getByLabel('Topic', { exact: true }).fill(clinic.topic);
  await page.getByLabel('What the clinic covers').fill(clinic.description);
  await page.getByLabel('What each charity should bring').fill(clinic.bring);
  // Skills are folded by area; the area opens natively, with or without JavaScript.
  await page.locator('summary', { hasText: clinic.skillArea }).click();
  await page.getByRole('checkbox', { name: clinic.skill }).check();
  await page.locator('#date').fill(clinic.date);
  await page.locator('#time').fill(clinic.time);
  await page.getByRole('radio', { name: `${clinic.minutes} minutes` }).check();
  await page.getByLabel('Seats').fill(clinic.seats);
  await page.getByRole('radio', { name: 'Video call' }).check();
  await page.getByLabel('Video link, or the place you will meet').fill(clinic.joinDetails);
}

async function approveClinic(admin: Page, topic: string): Promise<number> {
  await admin.goto('/admin/asks');
  const card = admin.getByRole('region', { name: 'Group clinics to review' }).getByRole('article', { name: topic });
  await expect(card).toContainText('Group clinic');
  const approved = await submit(admin, card.getByRole('button', { name: `Approve “${topic}”` }));
  await expect(admin.getByRole('status')).toContainText('Approved. The clinic is published');
  return approved;
}

async function bookSeat(page: Page, question: string): Promise<void> {
  await page.getByLabel('Your question').fill(question);
  await page.getByRole('button', { name: 'Book a seat' }).click();
  await expect(page.getByRole('status')).toContainText('Your seat is booked');
}

test('a volunteer offers a clinic, charities book it, one gives up a seat to the waiting list, and it is held', async ({
  browser,
  request,
}) => {
  test.setTimeout(600_000);
  const [day] = weekdaysAhead(1, 14); // after the seeded clinics, which the browsing spec expects first
  const clinic: ClinicForm = {
    topic: `Microsoft 365 for charities: getting set up ${run}`,
    description:
      'How to get Microsoft 365 through the charity offer, set up shared mailboxes and one shared calendar, and stop emailing spreadsheets around.',
    bring: 'One question about your charity’s email, files or Microsoft 365 set-up.',
    skillArea: 'Digital and IT',
    skill: 'Microsoft 365 and Google Workspace',
    date: day!,
    time: '14:00',
    minutes: '45',
    joinDetails: 'https://teams.example/l/james-oconnor-m365',
    seats: '2',
  };
  const startsAt = zonedTimeToUtc(day!, '14:00', LONDON);
  const listed = (html: string) => html.includes(clinic.topic);

  // A visitor has looked at /clinics: the anonymous list is cached, without this clinic.
  expect(listed((await warm(request, '/clinics')).html)).toBe(false);

  // ---- The volunteer offers a clinic, its date and time in their own zone.
  const volunteer = await signedIn(browser, VOLUNTEER, '/clinics/new');
  await expect(volunteer.getByRole('heading', { level: 1 })).toHaveText('Offer a group clinic');
  await expectNoAxeViolations(volunteer);
  await lookAt320(volunteer);
  // Three seats too many first: the error is beside its field and axe checks the page as it shows it.
  await fillClinicForm(volunteer, { ...clinic, seats: '11' });
  await volunteer.getByRole('button', { name: 'Send for review' }).click();
  await expect(volunteer.locator('#seats-error')).toContainText('at most 8 seats');
  await expect(volunteer.getByLabel('Topic', { exact: true })).toHaveValue(clinic.topic);
  await expectNoAxeViolations(volunteer);
  await volunteer.getByLabel('Seats').fill(clinic.seats);
  await volunteer.getByRole('button', { name: 'Send for review' }).click();
  await expect(volunteer.getByRole('status')).toContainText('Your clinic is sent for review');
  const clinicId = clinicIdFrom(volunteer);
  await expectNoAxeViolations(volunteer);
  // In review it is on no public page.
  expect((await anonymously(request, `/clinics/${clinicId}`)).status).toBe(404);

  // ---- The admin approves it on its own card in the asks queue; the anonymous list shows it within two seconds.
  const admin = await signedIn(browser, ADMIN, '/admin/asks');
  await expect(admin.getByRole('article', { name: clinic.topic })).toBeVisible();
  await expectNoAxeViolations(admin);
  const approved = await approveClinic(admin, clinic.topic);
  await freshWithin(request, '/clinics', approved, (seen) => listed(seen.html));

  // A signed-out visitor reads what it covers, when and the seats left, never how to join.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/clinics');
  await expect(visitor.getByRole('heading', { level: 1, name: 'Group clinics' })).toBeVisible();
  const listing = visitor.getByRole('article').filter({ has: visitor.getByRole('link', { name: clinic.topic }) });
  await expect(listing).toContainText('2 seats left');
  await expectNoAxeViolations(visitor);
  await lookAt320(visitor);
  await listing.getByRole('link', { name: clinic.topic }).click();
  await expect(visitor.getByRole('heading', { level: 1 })).toHaveText(clinic.topic);
  const details = visitor.getByRole('region', { name: 'Clinic details' });
  await expect(details).toContainText(formatDateTime(startsAt, LONDON));
  await expect(details).toContainText('45 minutes');
  await expect(visitor.getByRole('region', { name: 'What to bring' })).toContainText(clinic.bring);
  await expect(visitor.locator('main')).not.toContainText(clinic.joinDetails);
  await expectNoAxeViolations(visitor);
  await lookAt320(visitor);

  // ---- Two charities book the two seats, each with its one question.
  const questions = {
    secondChapter: `Our shop volunteers share one login. How do we give each a mailbox without paying per person? (${run})`,
    canalArts: `Can our freelance artists use our Teams for workshop bookings without being staff? (${run})`,
    riverside: `Is SharePoint overkill for twelve volunteers sharing rotas and photos? (${run})`,
  };
  const secondChapter = await signedIn(browser, SECOND_CHAPTER.email, `/clinics/${clinicId}`);
  await expectNoAxeViolations(secondChapter);
  await bookSeat(secondChapter, questions.secondChapter);
  await expectNoAxeViolations(secondChapter);

  const canalArts = await signedIn(browser, CANAL_ARTS.email, `/clinics/${clinicId}`);
  await expect(canalArts.getByRole('region', { name: 'Clinic details' })).toContainText('1 seat left');
  await bookSeat(canalArts, questions.canalArts);

  // ---- The third finds it full and joins the waiting list.
  const riverside = await signedIn(browser, RIVERSIDE.email, `/clinics/${clinicId}`);
  await expect(riverside.getByRole('region', { name: 'Clinic details' })).toContainText('Full');
  await expect(riverside.getByRole('button', { name: 'Book a seat' })).toHaveCount(0);
  await expectNoAxeViolations(riverside);
  await riverside.getByLabel('Your question').fill(questions.riverside);
  await riverside.getByRole('button', { name: 'Join the waiting list' }).click();
  await expect(riverside.getByRole('status')).toContainText('You are on the waiting list, number 1 in line');
  await expectNoAxeViolations(riverside);

  // ---- Every attendee's calendar file: the clinic's one UID and SEQUENCE; a charity's copy names only itself.
  const uid = `clinic-${clinicId}@halfhour`;
  const volunteerInvite = await calendarOf(volunteer, clinicId);
  const secondChapterInvite = await calendarOf(secondChapter, clinicId);
  const canalArtsInvite = await calendarOf(canalArts, clinicId);
  for (const invite of [volunteerInvite, secondChapterInvite, canalArtsInvite]) {
    expect(invite).toMatchObject({ method: 'REQUEST', uid, sequence: volunteerInvite.sequence });
    expect(invite.start.toISOString()).toBe(startsAt.toISOString());
    expect(invite.end.getTime() - invite.start.getTime()).toBe(45 * 60_000);
    expect(invite.attendees).toContain(VOLUNTEER);
  }
  expect(volunteerInvite.attendees).toEqual(expect.arrayContaining([SECOND_CHAPTER.email, CANAL_ARTS.email]));
  expect(secondChapterInvite.attendees).toContain(SECOND_CHAPTER.email);
  expect(secondChapterInvite.text).not.toContain(CANAL_ARTS.email);
  expect(canalArtsInvite.text).not.toContain(SECOND_CHAPTER.email);
  // A place on the waiting list puts nothing in a calendar yet.
  expect((await riverside.request.get(`/api/clinics/${clinicId}/calendar`)).status()).toBe(404);

  // ---- Second Chapter gives up its seat: its calendar copy now cancels the event; the first in line is offered it.
  const since = new Date();
  await secondChapter.getByRole('button', { name: 'Give up our seat' }).click();
  await expect(secondChapter.getByRole('status')).toContainText('Your seat is given up');
  expect(await calendarOf(secondChapter, clinicId)).toMatchObject({ method: 'CANCEL', uid });
  await expect(secondChapter.locator('main')).not.toContainText(clinic.joinDetails);

  const offer = await waitForEmail(RIVERSIDE.email, since, 'A seat is free for you');
  expect(offer.subject).toMatch(/^A seat is free for you/);
  await riverside.goto(linkIn(offer, new RegExp(`http://\\S+/clinics/${clinicId}\\b\\S*`)));
  const held = riverside.getByRole('region', { name: 'A seat is free for you' });
  await expect(held).toContainText(questions.riverside);
  await expectNoAxeViolations(riverside);
  await held.getByRole('button', { name: 'Confirm my seat' }).click();
  await expect(riverside.getByRole('status')).toContainText('Your seat is booked');
  expect(await calendarOf(riverside, clinicId)).toMatchObject({ method: 'REQUEST', uid, sequence: volunteerInvite.sequence });

  // ---- The volunteer sees every charity coming and its question.
  await volunteer.goto(`/clinics/${clinicId}`);
  const coming = volunteer.getByRole('region', { name: 'Who is coming' });
  await expect(coming).toContainText(CANAL_ARTS.org);
  await expect(coming).toContainText(questions.canalArts);
  await expect(coming).toContainText(RIVERSIDE.org);
  await expect(coming).toContainText(questions.riverside);
  await expect(coming).not.toContainText(questions.secondChapter); // gave up its seat
  await expectNoAxeViolations(volunteer);
  await lookAt320(volunteer);

  // ---- Each charity sees its own question, how to join and the volunteer's email, and nothing of the other's.
  for (const [page, own, other] of [
    [canalArts, questions.canalArts, { question: questions.riverside, ...RIVERSIDE }],
    [riverside, questions.riverside, { question: questions.canalArts, ...CANAL_ARTS }],
  ] as const) {
    await page.goto(`/clinics/${clinicId}`);
    const seat = page.getByRole('region', { name: 'Your seat' });
    await expect(seat).toContainText(own);
    await expect(seat).toContainText(clinic.joinDetails);
    await expect(seat).toContainText(VOLUNTEER);
    const main = page.locator('main');
    await expect(main).not.toContainText(other.question);
    await expect(main).not.toContainText(other.org);
    await expect(main).not.toContainText(other.email);
    await expect(page.getByRole('region', { name: 'Who is coming' })).toHaveCount(0);
    await expectNoAxeViolations(page);
    await lookAt320(page);
  }

  // ---- Before the start nobody marks attendance or gives feedback; then the start passes (a test-only hook).
  await expect(volunteer.getByRole('button', { name: `${CANAL_ARTS.org} came` })).toHaveCount(0);
  await expect(canalArts.getByRole('button', { name: 'Send feedback' })).toHaveCount(0);
  expect((await volunteer.request.post(`/api/e2e/clinics/${clinicId}/started`)).status()).toBe(200);

  // The volunteer marks who came: Canal Arts came, Riverside did not.
  await volunteer.reload();
  await volunteer.getByRole('button', { name: `${CANAL_ARTS.org} came` }).click();
  await expect(volunteer.getByRole('status')).toContainText('Attendance saved');
  await volunteer.getByRole('button', { name: `${RIVERSIDE.org} did not come` }).click();
  await expect(volunteer.getByRole('form', { name: `Did ${RIVERSIDE.org} come?` })).toContainText('Marked as did not come');
  await expect(volunteer.getByRole('form', { name: `Did ${CANAL_ARTS.org} come?` })).toContainText('Marked as came');
  await expectNoAxeViolations(volunteer);

  // Canal Arts rates it and thanks the volunteer.
  const thanks = `James got our whole team onto one shared calendar in ten minutes. Thank you! (${run})`;
  await canalArts.reload();
  await canalArts.getByRole('radio', { name: '5 (very useful)' }).check();
  await canalArts.getByLabel('What will you do differently?').fill('Move workshop bookings into one shared calendar this week.');
  await canalArts.getByLabel(/A thank-you for/).fill(thanks);
  await canalArts.getByRole('button', { name: 'Send feedback' }).click();
  await expect(canalArts.getByRole('status')).toContainText('Thank you for your feedback');
  await expect(canalArts.getByRole('button', { name: 'Send feedback' })).toHaveCount(0);
  await expectNoAxeViolations(canalArts);

  // The volunteer reads the rating and the thank-you beside that charity.
  await volunteer.reload();
  await expect(volunteer.getByRole('region', { name: 'Who is coming' })).toContainText(thanks);
  await expect(volunteer.getByRole('region', { name: 'Who is coming' })).toContainText('5 of 5');

  // Canal Arts came, so it books a one-to-one follow-up with James about one of its asks: an ordinary session.
  const [followUpDay] = weekdaysAhead(1, 3);
  await canalArts.locator('summary', { hasText: 'Book a follow-up with' }).click();
  await canalArts
    .getByLabel('Which of your asks is it about?')
    .selectOption({ label: 'Check our website works for visitors using screen readers' });
  await canalArts.locator('#follow-up-date').fill(followUpDay!);
  await canalArts.locator('#follow-up-time').fill('11:00');
  await canalArts.getByRole('button', { name: 'Book the follow-up' }).click();
  await expect(canalArts).toHaveURL(/\/meetings\/[^/?]+/);
  await expect(canalArts.getByRole('status')).toContainText('catch-up is booked');
  await expect(canalArts.getByRole('region', { name: 'When' })).toContainText(
    formatDateTime(zonedTimeToUtc(followUpDay!, '11:00', LONDON), LONDON),
  );
  await expect(canalArts.getByRole('region', { name: 'How to meet' })).toContainText(VOLUNTEER);
  await expectNoAxeViolations(canalArts);
  await canalArts.goto(`/clinics/${clinicId}`);
  await expect(canalArts.getByRole('link', { name: /Your follow-up with/ })).toBeVisible();
});

test('clinics work without JavaScript: mistakes beside their fields, a seat booked, and a cancellation', async ({ browser }) => {
  test.setTimeout(300_000);
  const [day] = weekdaysAhead(1, 16);
  const clinic: ClinicForm = {
    topic: `Cyber security basics for a small office ${run}`,
    description: 'Passwords, two-step sign-in, backups and what to do when someone clicks a bad link: the five things that matter most.',
    bring: 'One question about keeping your charity’s accounts and devices safe.',
    skillArea: 'Digital and IT',
    skill: 'Cyber security basics',
    date: day!,
    time: '10:30',
    minutes: '30',
    joinDetails: 'https://teams.example/l/james-oconnor-cyber',
    seats: '3',
  };
  const noScript = { javaScriptEnabled: false };

  // Mistakes first: no topic and too many seats; each error beside its field, everything typed kept.
  const volunteer = await signedIn(browser, VOLUNTEER, '/clinics/new', noScript);
  await fillClinicForm(volunteer, { ...clinic, topic: '', seats: '12' });
  await volunteer.getByRole('button', { name: 'Send for review' }).click();
  await expect(volunteer.getByRole('alert').first()).toBeVisible();
  await expect(volunteer.locator('#topic-error')).toContainText('Give your clinic a topic');
  await expect(volunteer.locator('#seats-error')).toContainText('at most 8 seats');
  await expect(volunteer.getByLabel('What the clinic covers')).toHaveValue(clinic.description);
  await expect(volunteer.locator('#date')).toHaveValue(day!);
  await expect(volunteer.getByRole('checkbox', { name: clinic.skill })).toBeChecked();
  await volunteer.getByLabel('Topic', { exact: true }).fill(clinic.topic);
  await volunteer.getByLabel('Seats').fill(clinic.seats);
  await volunteer.getByRole('button', { name: 'Send for review' }).click();
  await expect(volunteer.getByRole('status')).toContainText('Your clinic is sent for review');
  const clinicId = clinicIdFrom(volunteer);

  const admin = await signedIn(browser, ADMIN, '/admin/asks', noScript);
  await approveClinic(admin, clinic.topic);

  // A charity books a seat: a question too short first.
  const staff = await signedIn(browser, CANAL_ARTS.email, `/clinics/${clinicId}`, noScript);
  await staff.getByLabel('Your question').fill('Phones?');
  await staff.getByRole('button', { name: 'Book a seat' }).click();
  await expect(staff.locator('#question-error')).toContainText('Write the one question');
  await expect(staff.getByLabel('Your question')).toHaveValue('Phones?');
  await bookSeat(staff, `What should our password policy say for volunteers who use their own phones? (${run})`);
  await expect(staff.getByRole('region', { name: 'Your seat' })).toContainText(clinic.joinDetails);
  await lookAt320(staff);
  const booked = await calendarOf(staff, clinicId);
  expect(booked).toMatchObject({ method: 'REQUEST', uid: `clinic-${clinicId}@halfhour` });

  // The volunteer cancels it: every attendee's calendar copy now says CANCEL, same UID, a later SEQUENCE.
  await volunteer.goto(`/clinics/${clinicId}`);
  await volunteer.locator('summary', { hasText: 'Cancel this clinic' }).click();
  await volunteer.getByLabel('Why is the clinic cancelled?').fill('I have been called away for work that week, sorry.');
  await volunteer.getByRole('button', { name: 'Cancel the clinic' }).click();
  await expect(volunteer.getByRole('status')).toContainText('The clinic is cancelled');
  const cancelled = await calendarOf(staff, clinicId);
  expect(cancelled).toMatchObject({ method: 'CANCEL', uid: booked.uid });
  expect(cancelled.sequence).toBeGreaterThan(booked.sequence);
  expect((await calendarOf(volunteer, clinicId)).method).toBe('CANCEL');
  await staff.goto(`/clinics/${clinicId}`);
  await expect(staff.locator('main')).toContainText('This clinic was cancelled: I have been called away');
  await expect(staff.locator('main')).not.toContainText(clinic.joinDetails);
});
