// Helpers the marketplace journeys share: a signed-in browser page, and dates to offer times on.
import { expect, type Browser, type Page } from '@playwright/test';
import { signIn } from './mail';

/** A page of its own browser context, signed in as `email` through the magic link and landed on `path`. */
export async function signedIn(
  browser: Browser,
  email: string,
  path: string,
  options: { javaScriptEnabled?: boolean } = {},
): Promise<Page> {
  const page = await (await browser.newContext(options)).newPage();
  await signIn(page, email, path);
  await expect(page).toHaveURL(new RegExp(path.replace(/[/?]/g, '\\$&')));
  return page;
}

/** The next `count` weekdays (YYYY-MM-DD) starting `fromDays` days after today. */
export function weekdaysAhead(count: number, fromDays: number): string[] {
  const days: string[] = [];
  for (let offset = fromDays; days.length < count; offset += 1) {
    const date = new Date(Date.now() + offset * 86_400_000);
    if (date.getUTCDay() !== 0 && date.getUTCDay() !== 6) days.push(date.toISOString().slice(0, 10));
  }
  return days;
}
