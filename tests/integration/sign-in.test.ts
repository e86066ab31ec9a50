// Magic-link sign-in end to end below the browser: our request step queues the email, the job
// queue's worker sends it over real SMTP, and next-auth's own callback handler (its core, as the
// route calls it) verifies the link.
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AuthOptions } from 'next-auth';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { eventually, withJobQueue } from '../support/jobs';
import { startSmtpCapture, signInLinkIn, type SmtpCapture } from '../support/smtp-capture';

const smtpPort = vi.hoisted(() => {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.APP_URL = 'http://localhost:3999';
  process.env.AUTH_SECRET = 'integration-test-secret-that-is-long-enough';
  return port;
});

const { db } = await import('@/lib/db');
const { requestSignInLink, SIGN_IN_LIMITS } = await import('@/lib/auth/sign-in');
const { authOptions } = await import('@/lib/auth/next-auth');
const { hashSignInToken } = await import('@/lib/auth/tokens');

// next-auth does not export its core publicly; the route handler calls this same function.
const require = createRequire(import.meta.url);
interface AuthResponse {
  redirect?: string;
  cookies?: Array<{ name: string; value: string }>;
}
const { AuthHandler } = require(path.join(path.dirname(require.resolve('next-auth')), 'core/index.js')) as {
  AuthHandler(params: { req: Record<string, unknown>; options: AuthOptions }): Promise<AuthResponse>;
};

let smtp: SmtpCapture;
let clientCounter = 0;
/** A fresh client key per test, so per-client limits only bite where a test means them to. */
const client = () => `198.51.100.${++clientCounter}`;

beforeAll(async () => {
  smtp = await startSmtpCapture(smtpPort);
});
withJobQueue({ smtpUrl: () => smtp.url });

/** The emails to an address, once `count` have arrived. */
const arrived = (address: string, count = 1) => eventually(() => smtp.to(address).length >= count && smtp.to(address));
/** Waits until the queue has nothing left to send, so counts are final. */
const drained = () => eventually(async () => (await db.emailOutbox.count({ where: { status: { in: ['PENDING', 'SENDING'] } } })) === 0);
afterAll(async () => {
  await smtp.close();
});
beforeEach(async () => {
  await drained();
  smtp.messages.length = 0;
});

/** Follows a link the way the route handler does: next-auth's core with our options. */
async function followLink(link: URL, cookies: Record<string, string> = {}) {
  return AuthHandler({
    req: {
      method: 'GET',
      action: 'callback',
      providerId: 'email',
      query: Object.fromEntries(link.searchParams),
      cookies,
      headers: { host: 'localhost:3999' },
    },
    options: authOptions(),
  });
}

describe('requesting a sign-in link', () => {
  it('emails a single link to the normalised address and stores only a hash of its token', async () => {
    const result = await requestSignInLink({ email: '  New.Person@Example.ORG ', callbackUrl: '/account' }, client());

    expect(result).toEqual({ ok: true, data: { email: 'new.person@example.org' } });
    const [email] = await arrived('new.person@example.org');
    const link = signInLinkIn(email!);
    expect(link.searchParams.get('email')).toBe('new.person@example.org');
    expect(link.searchParams.get('callbackUrl')).toBe('http://localhost:3999/account');
    const token = link.searchParams.get('token')!;
    const stored = await db.verificationToken.findMany({ where: { identifier: 'new.person@example.org' } });
    expect(stored).toHaveLength(1);
    expect(stored[0]!.token).toBe(hashSignInToken(token));
    expect(stored[0]!.token).not.toContain(token);
    const minutes = (stored[0]!.expires.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(14);
    expect(minutes).toBeLessThanOrEqual(15);
  });

  it('answers the same for an address with an account and one without', async () => {
    await db.user.create({ data: { email: 'known@example.org' } });
    const known = await requestSignInLink({ email: 'known@example.org' }, client());
    const unknown = await requestSignInLink({ email: 'unknown@example.org' }, client());
    expect(known).toEqual({ ok: true, data: { email: 'known@example.org' } });
    expect(unknown).toEqual({ ok: true, data: { email: 'unknown@example.org' } });
  });

  it('refuses an address built to reach a second mailbox, keeps what was typed and sends nothing', async () => {
    const typed = 'victim@example.org,attacker@evil.example';
    const result = await requestSignInLink({ email: typed }, client());

    expect(result).toMatchObject({ ok: false, values: { email: typed } });
    expect(!result.ok && result.fieldErrors.email?.[0]).toMatch(/one email address only/);
    await drained();
    expect(smtp.messages).toHaveLength(0);
    expect(await db.emailOutbox.count({ where: { to: { contains: 'attacker' } } })).toBe(0);
  });

  it('sends people back only to our own site', async () => {
    await requestSignInLink({ email: 'redirect@example.org', callbackUrl: 'https://evil.example/steal' }, client());
    const link = signInLinkIn((await arrived('redirect@example.org'))[0]!);
    expect(link.searchParams.get('callbackUrl')).toBe('http://localhost:3999/welcome');
  });

  it(`holds the per-address limit (${SIGN_IN_LIMITS.perAddress.limit} per 15 minutes) under 20 parallel requests`, async () => {
    const results = await Promise.all(Array.from({ length: 20 }, () => requestSignInLink({ email: 'busy@example.org' }, client())));
    const sent = results.filter((result) => result.ok);
    const refused = results.filter((result) => !result.ok);

    expect(sent).toHaveLength(SIGN_IN_LIMITS.perAddress.limit);
    await drained();
    expect(smtp.to('busy@example.org')).toHaveLength(SIGN_IN_LIMITS.perAddress.limit);
    for (const result of refused) expect(!result.ok && result.formError).toMatch(/try again in \d+ minutes?/);
  });

  it('counts one inbox once, however many +tags are added to the address', async () => {
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => requestSignInLink({ email: `inbox+${i}@example.org` }, client())),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(SIGN_IN_LIMITS.perAddress.limit);
  });

  it(`holds the per-client limit (${SIGN_IN_LIMITS.perClient.limit}) when one client asks for many addresses at once`, async () => {
    const sameClient = client();
    const results = await Promise.all(
      Array.from({ length: SIGN_IN_LIMITS.perClient.limit + 5 }, (_, i) =>
        requestSignInLink({ email: `spray${i}@example.org` }, sameClient),
      ),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(SIGN_IN_LIMITS.perClient.limit);
    await drained();
    expect(smtp.messages).toHaveLength(SIGN_IN_LIMITS.perClient.limit);
  });
});

describe('following a sign-in link', () => {
  it('signs a new person in once: creates the user and a database session, then refuses the same link', async () => {
    await requestSignInLink({ email: 'first.timer@example.org', callbackUrl: '/onboarding' }, client());
    const link = signInLinkIn((await arrived('first.timer@example.org'))[0]!);

    const first = await followLink(link);
    const second = await followLink(link);

    expect(first.redirect).toBe('http://localhost:3999/onboarding');
    const sessionCookie = first.cookies?.find((cookie) => cookie.name.endsWith('next-auth.session-token'));
    expect(sessionCookie?.value).toBeTruthy();
    const session = await db.session.findUnique({ where: { sessionToken: sessionCookie!.value }, include: { user: true } });
    expect(session?.user.email).toBe('first.timer@example.org');
    expect(session?.user.emailVerified).toBeInstanceOf(Date);

    expect(second.redirect).toBe('http://localhost:3999/api/auth/error?error=Verification');
    expect(await db.session.count({ where: { userId: session!.userId } })).toBe(1);
  });

  it('works from a browser that still carries a session which no longer exists', async () => {
    await db.user.create({ data: { email: 'returning@example.org' } });
    await requestSignInLink({ email: 'returning@example.org', callbackUrl: '/dashboard' }, client());
    const link = signInLinkIn((await arrived('returning@example.org'))[0]!);

    const result = await followLink(link, { 'next-auth.session-token': 'a-session-deleted-long-ago' });

    expect(result.redirect).toBe('http://localhost:3999/dashboard');
    expect(await db.session.count({ where: { user: { email: 'returning@example.org' } } })).toBe(1);
  });

  it('refuses an expired link', async () => {
    await requestSignInLink({ email: 'slow@example.org' }, client());
    const link = signInLinkIn((await arrived('slow@example.org'))[0]!);
    await db.verificationToken.updateMany({ where: { identifier: 'slow@example.org' }, data: { expires: new Date(Date.now() - 1000) } });

    expect((await followLink(link)).redirect).toMatch(/error=Verification/);
  });

  it('refuses a link whose email parameter was changed to someone else’s', async () => {
    await requestSignInLink({ email: 'mine@example.org' }, client());
    const link = signInLinkIn((await arrived('mine@example.org'))[0]!);
    link.searchParams.set('email', 'theirs@example.org');

    expect((await followLink(link)).redirect).toMatch(/error=Verification/);
    expect(await db.user.count({ where: { email: 'theirs@example.org' } })).toBe(0);
  });

  it('does not let a suspended account in', async () => {
    await db.user.create({ data: { email: 'suspended@example.org', status: 'SUSPENDED' } });
    await requestSignInLink({ email: 'suspended@example.org' }, client());
    const link = signInLinkIn((await arrived('suspended@example.org'))[0]!);

    expect((await followLink(link)).redirect).toMatch(/error=AccessDenied/);
    expect(await db.session.count({ where: { user: { email: 'suspended@example.org' } } })).toBe(0);
  });
});
