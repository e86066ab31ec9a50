// Unsubscribing without signing in: the signed link names one person and one topic, only a link we made
// works, and it turns off that topic alone. The one-click endpoint (RFC 8058) does the same for mail programs.
import { describe, expect, it } from 'vitest';
import { GET, POST } from '@/app/api/unsubscribe/route';
import { authSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { unsubscribeAction } from '@/lib/email/actions';
import { readUnsubscribeToken, unsubscribe, unsubscribeToken } from '@/lib/email/unsubscribe';
import { createUser } from '../support/factories';

const preferences = { emailOnOffers: true, emailReminders: true, emailDigest: true };

async function preferencesOf(userId: string) {
  return db.user.findUniqueOrThrow({ where: { id: userId }, select: { emailOnOffers: true, emailReminders: true, emailDigest: true } });
}

function oneClick(token: string) {
  return new Request(`http://localhost:3000/api/unsubscribe?token=${encodeURIComponent(token)}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
    body: 'List-Unsubscribe=One-Click',
  });
}

describe('unsubscribe tokens', () => {
  it('name the person and the topic they were made for', () => {
    const token = unsubscribeToken(authSecret(), 'user-123', 'reminders');
    expect(readUnsubscribeToken(authSecret(), token)).toEqual({ userId: 'user-123', topic: 'reminders' });
  });

  it('are refused when changed, made for another topic, or signed with another secret', () => {
    const secret = authSecret();
    const token = unsubscribeToken(secret, 'user-123', 'offers');
    const [userId, , signature] = token.split('.') as [string, string, string];
    const flipped = signature.at(-1) === 'A' ? 'B' : 'A';
    for (const bad of [
      `${token.slice(0, -1)}${flipped}`,
      `${userId}.digest.${signature}`,
      `someone-else.offers.${signature}`,
      unsubscribeToken('another-secret-that-is-long-enough-to-use', 'user-123', 'offers'),
      `${token}.extra`,
      'user-123.offers',
      '',
    ]) {
      expect(readUnsubscribeToken(secret, bad)).toBeNull();
    }
  });

  it('turn off only their own topic, and a second use is harmless', async () => {
    const user = await createUser(db, preferences);
    const other = await createUser(db, preferences);
    const token = unsubscribeToken(authSecret(), user.id, 'reminders');

    expect(await unsubscribe(db, authSecret(), token)).toEqual({ topic: 'reminders' });
    expect(await preferencesOf(user.id)).toEqual({ emailOnOffers: true, emailReminders: false, emailDigest: true });
    expect(await unsubscribe(db, authSecret(), token)).toEqual({ topic: 'reminders' });
    expect(await preferencesOf(user.id)).toEqual({ emailOnOffers: true, emailReminders: false, emailDigest: true });
    expect(await preferencesOf(other.id)).toEqual(preferences);
  });

  it('change nothing when tampered with', async () => {
    const user = await createUser(db, preferences);
    const token = unsubscribeToken(authSecret(), user.id, 'offers');
    const [, , signature] = token.split('.') as [string, string, string];
    expect(await unsubscribe(db, authSecret(), `${user.id}.digest.${signature}`)).toBeNull();
    expect(await preferencesOf(user.id)).toEqual(preferences);
  });
});

describe('the unsubscribe page’s button', () => {
  it('turns the topic off and says what stopped', async () => {
    const user = await createUser(db, preferences);
    const form = new FormData();
    form.set('token', unsubscribeToken(authSecret(), user.id, 'digest'));
    const result = await unsubscribeAction(null, form);
    expect(result).toMatchObject({ ok: true, data: { label: expect.stringMatching(/weekly digest/) } });
    expect(await preferencesOf(user.id)).toEqual({ emailOnOffers: true, emailReminders: true, emailDigest: false });
  });

  it('explains a bad link without changing anything', async () => {
    const user = await createUser(db, preferences);
    const form = new FormData();
    form.set('token', `${user.id}.digest.not-a-signature`);
    const result = await unsubscribeAction(null, form);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.formError).toMatch(/does not work/);
    expect(!result.ok && result.formError).not.toContain(user.email);
    expect(await unsubscribeAction(null, new FormData())).toMatchObject({ ok: false });
    expect(await preferencesOf(user.id)).toEqual(preferences);
  });
});

describe('one-click unsubscribe (POST /api/unsubscribe)', () => {
  it('answers 200 and turns the topic off', async () => {
    const user = await createUser(db, preferences);
    const response = await POST(oneClick(unsubscribeToken(authSecret(), user.id, 'offers')));
    expect(response.status).toBe(200);
    expect(await response.text()).toBe('Unsubscribed.');
    expect(await preferencesOf(user.id)).toEqual({ emailOnOffers: false, emailReminders: true, emailDigest: true });
    // Mail programs may send it twice.
    expect((await POST(oneClick(unsubscribeToken(authSecret(), user.id, 'offers')))).status).toBe(200);
  });

  it('answers 400 for a token we did not make, and changes nothing', async () => {
    const user = await createUser(db, preferences);
    const forged = unsubscribeToken('another-secret-that-is-long-enough-to-use', user.id, 'offers');
    for (const token of [forged, '', 'x'.repeat(10_000)]) {
      const response = await POST(oneClick(token));
      expect(response.status).toBe(400);
    }
    expect(await preferencesOf(user.id)).toEqual(preferences);
  });

  it('sends someone who opens the address to the page that asks first, changing nothing', async () => {
    const user = await createUser(db, preferences);
    const token = unsubscribeToken(authSecret(), user.id, 'reminders');
    const response = await GET(new Request(`http://localhost:3000/api/unsubscribe?token=${encodeURIComponent(token)}`));
    expect(response.status).toBe(303);
    const location = new URL(response.headers.get('location')!, 'http://localhost:3000');
    expect(location.pathname).toBe('/unsubscribe');
    expect(location.searchParams.get('token')).toBe(token);
    expect(await preferencesOf(user.id)).toEqual(preferences);
  });
});
