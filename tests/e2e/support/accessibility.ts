import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** Runs axe (WCAG 2.2 A and AA rules plus best practices) and fails with the violations listed. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  // After a client-side navigation Next sets the new page's <title> a moment after its content: wait for
  // one, so axe checks the settled page (a page that never gets a title still fails, here).
  await expect(page).toHaveTitle(/\S/);
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  const summary = results.violations.map(
    (violation) => `${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join(', ')})`,
  );
  expect(summary, `axe found problems on ${page.url()}`).toEqual([]);
}

/** Fails if the page scrolls sideways: everything must fit at its viewport width. */
export async function expectNoHorizontalScroll(page: Page): Promise<void> {
  const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
  expect(overflow, `page is wider than the viewport on ${page.url()}`).toBeLessThanOrEqual(0);
}
