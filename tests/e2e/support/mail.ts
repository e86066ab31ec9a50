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

/** Waits for the newest email to `address` sent after `since`. */
export async function waitForEmail(address: string, since: Date): Promise<CaughtEmail> {
  let found: CaughtEmail | undefined;
  await expect
    .poll(
      async () => {
        const response = await fetch(`http://127.0.0.1:${MAIL_WEB_PORT}/api/email`);
        const emails = (await response.json()) as CaughtEmail[];
        found = emails
          .filter((email) => email.to.some((to) => to.address === address) && new Date(email.time).getTime() >= since.getTime() - 1000)
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
export async function requestSignInLink(page: Page, address: string): Promise<string> {
  const since = new Date();
  await page.getByLabel('Email address').fill(address);
  await page.getByRole('button', { name: 'Email me a sign-in link' }).click();
  await expect(page.getByRole('heading', { name: 'Check your email' })).toBeVisible();
  const email = await waitForEmail(address, since);
  expect(email.subject).toBe('Your HalfHour sign-in link');
  return linkIn(email, /http:\/\/\S+\/api\/auth\/callback\/email\?\S+/);
}

/** Signs in through the real magic-link flow, from the sign-in page to wherever the link lands. */
export async function signIn(page: Page, address: string, callbackUrl?: string): Promise<string> {
  await page.goto(callbackUrl ? `/signin?callbackUrl=${encodeURIComponent(callbackUrl)}` : '/signin');
  const link = await requestSignInLink(page, address);
  await page.goto(link);
  return link;
}
