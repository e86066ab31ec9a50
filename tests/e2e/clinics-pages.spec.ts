// Browsing group clinics (issue 22) as a visitor: the list in its tab beside the asks, its filters with and
// without JavaScript, the home page's "Clinics coming up", a clinic's public page and a 404 for one in review;
// each checked by axe and at 320 px. On the seeded demo (prisma/seed/clinics.ts). The whole journey of offering,
// booking and the waiting list is tests/e2e/clinics.spec.ts.
import { expect, test } from './support/test';
import { expectNoAxeViolations, expectNoHorizontalScroll } from './support/accessibility';
import { anonymously, warm } from './support/page-cache';

const GIFT_AID = { id: 'clinic-gift-aid-basics', topic: 'Gift Aid basics for small charities' };
const CASHBOOK = { id: 'clinic-first-cashbook', topic: 'Your first cashbook' };
const PENDING = 'clinic-safeguarding-first-volunteers';

test.describe('group clinics for a visitor', () => {
  test('the list sits in a tab beside the asks, shows seats left and filters by skill and day', async ({ page }) => {
    await page.goto('/clinics');
    await expect(page.getByRole('heading', { level: 1, name: 'Group clinics' })).toBeVisible();
    const tabs = page.getByRole('navigation', { name: 'What to browse' });
    await expect(tabs.getByRole('link', { name: 'Clinics' })).toHaveAttribute('aria-current', 'page');
    const giftAid = page.getByRole('article').filter({ hasText: GIFT_AID.topic });
    await expect(giftAid).toContainText('2 seats left');
    await expect(page.getByRole('article').filter({ hasText: CASHBOOK.topic })).toContainText('Full');
    await expect(page.locator('main')).not.toContainText('zoom.example'); // how to join is for booked charities
    await expectNoAxeViolations(page);

    await page.getByLabel('Skill', { exact: true }).selectOption({ label: 'Cashbook in Excel' });
    await page.getByRole('button', { name: 'Show clinics' }).click();
    await expect(page).toHaveURL(/skill=cashbook-excel/);
    await expect(page.getByRole('status')).toHaveText('1 upcoming clinic matches your filters');
    await expect(page.getByRole('article')).toHaveCount(1);
    await expect(page.getByRole('article')).toContainText(CASHBOOK.topic);

    // A day far ahead: nothing, with a way back.
    await page.getByLabel('On or after').fill('2099-01-01');
    await page.getByRole('button', { name: 'Show clinics' }).click();
    await expect(page.getByRole('heading', { name: 'No clinics match your filters' })).toBeVisible();
    await expectNoAxeViolations(page);
    await page.getByRole('link', { name: 'Clear all filters and see every upcoming clinic' }).click();
    await expect(page.getByRole('article').filter({ hasText: GIFT_AID.topic })).toBeVisible();

    await tabs.getByRole('link', { name: 'Asks' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Open asks' })).toBeVisible();
    await expect(page.getByRole('navigation', { name: 'What to browse' }).getByRole('link', { name: 'Asks' })).toHaveAttribute(
      'aria-current',
      'page',
    );
  });

  test('a clinic’s page says what it covers and what to bring, never how to join; one in review is not found', async ({ page }) => {
    await page.goto('/');
    const comingUp = page.getByRole('region', { name: 'Clinics coming up' });
    await expect(comingUp.getByRole('article').first()).toBeVisible();
    await comingUp.getByRole('link', { name: GIFT_AID.topic }).click();
    await expect(page).toHaveURL(new RegExp(`/clinics/${GIFT_AID.id}$`));
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(GIFT_AID.topic);
    await expect(page.getByRole('heading', { name: 'What to bring' })).toBeVisible();
    await expect(page.locator('main')).toContainText('2 seats left');
    await expect(page.locator('main')).not.toContainText('zoom.example');
    await expect(page.getByRole('link', { name: 'Sign in to book a seat' })).toBeVisible();
    await expectNoAxeViolations(page);

    const response = await page.goto(`/clinics/${PENDING}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('We could not find that page');
  });

  test('the list and the home page are served from the page cache, every spelling of a filter from one copy', async ({ request }) => {
    const all = await warm(request, '/clinics');
    expect(all.html).toContain(GIFT_AID.topic);
    const filtered = await warm(request, '/clinics?skill=gift-aid');
    expect(filtered.html).toContain(GIFT_AID.topic);
    expect(filtered.html).not.toContain(CASHBOOK.topic);
    expect((await anonymously(request, '/clinics?utm_source=x&skill=gift-aid')).cache).toBe('HIT');
    expect((await warm(request, '/')).html).toContain('Clinics coming up');
  });

  test('the pages fit a 320 pixel wide phone', async ({ page }) => {
    await page.setViewportSize({ width: 320, height: 640 });
    for (const path of ['/clinics', '/clinics?skill=gift-aid', `/clinics/${GIFT_AID.id}`, '/']) {
      await page.goto(path);
      await expectNoHorizontalScroll(page);
    }
  });
});

test.describe('group clinics without JavaScript', () => {
  test.use({ javaScriptEnabled: false });

  test('the filters and the links still work', async ({ page }) => {
    await page.goto('/clinics');
    await page.getByLabel('Skill', { exact: true }).selectOption({ label: 'Gift Aid' });
    await page.getByRole('button', { name: 'Show clinics' }).click();
    await expect(page).toHaveURL(/skill=gift-aid/);
    await expect(page.getByRole('status')).toHaveText('1 upcoming clinic matches your filters');
    await page.getByRole('link', { name: GIFT_AID.topic }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(GIFT_AID.topic);
  });
});
