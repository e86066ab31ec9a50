import { describe, expect, it } from 'vitest';
import { safeReturnPath } from '@/lib/auth/redirects';

const APP = 'http://localhost:3000';

describe('where sign-in returns to', () => {
  it('keeps paths on our own site, with their query', () => {
    expect(safeReturnPath('/account', APP)).toBe('/account');
    expect(safeReturnPath('/invites/abc?x=1#top', APP)).toBe('/invites/abc?x=1#top');
    expect(safeReturnPath('http://localhost:3000/dashboard', APP)).toBe('/dashboard');
  });

  it.each([
    'https://evil.example/phish',
    '//evil.example/phish',
    '/\\evil.example',
    '\\\\evil.example',
    'javascript:alert(1)',
    'http://localhost:3001/other-port',
    'https://localhost:3000/other-scheme',
    '/ok\u0000',
    'relative/path',
    '/.//evil.example',
    '/x/..//evil.example',
    '/%2e//evil.example',
    '/%2E%2E//evil.example',
    '///evil.example',
  ])('refuses %j', (raw) => {
    expect(safeReturnPath(raw, APP)).toBe('/welcome');
  });

  it('falls back when nothing is given', () => {
    expect(safeReturnPath(undefined, APP)).toBe('/welcome');
    expect(safeReturnPath('', APP, '/dashboard')).toBe('/dashboard');
  });
});
