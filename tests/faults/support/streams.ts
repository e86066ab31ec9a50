// What the fault specs send at an app server while something fails: page requests that read the database,
// and sign-in requests (a write and an email each) through the real form, without JavaScript.
import type { Browser } from '@playwright/test';

/** Far beyond the app's own bounds on waiting for the database (5 s connect, 15 s statement): past it, a request hung. */
export const HUNG_AFTER_MS = 25_000;

export const BUSY_HEADING = 'HalfHour is busy right now';

export interface Outcome {
  path: string;
  startedAt: number;
  ms: number;
  /** The HTTP status, or 'hung' when no answer came within HUNG_AFTER_MS, or 'no-answer' when the connection failed. */
  status: number | 'hung' | 'no-answer';
  busyPage: boolean;
  retryAfter: string | null;
}

/**
 * One GET, timed, that never waits past `hungAfterMs` (HUNG_AFTER_MS unless a test holds it back on purpose
 * for longer, and then bounds its wait from the release itself).
 */
export async function timedGet(
  baseUrl: string,
  path: string,
  headers: Record<string, string> = {},
  hungAfterMs = HUNG_AFTER_MS,
): Promise<Outcome> {
  const startedAt = Date.now();
  try {
    const response = await fetch(`${baseUrl}${path}`, { headers, redirect: 'manual', signal: AbortSignal.timeout(hungAfterMs) });
    const html = await response.text();
    return {
      path,
      startedAt,
      ms: Date.now() - startedAt,
      status: response.status,
      busyPage: html.includes(BUSY_HEADING),
      retryAfter: response.headers.get('retry-after'),
    };
  } catch (error) {
    const hung = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
    return { path, startedAt, ms: Date.now() - startedAt, status: hung ? 'hung' : 'no-answer', busyPage: false, retryAfter: null };
  }
}

/** Pages every visitor can load that are rendered per request and read the database (a text search). */
export const DATABASE_PAGES = ['/asks?q=website', '/asks?q=budget', '/asks?q=volunteers', '/asks?q=newsletter'];

export interface SignInAttempt {
  address: string;
  startedAt: number;
  ms: number;
  status: number | 'hung';
  /** The page said "Check your email": the link was stored and its email queued. */
  accepted: boolean;
  busyPage: boolean;
  error?: string;
}

/** Asks for a sign-in link for `address` through the sign-in form, with JavaScript off (a plain form post). */
export async function requestSignIn(browser: Browser, baseUrl: string, address: string): Promise<SignInAttempt> {
  const context = await browser.newContext({ baseURL: baseUrl, javaScriptEnabled: false });
  const page = await context.newPage();
  const startedAt = Date.now();
  try {
    await page.goto('/signin', { timeout: HUNG_AFTER_MS });
    await page.getByLabel('Email address').fill(address);
    const posted = page.waitForResponse((response) => response.request().method() === 'POST', { timeout: HUNG_AFTER_MS });
    await page.getByRole('button', { name: 'Email me a sign-in link' }).click({ timeout: HUNG_AFTER_MS, noWaitAfter: true });
    const response = await posted;
    // The page the form post answered with, read from the response itself (the tab may still be loading it).
    const html = await response.text();
    return {
      address,
      startedAt,
      ms: Date.now() - startedAt,
      status: response.status(),
      accepted: html.includes('Check your email'),
      busyPage: html.includes(BUSY_HEADING),
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return { address, startedAt, ms: Date.now() - startedAt, status: 'hung', accepted: false, busyPage: false, error: message };
  } finally {
    await context.close();
  }
}

export function summarise(outcomes: Array<{ status: number | string }>): string {
  const counts = new Map<string, number>();
  for (const { status } of outcomes) counts.set(String(status), (counts.get(String(status)) ?? 0) + 1);
  return [...counts].map(([status, count]) => `${status}×${count}`).join(', ');
}
