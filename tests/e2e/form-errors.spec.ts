// A form that comes back with problems lists them all at once in an error summary at the top, each a link
// to its field, with everything typed kept; a long text is counted, never cut short, and the server refuses
// what is too long with a clear error. The same with JavaScript and without.
import { type Page } from '@playwright/test';
import { expect, test } from './support/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { signIn } from './support/mail';

const STAFF = 'charity@halfhour.example';
/** Every problem an ask sent for review with nothing filled in has, in the order of the form. */
const EMPTY_ASK_PROBLEMS = ['#title', '#question', '#outcome', '#skills', '#media', '#availability', '#deadline'];

async function openNewAsk(page: Page) {
  await signIn(page, STAFF, '/my-asks/new');
  await expect(page).toHaveURL(/\/my-asks\/new/);
  await expect(page.getByRole('heading', { level: 1, name: 'Post an ask' })).toBeVisible();
}

/** Empties what a new ask starts with: the ways to meet, the weekday times and the deadline. */
async function clearAskDefaults(page: Page) {
  await page.getByLabel('Video call').uncheck();
  await page.getByLabel('Phone', { exact: true }).uncheck();
  for (const weekday of [1, 2, 3, 4, 5]) await page.locator(`#day-${weekday}`).uncheck();
  await page.getByLabel('Needed by').fill('');
}

const summaryOf = (page: Page) => page.getByRole('main').getByRole('alert');

for (const javaScriptEnabled of [true, false]) {
  test.describe(javaScriptEnabled ? 'with JavaScript' : 'with JavaScript turned off', () => {
    test.use({ javaScriptEnabled });

    test('an empty ask sent for review lists every problem at once, each a link to its field', async ({ page }) => {
      test.setTimeout(120_000);
      await openNewAsk(page);
      await clearAskDefaults(page);
      const context = 'We are a youth club in Chapeltown, Leeds; most of our supporters are parents.';
      await page.getByLabel(/What should the volunteer know/).fill(context);
      await page.getByRole('button', { name: 'Submit for review' }).click();

      const summary = summaryOf(page);
      await expect(summary).toContainText('There is a problem');
      const links = summary.getByRole('link');
      await expect(links).toHaveCount(EMPTY_ASK_PROBLEMS.length);
      expect(await links.evaluateAll((anchors) => anchors.map((anchor) => anchor.getAttribute('href')))).toEqual(EMPTY_ASK_PROBLEMS);
      await expect(summary).toContainText('Give your ask a title of at least 10 characters');
      await expect(summary).toContainText('Write the specific question you want answered');
      await expect(summary).toContainText('Choose at least one skill this ask needs.');
      await expect(summary).toContainText('Choose at least one way you could meet.');
      await expect(summary).toContainText('Tick at least one day you could meet');
      await expect(summary).not.toContainText('Please correct the problems below');
      // With JavaScript the summary takes focus, so it is read out and the keyboard starts from it.
      if (javaScriptEnabled) await expect(page.locator(':focus')).toContainText('There is a problem');

      // Each error is also beside its field, and what was typed is still there.
      await expect(page.locator('#title-error')).toContainText('Give your ask a title');
      await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
      await expect(page.locator('#skills-error')).toContainText('Choose at least one skill this ask needs.');
      await expect(page.getByLabel(/What should the volunteer know/)).toHaveValue(context);
      // axe runs as a script in the page, so it checks the page with JavaScript; the same markup is served without.
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      // Each link moves focus to its field: the input, or the group of boxes.
      for (const [index, target] of EMPTY_ASK_PROBLEMS.entries()) {
        await links.nth(index).click();
        await expect(page.locator(target)).toBeFocused();
      }

      // The keyboard reaches the links too.
      await links.first().focus();
      await page.keyboard.press('Enter');
      await expect(page.getByLabel('Title')).toBeFocused();

      // On a narrow phone the summary fits.
      await page.setViewportSize({ width: 320, height: 800 });
      await expectNoHorizontalScroll(page);
    });

    test('a pasted title longer than the limit is kept whole, counted, and refused by the server', async ({ page }) => {
      test.setTimeout(120_000);
      await openNewAsk(page);
      const title = page.getByLabel('Title');
      const tooLong = 'Check the opening paragraph of our lottery bid, '.repeat(3).slice(0, 130);
      expect(tooLong).toHaveLength(130);
      const count = page.locator('p[aria-hidden="true"]', { hasText: /^You have .* characters? (remaining|too many)$/ }).first();

      if (javaScriptEnabled) {
        await expect(count).toHaveText('You have 120 characters remaining');
      } else {
        await expect(page.locator('#title-info')).toHaveText('You can enter up to 120 characters');
      }
      // Typed in one go, as a paste is: nothing is cut off at 120.
      await title.fill(tooLong);
      await expect(title).toHaveValue(tooLong);
      await expect(title).toHaveAttribute('aria-describedby', /title-info/);
      if (javaScriptEnabled) {
        await expect(count).toHaveText('You have 10 characters too many');
        await expect(count).toHaveClass(/text-red-800/);
        // Read out politely once the typing stops.
        await expect(page.locator('[aria-live="polite"]', { hasText: 'You have 10 characters too many' })).toHaveCount(1);
      }

      await page.getByRole('button', { name: 'Save as draft' }).click();
      await expect(summaryOf(page)).toContainText('Keep the title to 120 characters or fewer.');
      await expect(summaryOf(page).getByRole('link', { name: 'Keep the title to 120 characters or fewer.' })).toHaveAttribute(
        'href',
        '#title',
      );
      await expect(page.locator('#title-error')).toContainText('Keep the title to 120 characters or fewer.');
      // Every character typed comes back, for the person to shorten.
      await expect(title).toHaveValue(tooLong);
      if (javaScriptEnabled) await expect(count).toHaveText('You have 10 characters too many');
      else await expect(page.locator('#title-info')).toHaveText('You can enter up to 120 characters');
      if (javaScriptEnabled) await expectNoAxeViolations(page);

      await title.fill(tooLong.slice(0, 100));
      if (javaScriptEnabled) await expect(count).toHaveText('You have 20 characters remaining');
    });
  });
}
