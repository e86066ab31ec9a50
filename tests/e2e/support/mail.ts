// Reading the emails the app sent, from its local mail catcher (MailDev's REST API), as a person
// would read their inbox.
import { expect, type Page } from '@playwright/test';
import { MAIL_WEB_PORT } from '../../../playwright.config';

interface CaughtEmail {
  id: string;
  time: string;
  subject: string;
  text: string;
  to: Array<{ address: string }>;
}

/**
 * Waits for the newest email to `address` sent after `since`; with `containing`, only one whose text
 * has it (tests signing in as the same demo account at once tell their links apart this way).
 */
export async function waitForEmail(address: string, since: Date, containing?: string): Promise<CaughtEmail> {
  let found: CaughtEmail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`http://127.0.0.1:${MAIL_WEB_PORT}/api/email`);
        const emails = (await response.json()) as CaughtEmail[];
        found = emails
          .filter((email) => email.to.some((to) => to.address === address) && new Date(email.time).getTime() >= since.getTime() - 1000)
          .filter((email) => !containing || email.text.includes(containing))
          .sort((a, b) => b.time.localeCompare(a.time))[0];
        return Boolean(found);
      },
      { message: `an email to ${address}`, timeout: 15_000 },
    )
    .toBe(true);
  return found!;
}

export function linkIn(email: CaughtEmail, pattern: RegExp): string {
  const match = email.text.match(pattern);
  if (!match) throw new Error(`No link matching ${pattern} in:\n${email.text}`);
  return match[0];
}

/** Asks for a sign-in link on /signin (already open) and returns the link from the email. */
export async function requestSignInLink(page: Page, address: string, containing?: string): Promise<string> {
  const since = new Date();
  await page.getByLabel('Email address').fill(address);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const email = await waitForEmail(address, since, containing);
  expect(email.subject).toBe('Your HalfHour sign-in link');
  return linkIn(email, /http:\/\/\S+\/api\/auth\/callback\/email\?\S+/);
}

/** Signs in through the real magic-link flow, from the sign-in page to wherever the link lands. */
export async function signIn(page: Page, address: string, callbackUrl?: string): Promise<string> {
  // A marker in the return address picks this sign-in's email out of others to the same inbox.
  const marker = callbackUrl ? `e2e${Date.now().toString(36)}${Math.floor(Math.random() * 1e9).toString(36)}` : undefined;
  const returnTo = callbackUrl ? `${callbackUrl}${callbackUrl.includes('?') ? '&' : '?'}from=${marker}` : undefined;
  await page.goto(returnTo ? `/signin?callbackUrl=${encodeURIComponent(returnTo)}` : '/signin');
  const link = await requestSignInLink(page, address, marker);
  await page.goto(link);
  return link;
}
