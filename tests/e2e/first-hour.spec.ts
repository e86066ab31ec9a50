// A new charity's first hour, as the issue that found its rough edges walked it: sign up, add the
// organisation, write an ask, an admin approves it and verifies the organisation, a new volunteer offers,
// the charity accepts, the session is moved and cancelled. Along the way: the header knows about the new
// organisation without a reload; a checklist leads the charity through its first steps and the one
// destructive control is folded away; every email says what actually happened, and its button, followed
// as its recipient, leads to a page where the promised action is there.
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { formatDateTime } from '../../lib/dates';
import { zonedTimeToUtc } from '../../lib/time-zones';
import { promisedControl } from '../support/email-buttons';
import { expectNoAxeViolations } from './support/accessibility';
import { weekdaysAhead } from './support/journeys';
import { signIn, waitForEmail } from './support/mail';

const LONDON = 'Europe/London';
const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const unique = (name: string) => `${name}.${run}@e2e.example`;

/** A page in a browser of its own, signed in through the magic link. */
async function newPerson(browser: Browser, email: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email);
  return page;
}

type Email = Awaited<ReturnType<typeof waitForEmail>>;

/**
 * Follows the email's one button as its recipient (already signed in on `page`) and checks the page it
 * opens has what the button promised (tests/support/email-buttons.ts). Returns the label it followed.
 */
async function followButton(page: Page, email: Email): Promise<string> {
  // The plain text prints the button as its label, then its address, alone on a line.
  const buttons = [...email.text.matchAll(/^(\S[^\n]*?) (http:\/\/\S+)$/gm)].filter(([, label]) => promisedControl(label!.trim()));
  expect(buttons, `one button in "${email.subject}"`).toHaveLength(1);
  const [, label, url] = buttons[0]!;
  const control = promisedControl(label!.trim())!;
  await page.goto(url!);
  await expect(
    page.getByRole(control.role, { name: control.name }).first(),
    `"${label}" leads to ${control.role} ${control.name}`,
  ).toBeVisible();
  return label!.trim();
}

test('a new charity signs up, posts an ask, gets it verified and published, and books, moves and cancels a session', async ({
  browser,
}) => {
  test.setTimeout(300_000);
  const charityEmail = unique('fridge');
  const volunteerEmail = unique('callum');
  const orgName = `Chapeltown Community Fridge ${run}`;
  const title = `Set up a cashbook in Excel for our fridge ${run}`;

  // ---- Sign up and add the organisation, with JavaScript (the header is a client-side slot).
  const charity = await newPerson(browser, charityEmail);
  await expect(charity).toHaveURL(/\/onboarding/);
  await charity.getByLabel('Your name').fill('Nadia Hussain');
  await charity.getByLabel('I work for a charity or social enterprise').check();
  await charity.getByRole('button', { name: 'Continue' }).click();
  await expect(charity).toHaveURL(/\/organisations\/new/);
  const header = charity.getByRole('navigation', { name: 'Main' });
  await expect(header).toContainText('Nadia Hussain');
  await expect(header.getByRole('link', { name: 'Your asks' })).toHaveCount(0);

  await charity.getByLabel('Organisation name').fill(orgName);
  await charity.getByLabel('What kind of organisation is it?').selectOption({ label: 'Community group' });
  await charity.getByLabel('Poverty').check();
  await charity.getByLabel('Where do you mainly work?').selectOption({ label: 'Yorkshire and the Humber' });
  await charity.getByLabel('Yearly income').selectOption({ label: 'Income under £10,000' });
  await charity
    .getByLabel('What does your organisation do?')
    .fill('A community fridge in Chapeltown sharing surplus food from local shops.');
  await charity.getByRole('button', { name: 'Create organisation' }).click();
  await expect(charity.getByRole('heading', { level: 1, name: orgName })).toBeVisible();

  // The header knows they are staff now, without a reload, here and after moving on.
  await expect(header.getByRole('link', { name: 'Your asks' })).toBeVisible();
  // The next step leads; leaving the organisation is folded away at the foot of the page.
  const steps = charity.getByRole('region', { name: `Getting started: ${orgName}` });
  await expect(steps).toContainText('Done: Organisation added');
  await expect(steps).toContainText('To do: Organisation verified by our team');
  await expect(steps.getByRole('link', { name: 'Write your first ask' })).toBeVisible();
  await expect(charity.locator('button[type="submit"]', { hasText: /^Leave / })).toBeHidden();
  // Opened, it says why the only owner cannot leave yet rather than offering a button that would refuse.
  await charity.locator('summary', { hasText: `Leave ${orgName}` }).click();
  await expect(charity.getByText('You are its only owner')).toBeVisible();
  await expect(charity.locator('button[type="submit"]', { hasText: /^Leave / })).toHaveCount(0);
  await expectNoAxeViolations(charity);

  await header.getByRole('link', { name: 'Dashboard' }).click();
  await expect(charity.getByRole('heading', { level: 1, name: 'Hello, Nadia Hussain' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Your asks' })).toBeVisible();
  await expect(charity.getByRole('region', { name: `Getting started: ${orgName}` })).toContainText('To do: First ask written');
  await expectNoAxeViolations(charity);

  // ---- The first ask, from the checklist.
  await charity
    .getByRole('region', { name: `Getting started: ${orgName}` })
    .getByRole('link', { name: 'Write your first ask' })
    .click();
  await expect(charity.getByRole('heading', { level: 1, name: 'Post an ask' })).toBeVisible();
  await expect(header.getByRole('link', { name: 'Your asks' })).toBeVisible();
  await charity.getByLabel('Title').fill(title);
  await charity
    .getByLabel('Your question')
    .fill('We take small cash donations at the fridge. How should we lay out a simple cashbook so our treasurer can reconcile it monthly?');
  await charity.getByLabel('What would a good outcome look like?').fill('A cashbook template we can use from next week.');
  await charity.getByText('Finance and bookkeeping', { exact: false }).first().click(); // open the category
  await charity.getByLabel(/^Cashbook in Excel/).check();
  await charity.getByRole('button', { name: 'Submit for review' }).click();
  await expect(charity.getByRole('status')).toContainText(/review/i);
  const askId = new URL(charity.url()).pathname.split('/')[2]!;

  // ---- An admin approves it while the organisation still waits: the email says exactly that.
  const admin = await newPerson(browser, 'admin@halfhour.example');
  await admin.goto('/admin/asks');
  let since = new Date();
  await admin.getByRole('button', { name: `Approve “${title}”` }).click();
  await expect(admin.getByRole('status')).toContainText('Approved. It will be published as soon as its organisation is verified');
  const approved = await waitForEmail(charityEmail, since, title);
  expect(approved.subject).toMatch(/^Your ask is approved:/);
  expect(approved.text).toContain('it will be published as soon as the organisation is verified');
  expect(approved.text).not.toMatch(/Your ask is live|can now see it/);
  expect(await followButton(charity, approved)).toBe('View your ask');
  // Nobody else can see it yet.
  const visitor = await (await browser.newContext()).newPage();
  expect((await visitor.goto(`/asks/${askId}`))?.status()).toBe(404);
  await charity.goto('/dashboard');
  await expect(charity.getByRole('region', { name: `Getting started: ${orgName}` })).toContainText(
    'Approved: it will be published as soon as your organisation is verified.',
  );

  // ---- Verification publishes it, and that email is the "live" one; its button leads to the ask form.
  since = new Date();
  await admin.goto('/admin/organisations');
  // A community group has no registration number to check: the admin vouches for it, saying why (a note is required).
  await admin.getByRole('button', { name: `Vouch for it and verify ${orgName}` }).click();
  await expect(admin.getByLabel(`Why you vouch for ${orgName}`)).toHaveAttribute('aria-invalid', 'true');
  await admin.getByLabel(`Why you vouch for ${orgName}`).fill('Visited the fridge in Chapeltown and met Nadia and two volunteers.');
  await admin.getByRole('button', { name: `Vouch for it and verify ${orgName}` }).click();
  const verified = await waitForEmail(charityEmail, since, 'is verified');
  expect(verified.subject).toBe(`${orgName} is verified: your ask is live`);
  expect(verified.text).toContain(`http://127.0.0.1:${new URL(charity.url()).port}/asks/${askId}`);
  expect(await followButton(charity, verified)).toBe('Post an ask');
  await expect(async () => {
    expect((await visitor.goto(`/asks/${askId}`))?.status()).toBe(200);
  }).toPass({ timeout: 5_000 });

  // ---- A new volunteer offers, inside the charity's weekday 09:30-16:00 window, in UK time.
  const volunteer = await newPerson(browser, volunteerEmail);
  await volunteer.getByLabel('Your name').fill('Callum Reid');
  await volunteer.getByLabel('I want to volunteer').check();
  await volunteer.getByRole('button', { name: 'Continue' }).click();
  await volunteer.getByLabel('Headline').fill('Retired treasurer of a food bank');
  await volunteer.getByLabel('About your experience').fill('Twenty years keeping the books of small charities.');
  await volunteer.getByText('Finance and bookkeeping', { exact: false }).first().click();
  await volunteer.getByLabel('Cashbook in Excel').selectOption({ label: 'Expert' });
  await volunteer.getByRole('checkbox', { name: 'Video call', exact: true }).check();
  await volunteer.getByLabel('Your time zone').selectOption(LONDON);
  await volunteer.getByLabel('Sessions a month you are happy to give').fill('3');
  await volunteer.getByRole('button', { name: 'Create my volunteer profile' }).click();
  await expect(volunteer.getByRole('status')).toContainText('Your volunteer profile is ready');

  const [day1, day2, moveDay] = weekdaysAhead(3, 3);
  since = new Date();
  await volunteer.goto(`/asks/${askId}/offer`);
  await volunteer.getByLabel('Your message to the charity').fill('I set up cashbooks for three food banks; happy to share a template.');
  await volunteer.getByRole('radio', { name: 'Video call' }).check();
  for (const [index, date] of [day1!, day2!].entries()) {
    await volunteer.locator(`#time${index + 1}Date`).fill(date);
    await volunteer.locator(`#time${index + 1}Time`).fill('11:00');
  }
  await volunteer.getByLabel('Your video link or phone number (optional)').fill('https://video.example/callum');
  await volunteer.getByRole('button', { name: 'Send my offer' }).click();
  await expect(volunteer.getByRole('status')).toContainText('Your offer is sent');

  const offered = await waitForEmail(charityEmail, since, 'Callum Reid');
  expect(await followButton(charity, offered)).toBe('Review the offer');
  await expectNoAxeViolations(charity);

  // ---- The charity accepts; both sides are booked, each email reads right and leads to the session.
  const chosen = zonedTimeToUtc(day2!, '11:00', LONDON);
  since = new Date();
  const callums = charity.getByRole('article', { name: 'Callum Reid' });
  await callums.getByRole('radio', { name: formatDateTime(chosen, LONDON) }).check();
  await callums.getByRole('button', { name: 'Accept and book' }).click();
  await expect(charity).toHaveURL(/\/meetings\/[^/?]+\?notice=booked/);
  const meetingPath = new URL(charity.url()).pathname;

  const bookedForVolunteer = await waitForEmail(volunteerEmail, since, 'is booked');
  expect(bookedForVolunteer.text).toContain(`Your session with ${orgName} about “${title}” is booked.`);
  expect(await followButton(volunteer, bookedForVolunteer)).toBe('View the session');
  const bookedForCharity = await waitForEmail(charityEmail, since, 'is booked');
  expect(bookedForCharity.text).toContain(`Your session with Callum Reid about “${title}”`);
  expect(await followButton(charity, bookedForCharity)).toBe('View the session');

  // Every first step is done: the checklist has done its job and goes.
  await charity.goto('/dashboard');
  await expect(charity.getByRole('heading', { level: 1, name: 'Hello, Nadia Hussain' })).toBeVisible();
  await expect(charity.getByRole('region', { name: `Getting started: ${orgName}` })).toHaveCount(0);

  // ---- The charity proposes a new time; the volunteer's email names who asked, once, and leads to the answer.
  await charity.goto(meetingPath);
  since = new Date();
  await charity.getByText('Propose a new time').click();
  await charity.locator('#move-date').fill(moveDay!);
  await charity.locator('#move-time').fill('14:00');
  await charity.getByRole('button', { name: 'Propose this time' }).click();
  await expect(charity.getByRole('status')).toContainText('New time proposed');
  const proposal = await waitForEmail(volunteerEmail, since, 'asked to move');
  expect(proposal.text).toContain(`Nadia Hussain from ${orgName} asked to move your session about “${title}”.`);
  expect(await followButton(volunteer, proposal)).toBe('Answer the request');
  since = new Date();
  await volunteer.getByRole('button', { name: 'Accept the new time' }).click();
  await expect(volunteer.getByRole('status')).toContainText('The session has moved');
  const moved = await waitForEmail(charityEmail, since, 'has moved');
  expect(await followButton(charity, moved)).toBe('View the session');

  // ---- The charity cancels; the volunteer reads who cancelled, the charity named once.
  since = new Date();
  await charity.getByText('Cancel this session').first().click();
  await charity.getByLabel('Why are you cancelling?').fill('Our treasurer has found a template that works for us.');
  await charity.getByRole('button', { name: 'Cancel this session' }).click();
  await expect(charity.getByRole('status')).toContainText('The session is cancelled');
  await expect(charity.getByRole('status')).toContainText('Your ask is open for offers again');
  const cancelled = await waitForEmail(volunteerEmail, since, 'cancelled');
  expect(cancelled.text).toContain(`Nadia Hussain from ${orgName} cancelled your session about “${title}”`);
  expect(cancelled.text).not.toContain(`with ${orgName} about`);
  expect(await followButton(volunteer, cancelled)).toBe('View the session');
  // The charity's own calendar took the booking's invite: their confirmation carries the CANCEL.
  const ownCopy = await waitForEmail(charityEmail, since, 'You cancelled your session');
  expect(ownCopy.text).toContain(`You cancelled your session with Callum Reid about “${title}”`);
});
