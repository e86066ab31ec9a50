// A visitor's first look: the home page, the open asks and one ask, in a real Chromium, checked by
// axe, at phone width, and again with JavaScript turned off.
import { expect, test } from './support/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';

test.describe('public pages', () => {
  test('the home page says what HalfHour is and shows live figures', async ({ page }) => {
    await page.goto('/');

    await expect(page).toHaveTitle(/HalfHour/);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Expert help for small charities/);
    const figures = page.getByRole('region', { name: 'HalfHour in numbers' });
    await expect(figures.getByText('asks open for offers')).toBeVisible();
    await expect(figures.getByRole('definition').first()).toHaveText('12');
    await expect(page.getByRole('region', { name: 'Newest asks' }).getByRole('article')).toHaveCount(4);
    await expectNoAxeViolations(page);
  });

  test('the open asks can be browsed, filtered by skill area and opened', async ({ page }) => {
    await page.goto('/asks');
    await expect(page.getByRole('heading', { level: 1, name: 'Open asks' })).toBeVisible();
    await expect(page.getByRole('status')).toHaveText('12 open asks');
    await expect(page.getByRole('article')).toHaveCount(12);
    await expectNoAxeViolations(page);

    await page.getByLabel('Skill area').selectOption({ label: 'Finance and bookkeeping' });
    await page.getByRole('button', { name: 'Show asks' }).click();
    await expect(page).toHaveURL(/category=finance/);
    await expect(page.getByRole('status')).toHaveText('1 open ask in Finance and bookkeeping');

    await page.getByRole('link', { name: 'Help our new treasurer understand restricted funds' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Help our new treasurer understand restricted funds');
    await expect(page.getByRole('heading', { name: 'What a good outcome looks like' })).toBeVisible();
    await expect(page.getByText('Nobody has offered yet')).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('an ask shows its session details, its organisation and the other stages of its project', async ({ page }) => {
    await page.goto('/asks/ask-lottery-difference-question');

    const details = page.getByRole('region', { name: 'Session details' });
    await expect(details.getByText('30 minutes')).toBeVisible();
    await expect(details.getByText('Video call, Phone, Email')).toBeVisible();
    await expect(details.getByText('Monday to Friday, 09:30 to 16:00')).toBeVisible();
    await expect(page.getByRole('region', { name: 'About Brightside Youth Club' })).toContainText('Verified organisation');
    await expect(page.getByText('3 volunteers have offered so far')).toBeVisible();
    const stages = page.getByRole('region', { name: /Part of a bigger piece of work/ });
    await expect(stages.getByRole('listitem')).toHaveCount(2);
    await expect(stages.getByRole('link', { name: 'Should we apply to Reaching Communities this year or wait a year?' })).toBeVisible();
    await expectNoAxeViolations(page);
  });

  test('asks that are not public answer 404 with a way back', async ({ page }) => {
    for (const path of ['/asks/ask-kinship-trustees', '/asks/ask-paws-foster-carers', '/asks/no-such-ask']) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
    }
    await page.getByRole('link', { name: 'Browse the open asks' }).click();
    await expect(page).toHaveURL(/\/asks$/);
    await expectNoAxeViolations(page);
  });

  test('odd query strings fall back to the first page instead of an error', async ({ page }) => {
    const response = await page.goto('/asks?page=banana&category=%3Cscript%3E');
    expect(response?.status()).toBe(200);
    await expect(page.getByRole('status')).toHaveText('12 open asks');
  });

  test('pages fit a 320 pixel wide phone', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/', '/asks', '/asks/ask-lottery-difference-question']) {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
    }
  });

  test('the keyboard reaches the skip link first and it moves focus to the content', async ({ page }) => {
    await page.goto('/asks');
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    await expect(skip).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.locator('main')).toBeFocused();
  });
});

test.describe('with JavaScript turned off', () => {
  test.use({ javaScriptEnabled: false });

  test('every public page still shows its content and the filter still works', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/Expert help for small charities/);
    await expect(page.getByRole('region', { name: 'Newest asks' }).getByRole('article')).toHaveCount(4);

    await page.goto('/asks');
    await expect(page.getByRole('article')).toHaveCount(12);
    await page.getByLabel('Skill area').selectOption({ label: 'Digital and IT' });
    await page.getByRole('button', { name: 'Show asks' }).click();
    await expect(page).toHaveURL(/category=digital/);
    await expect(page.getByRole('status')).toHaveText('2 open asks in Digital and IT');

    await page.goto('/asks/ask-harbour-gift-aid-tins');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Can we claim Gift Aid on cash in our collection tins?');
    await expect(page.getByRole('heading', { name: 'The question' })).toBeVisible();
    await expect(page.getByText('Phone, Email')).toBeVisible();

    // An ask or project that is not public: "not found" with a way back, on its first view and from the cache.
    for (const path of [
      '/asks/ask-kinship-trustees',
      '/asks/ask-kinship-trustees',
      '/projects/no-such-project',
      '/projects/no-such-project',
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 }), path).toHaveText('We could not find that page');
      await expect(page.getByRole('link', { name: 'Browse the open asks' })).toBeVisible();
    }
  });
});
