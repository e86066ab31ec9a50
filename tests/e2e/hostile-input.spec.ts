// Hostile input in Chromium (issue 19, section 4): a new person posts entries of tests/support/hostile-corpus.ts
// through the organisation form, the ask form and their volunteer profile, then reads the pages that show
// them. Nothing they typed runs (no dialog opens, no element or handler of theirs is in the page) and each
// text is shown exactly as typed, in the page and back in the form. tests/security/hostile-input.test.ts
// sends the whole corpus through every field without a browser.
import { type Page } from '@playwright/test';
import { HOSTILE_CORPUS } from '../support/hostile-corpus';
import { signIn } from './support/mail';
import { expect, test } from './support/test';

const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
const entry = (name: string) => {
  const found = HOSTILE_CORPUS.find((candidate) => candidate.name === name);
  if (!found) throw new Error(`No corpus entry named ${name}`);
  return found.text;
};

// Short enough for the ask's title (120), each with something a browser would run if it were markup.
const TITLE = `<img src=x onerror="alert(document.cookie)"> our logo ${run}`;
const QUESTION = [entry('script tag'), entry('attribute breakout'), entry('javascript: link'), entry('textarea and title breakout')].join(
  ' ',
);
const OUTCOME = `${entry('svg onload')} ${entry('right-to-left override')} ${entry('emoji with ZWJ sequences')}`;
const ORGANISATION = `<script>alert("org")</script> Pantry ${run}`;
const HEADLINE = `"><svg onload=alert(1)> bid writer ${run}`;
const BIO = `${entry('iframe srcdoc')} ${entry('template markup')} ${entry('markdown links')}`;

/** Elements and attributes the input would have added had it been read as markup. */
const INJECTED = [
  'img[onerror]',
  'img[src="x"]',
  'svg[onload]',
  '[onmouseover]',
  '[onfocus]',
  'iframe[srcdoc]',
  'a[href^="javascript:"]',
].join(', ');

/** Fails the test if any dialog opens on `page` (an alert from the input would), and says which. */
function forbidDialogs(page: Page): string[] {
  const opened: string[] = [];
  page.on('dialog', async (dialog) => {
    opened.push(`${dialog.type()}: ${dialog.message()} on ${page.url()}`);
    await dialog.dismiss();
  });
  return opened;
}

async function expectInert(page: Page, opened: string[]) {
  await expect(page.locator(INJECTED)).toHaveCount(0);
  // A handler that would have run on load has had its chance; none did.
  expect(opened).toEqual([]);
}

test('what a person types is shown as text and never runs', async ({ page }) => {
  test.setTimeout(180_000);
  const opened = forbidDialogs(page);

  await signIn(page, `hostile.${run}@e2e.example`);
  await expect(page).toHaveURL(/\/onboarding/);
  // A name takes no markup; letters from any script and emoji it does.
  await page.getByLabel('Your name').fill('Zoë 👩‍👩‍👧‍👦 \u202Eretsam\u202C');
  await page.getByLabel('I work for a charity or social enterprise').check();
  await page.getByRole('button', { name: 'Continue' }).click();

  // ---- The organisation.
  await expect(page).toHaveURL(/\/organisations\/new/);
  await page.getByLabel('Organisation name').fill(ORGANISATION);
  await page.getByLabel('What kind of organisation is it?').selectOption({ label: 'Community group' });
  await page.getByLabel('Poverty').check();
  await page.getByLabel('Where do you mainly work?').selectOption({ label: 'Yorkshire and the Humber' });
  await page.getByLabel('Yearly income').selectOption({ label: 'Income under £10,000' });
  await page.getByLabel('What does your organisation do?').fill(`${entry('CRLF header injection')} ${entry('SQL-ish quotes')}`);
  await page.getByRole('button', { name: 'Create organisation' }).click();
  await expect(page.getByRole('heading', { level: 1, name: ORGANISATION })).toBeVisible();
  await expectInert(page, opened);

  // ---- An ask, saved as a draft, then its page and its form again.
  await page.goto('/my-asks/new');
  await expect(page.getByRole('heading', { level: 1, name: 'Post an ask' })).toBeVisible();
  await page.getByLabel('Title').fill(TITLE);
  await page.getByLabel('Your question').fill(QUESTION);
  await page.getByLabel('What would a good outcome look like?').fill(OUTCOME);
  await page.getByRole('button', { name: 'Save as draft' }).click();
  await expect(page).toHaveURL(/\/my-asks\/[^/?]+\?notice=saved/);
  const askPage = page.url().split('?')[0]!;
  const main = page.getByRole('main');
  await expect(page.getByRole('heading', { level: 1, name: TITLE })).toBeVisible();
  await expect(main).toContainText(QUESTION);
  await expect(main).toContainText(OUTCOME);
  await expectInert(page, opened);

  await page.goto(`${askPage}/edit`);
  await expect(page.getByLabel('Title')).toHaveValue(TITLE);
  await expect(page.getByLabel('Your question')).toHaveValue(QUESTION);
  await expect(page.getByLabel('What would a good outcome look like?')).toHaveValue(OUTCOME);
  await expectInert(page, opened);

  await page.goto('/my-asks');
  await expect(page.getByRole('main')).toContainText(TITLE);
  await expectInert(page, opened);

  // ---- The volunteer profile (anyone signed in may add one).
  await page.goto('/volunteer/profile');
  await page.getByLabel('Headline').fill(HEADLINE);
  await page.getByLabel('About your experience').fill(BIO);
  await page.getByText('Finance and bookkeeping', { exact: false }).first().click();
  await page.getByLabel('Cashbook in Excel').selectOption({ label: 'Expert' });
  await page.getByRole('checkbox', { name: 'Video call', exact: true }).check();
  await page.getByLabel('Your time zone').selectOption('Europe/London');
  await page.getByLabel('Sessions a month you are happy to give').fill('3');
  await page.getByRole('button', { name: 'Create my volunteer profile' }).click();
  await expect(page.getByRole('status')).toContainText('Your volunteer profile is ready');
  await expectInert(page, opened);

  await page.goto('/volunteer/profile');
  await expect(page.getByLabel('Headline')).toHaveValue(HEADLINE);
  await expect(page.getByLabel('About your experience')).toHaveValue(BIO);
  await expectInert(page, opened);

  // ---- The dashboard, which names the person, their organisation and their draft.
  await page.goto('/dashboard');
  await expect(page.getByRole('main')).toContainText(ORGANISATION);
  await expectInert(page, opened);
});
