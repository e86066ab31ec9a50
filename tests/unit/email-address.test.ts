import { describe, expect, it } from 'vitest';
import { normaliseEmail } from '@/lib/auth/email-address';

const ok = (raw: string) => normaliseEmail(raw);

describe('email addresses', () => {
  it('trims and lower-cases', () => {
    expect(ok('  Priya.Shah@Brightside-Youth.ORG.uk ')).toEqual({ ok: true, email: 'priya.shah@brightside-youth.org.uk' });
    expect(ok('sam+halfhour@example.com')).toEqual({ ok: true, email: 'sam+halfhour@example.com' });
  });

  it('punycodes international domains', () => {
    expect(ok('anna@bücher.example')).toEqual({ ok: true, email: 'anna@xn--bcher-kva.example' });
  });

  it.each([
    'victim@example.com,attacker@evil.example',
    'victim@example.com;attacker@evil.example',
    '"victim@example.com attacker"@evil.example',
    'victim@example.com\nBcc: attacker@evil.example',
    'victim@example.com\r\nattacker@evil.example',
    'Victim <victim@example.com>',
    'victim@example.com attacker@evil.example',
    'victim@example.com@evil.example',
  ])('refuses %j, which could reach a second mailbox', (raw) => {
    const result = normaliseEmail(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/one email address only/);
  });

  it.each([
    '',
    '   ',
    'no-at-sign',
    '@example.com',
    'someone@',
    'a..b@example.com',
    '.a@example.com',
    'a@localhost',
    'a@-bad.example',
    `${'x'.repeat(65)}@example.com`,
    'a@example.c0m',
  ])('refuses malformed %j with a clear message', (raw) => {
    const result = normaliseEmail(raw);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.message).toMatch(/Enter (your|an) email address/);
  });
});
