// Asks from first draft to the public list: the coach, splitting into stages, moderation, the author's
// edits, and a signed-out visitor finding the ask by skill and by a misspelt word. Every page is checked by axe.
import { type Browser, type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations } from './support/accessibility';
import { signIn } from './support/mail';

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
// A made-up word no seeded ask uses, so search finds exactly this run's ask.
const marker = `Kittiwake${run.replace(/\d/g, '').slice(0, 4)}`;

async function signedIn(browser: Browser, email: string, path: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  await signIn(page, email, path);
  await expect(page).toHaveURL(new RegExp(path.replace(/[/?]/g, '\\$&')));
  return page;
}

/** The id in /my-asks/<id>. */
function askIdFrom(page: Page): string {
  const match = new URL(page.url()).pathname.match(/\/my-asks\/([^/]+)/);
  if (!match) throw new Error(`not on an ask page: ${page.url()}`);
  return match[1]!;
}

async function fillStage(page: Page, n: number, title: string, question: string, skill: string, duration: string) {
  await page.getByLabel(`Stage ${n} title`).fill(title);
  await page.getByLabel(`Stage ${n} question`).fill(question);
  await page.getByLabel(`Stage ${n} main skill`).selectOption({ label: skill });
  await page.getByLabel(`Stage ${n} session length`).selectOption({ label: duration });
}

test('staff write and split asks, an admin moderates, the author resubmits, and the public finds them', async ({ browser }) => {
  test.setTimeout(240_000);
  const staff = await signedIn(browser, 'charity@halfhour.example', '/dashboard');
  await staff.getByRole('link', { name: 'Post an ask' }).click();
  await expect(staff.getByRole('heading', { level: 1, name: 'Post an ask' })).toBeVisible();
  await expectNoAxeViolations(staff);

  // A broad ask: the coach says why and suggests a concrete rewrite.
  await staff.getByLabel('Title').fill('Help with marketing');
  await staff.getByLabel('Your question').fill('How do we get more people to know about us?');
  await staff.getByRole('button', { name: 'Check my ask' }).click();
  const coach = staff.getByRole('region', { name: 'The ask coach' });
  await expect(coach).toContainText('too broad for one short session');
  await expect(coach).toContainText('Name the one thing you want to get done');
  await expectNoAxeViolations(staff);

  // Improved: specific, with an outcome and context; the coach now suggests skills from the words.
  const title = `Plan our first ${marker} newsletter to 400 supporters`;
  await staff.getByLabel('Title').fill(title);
  await staff
    .getByLabel('Your question')
    .fill(
      'We have 400 supporters’ emails in a spreadsheet and have never sent a newsletter. What should the first email newsletter say, and should we send it with Mailchimp?',
    );
  await staff
    .getByLabel('What would a good outcome look like?')
    .fill('An outline of the first newsletter and a decision on which tool to send it with.');
  await staff
    .getByLabel(/What should the volunteer know/)
    .fill('We are a youth club in Leeds; most supporters are parents and local businesses.');
  await staff.getByRole('button', { name: 'Check my ask' }).click();
  await expect(coach).toContainText('specific and answerable');
  await expect(coach).toContainText('Email newsletters');
  await staff.getByLabel('Email newsletters (suggested)').check();
  await staff.getByRole('button', { name: 'Submit for review' }).click();
  await expect(staff.getByRole('status')).toContainText('Sent for review');
  await expect(staff.getByRole('heading', { level: 1, name: title })).toBeVisible();
  const newsletterId = askIdFrom(staff);
  await expectNoAxeViolations(staff);

  // Another broad ask, split into three stages.
  await staff.goto('/my-asks/new');
  await staff.getByLabel('Title').fill('Help us write our funding application to the council');
  await staff.getByLabel('Your question').fill('We need to apply to the council’s community fund for our Saturday sessions.');
  await staff.getByRole('button', { name: 'Save as draft' }).click();
  await expect(staff.getByRole('status')).toContainText('Saved as a draft');
  await staff.getByRole('link', { name: 'Too big? Split it into stages' }).click();
  await expectNoAxeViolations(staff);
  await staff.getByRole('button', { name: 'Split into these stages' }).click(); // nothing filled in
  await expect(staff.locator('#stages-error')).toContainText('Fill in at least 2 stages');
  await staff.getByLabel('What is the bigger piece of work called?').fill(`Our council bid ${run}`);
  await fillStage(
    staff,
    1,
    `Should we apply to the council fund ${run}?`,
    'Is two years of accounts enough track record for this fund, or should we wait a year?',
    'Fundraising strategy',
    '30 minutes',
  );
  await fillStage(
    staff,
    2,
    `How should we answer the outcomes question ${run}?`,
    'Our draft lists activities. How do we turn it into outcomes we can evidence, in 300 words?',
    'Grant applications',
    '45 minutes',
  );
  await fillStage(
    staff,
    3,
    `Does our finished bid read well ${run}?`,
    'Would an assessor want to read on after our first paragraph? What would you cut?',
    'Reviewing a draft bid',
    '20 minutes',
  );
  await staff.getByRole('button', { name: 'Split into these stages' }).click();
  await expect(staff.getByRole('status')).toContainText('Split into stages');
  const stages = staff.getByRole('region', { name: /Part of: Our council bid/ });
  await expect(stages.getByRole('listitem')).toHaveCount(4); // the broad ask and three stages
  const stageLinks = [
    await staff.url(),
    ...(await stages.getByRole('link').evaluateAll((links) => links.map((a) => (a as HTMLAnchorElement).href))),
  ];
  const stageIds: string[] = [];
  for (const href of stageLinks) {
    const id = new URL(href).pathname.split('/')[2]!;
    await staff.goto(`/my-asks/${id}`);
    if (!(await staff.getByRole('heading', { level: 1 }).innerText()).includes(run)) continue; // the broad ask
    stageIds.push(id);
    await staff.getByRole('link', { name: 'Edit and submit' }).click();
    await staff.getByLabel('What would a good outcome look like?').fill('A clear answer we can act on this week.');
    await staff.getByRole('button', { name: 'Submit for review' }).click();
    await expect(staff.getByRole('status')).toContainText('Sent for review');
  }
  expect(stageIds).toHaveLength(3);

  // The admin sends the newsletter ask back and approves the stages.
  const admin = await signedIn(browser, 'admin@halfhour.example', '/admin/asks');
  await expectNoAxeViolations(admin);
  const newsletter = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: title }) });
  await newsletter
    .getByLabel('What should they change?')
    .fill('Please say roughly how often you want to send it, so the volunteer can suggest a plan.');
  await newsletter.getByRole('button', { name: /Request changes/ }).click();
  await expect(admin.getByRole('status')).toContainText('Sent back to the charity');
  for (const stageTitle of [
    `Should we apply to the council fund ${run}?`,
    `How should we answer the outcomes question ${run}?`,
    `Does our finished bid read well ${run}?`,
  ]) {
    await admin.getByRole('button', { name: `Approve “${stageTitle}”` }).click();
    await expect(admin.getByRole('status')).toContainText('Approved');
  }

  // The author sees the message, edits and resubmits; the admin approves.
  await staff.goto('/my-asks');
  await expect(staff.getByText('Please say roughly how often you want to send it')).toBeVisible();
  await expectNoAxeViolations(staff);
  await staff.goto(`/my-asks/${newsletterId}`);
  await expect(staff.getByText('What the moderator asked you to change')).toBeVisible();
  await staff.getByRole('link', { name: 'Edit and resubmit' }).click();
  await staff
    .getByLabel(/What should the volunteer know/)
    .fill('We are a youth club in Leeds. We would like to send it once a month, to parents and local businesses.');
  await staff.getByRole('button', { name: 'Submit for review' }).click();
  await expect(staff.getByRole('status')).toContainText('Sent for review');
  await admin.goto('/admin/asks');
  await admin.getByRole('button', { name: `Approve “${title}”` }).click();
  await expect(admin.getByRole('status')).toContainText('Approved');

  // A signed-out visitor finds it by skill and by a misspelt word, and opens it from a shared address.
  const visitor = await (await browser.newContext()).newPage();
  await visitor.goto('/asks');
  await expectNoAxeViolations(visitor);
  await visitor.getByLabel('Skill', { exact: true }).selectOption({ label: 'Email newsletters' });
  await visitor.getByRole('button', { name: 'Show asks' }).click();
  await expect(visitor.getByRole('link', { name: title })).toBeVisible();
  await visitor.getByLabel('Search asks').fill(marker.toLowerCase().replace('kittiwake', 'kitiwake'));
  await visitor.getByLabel('Skill', { exact: true }).selectOption({ label: 'Any skill' });
  await visitor.getByRole('button', { name: 'Show asks' }).click();
  await expect(visitor.getByRole('link', { name: title })).toBeVisible();
  await expectNoAxeViolations(visitor);
  const shared = visitor.url();
  expect(shared).toContain('q=');

  const friend = await (await browser.newContext()).newPage();
  await friend.goto(shared);
  await friend.getByRole('link', { name: title }).click();
  await expect(friend.getByRole('heading', { level: 1, name: title })).toBeVisible();
  await expectNoAxeViolations(friend);

  // The stages are public, in order, on their project's page.
  await friend.goto(`/asks/${stageIds[1]}`);
  await friend.getByRole('link', { name: `Our council bid ${run}` }).click();
  await expect(friend.getByRole('heading', { level: 2 })).toHaveText([
    `Stage 1: Should we apply to the council fund ${run}?`,
    `Stage 2: How should we answer the outcomes question ${run}?`,
    `Stage 3: Does our finished bid read well ${run}?`,
  ]);
  await expectNoAxeViolations(friend);
});

test.describe('without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the ask form, the coach and moderation decisions all work', async ({ browser }) => {
    test.setTimeout(120_000);
    const staff = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signIn(staff, 'charity@halfhour.example', '/my-asks/new');
    await expect(staff).toHaveURL(/\/my-asks\/new/);
    await staff.getByLabel('Title').fill('Help with fundraising');
    await staff.getByRole('button', { name: 'Check my ask' }).click();
    await expect(staff.getByRole('region', { name: 'The ask coach' })).toContainText('too broad');
    await expect(staff.getByLabel('Title')).toHaveValue('Help with fundraising');

    // Problems beside their fields, with what was typed kept.
    await staff.getByRole('button', { name: 'Submit for review' }).click();
    await expect(staff.locator('#question-error')).toContainText('Write the specific question you want answered');
    await expect(staff.locator('#skills-error')).toContainText('Choose at least one skill this ask needs.');
    await expect(staff.getByLabel('Title')).toHaveValue('Help with fundraising');
    await expect(staff.getByLabel('Your question')).toHaveAttribute('aria-invalid', 'true');

    const title = `Which three local trusts should we approach for £5k ${run}?`;
    await staff.getByLabel('Title').fill(title);
    await staff
      .getByLabel('Your question')
      .fill(
        'Our Saturday club needs £5k for next year. Which three trusts in Leeds fund youth work at that size, and how should we approach them?',
      );
    await staff.getByLabel('What would a good outcome look like?').fill('Three trusts to approach and the first line of each letter.');
    await staff.getByRole('group', { name: 'Skills this ask needs' }).getByText('Fundraising', { exact: true }).click(); // open the category
    await staff.getByLabel(/^Trusts and foundations/).check();
    await staff.getByRole('button', { name: 'Submit for review' }).click();
    await expect(staff.getByRole('status')).toContainText('Sent for review');

    const admin = await (await browser.newContext({ javaScriptEnabled: false })).newPage();
    await signIn(admin, 'admin@halfhour.example', '/admin/asks');
    const item = admin.getByRole('listitem').filter({ has: admin.getByRole('heading', { name: title }) });
    await item.getByRole('button', { name: /Request changes/ }).click(); // no message
    await expect(item.getByLabel('What should they change?')).toHaveAttribute('aria-invalid', 'true');
    await expect(item.getByRole('alert')).toContainText('Tell the charity what to change');
    await admin
      .getByRole('listitem')
      .filter({ has: admin.getByRole('heading', { name: title }) })
      .getByLabel('Why reject it?')
      .fill('We only publish asks for organisations that are not grant-makers themselves.');
    await admin
      .getByRole('listitem')
      .filter({ has: admin.getByRole('heading', { name: title }) })
      .getByRole('button', { name: /Reject/ })
      .click();
    await expect(admin.getByRole('status')).toContainText('Rejected');
    await staff.goto('/my-asks');
    await expect(staff.getByText('We only publish asks for organisations that are not grant-makers themselves.')).toBeVisible();
  });
});
