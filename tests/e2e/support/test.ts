// Playwright's `test`, watching every browser context a test opens for the Content-Security-Policy
// (docs/decisions/0023): each page of ours must arrive with a policy, and nothing on it may break one (no
// `securitypolicyviolation` event, no CSP error in the console). Every journey imports `test` from here, so
// every page they visit, signed out, as a charity, a volunteer or an admin, with and without JavaScript, is
// checked; a test that expects a violation (tests/e2e/security-headers.spec.ts) says so with `expectViolation`.
import { test as base, expect, type BrowserContext } from '@playwright/test';

export { expect };

const VIOLATION = 'Content-Security-Policy violation:';

interface Watch {
  problems: string[];
  expected: RegExp[];
}

async function watch(context: BrowserContext, seen: Watch): Promise<void> {
  // With JavaScript on, the page reports each violation as an event; Chromium also logs it to the console,
  // which is what catches one on a page without JavaScript (a blocked style, say).
  await context.addInitScript((prefix) => {
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`${prefix} ${event.violatedDirective} blocked ${event.blockedURI || 'inline'} at ${event.documentURI}`),
    );
  }, VIOLATION);
  const note = (problem: string) => {
    if (!seen.expected.some((pattern) => pattern.test(problem))) seen.problems.push(problem);
  };
  context.on('console', (message) => {
    const text = message.text();
    if (text.startsWith(VIOLATION) || /Content Security Policy/i.test(text)) note(`${message.page()?.url()}: ${text}`);
  });
  context.on('response', (response) => {
    const request = response.request();
    if (request.resourceType() !== 'document' || !isOurs(request.url())) return;
    if (response.status() >= 300 && response.status() < 400) return;
    if (!response.headers()['content-security-policy']) note(`${request.url()} (${response.status()}) has no Content-Security-Policy`);
  });
}

function isOurs(url: string): boolean {
  const { hostname } = new URL(url);
  return hostname === '127.0.0.1' || hostname === 'localhost' || hostname === '0.0.0.0';
}

export const test = base.extend<{
  securityPolicyWatch: Watch;
  /** Declares a violation this test provokes on purpose; any other still fails it. */
  expectViolation: (pattern: RegExp) => void;
}>({
  securityPolicyWatch: [
    async ({ browser, context }, provide) => {
      const seen: Watch = { problems: [], expected: [] };
      await watch(context, seen);
      // The journeys open contexts of their own (one per person): each is watched the same way.
      const newContext = browser.newContext.bind(browser);
      browser.newContext = async (options) => {
        const opened = await newContext(options);
        await watch(opened, seen);
        return opened;
      };
      try {
        await provide(seen);
      } finally {
        browser.newContext = newContext;
      }
      expect(seen.problems, 'pages without a Content-Security-Policy, or breaking one').toEqual([]);
    },
    { auto: true },
  ],
  expectViolation: async ({ securityPolicyWatch }, provide) => {
    await provide((pattern) => securityPolicyWatch.expected.push(pattern));
  },
});
