// When the mail server cannot be reached, asking for a sign-in link says so plainly and leaves no
// usable token behind; nothing throws.
import { createServer, type AddressInfo } from 'node:net';
import { describe, expect, it, vi } from 'vitest';

describe('sign-in when the mail server is down', () => {
  it('tells the person to try again later and keeps what they typed', async () => {
    // A port that was free a moment ago: nothing listens there, so connecting is refused at once.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
    const { port } = probe.address() as AddressInfo;
    await new Promise<void>((resolve) => probe.close(() => resolve()));
    process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
    process.env.AUTH_SECRET = 'integration-test-secret-that-is-long-enough';
    vi.resetModules();
    const { requestSignInLink } = await import('@/lib/auth/sign-in');
    const { db } = await import('@/lib/db');

    const result = await requestSignInLink({ email: 'offline@example.org' }, '192.0.2.10');

    expect(result).toMatchObject({ ok: false, values: { email: 'offline@example.org' } });
    expect(!result.ok && result.formError).toMatch(/could not send the email just now/);
    expect(await db.verificationToken.count({ where: { identifier: 'offline@example.org' } })).toBe(0);
  });
});
