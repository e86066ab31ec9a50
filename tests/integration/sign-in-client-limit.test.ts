// The per-client sign-in limit against a client that writes its own X-Forwarded-For: through the same
// function the sign-in action calls, with the headers a request reaching `next start` directly would carry.
import { describe, expect, it, vi } from 'vitest';
import { withJobQueue } from '../support/jobs';

vi.hoisted(() => {
  process.env.APP_URL = 'http://localhost:3999';
  process.env.AUTH_SECRET = 'integration-test-secret-that-is-long-enough';
  process.env.SIGN_IN_LIMIT_PER_CLIENT = '3';
  process.env.TRUSTED_PROXIES = '0';
});

const { requestSignInLinkFromRequest } = await import('@/lib/auth/sign-in');
const { PEER_ADDRESS_HEADER } = await import('@/lib/auth/client-address');
const { db } = await import('@/lib/db');

// No SMTP worker: the links stay queued, which is all the limit needs.
withJobQueue();

const form = (email: string) => {
  const data = new FormData();
  data.set('email', email);
  return data;
};

describe('the per-client sign-in limit with no trusted proxy', () => {
  it('is not reset by a different forged X-Forwarded-For on each request from one connection address', async () => {
    const results = [];
    for (let i = 1; i <= 5; i++) {
      const headers = new Headers({ [PEER_ADDRESS_HEADER]: '192.0.2.44', 'x-forwarded-for': `203.0.113.${i}` });
      results.push(await requestSignInLinkFromRequest(form(`forger${i}@example.org`), headers));
    }

    expect(results.map((result) => result.ok)).toEqual([true, true, true, false, false]);
    expect(results[3]).toMatchObject({ ok: false, formError: expect.stringContaining('several sign-in links') });
    expect(await db.verificationToken.count()).toBe(3);
  });

  it('still counts another connection address apart', async () => {
    const headers = new Headers({ [PEER_ADDRESS_HEADER]: '192.0.2.45', 'x-forwarded-for': '192.0.2.44' });
    expect((await requestSignInLinkFromRequest(form('neighbour@example.org'), headers)).ok).toBe(true);
  });
});
