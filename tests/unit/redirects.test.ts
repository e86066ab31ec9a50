import { describe, expect, it } from 'vitest';
import { returnPathFromProxy, safeReturnPath } from '@/lib/auth/redirects';
import { RETURN_PATH_HEADER } from '@/lib/cache/cached-routes';

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

describe('the return path proxy.ts hands the cached sign-in form', () => {
  const withHeader = (value?: string) => new Headers(value === undefined ? {} : { [RETURN_PATH_HEADER]: value });

  it('is the address’s callbackUrl, decoded', () => {
    expect(returnPathFromProxy(withHeader(encodeURIComponent('/invites/a b?x=1')))).toBe('/invites/a b?x=1');
    expect(returnPathFromProxy(withHeader())).toBeUndefined();
  });

  it('gives nothing for a value that is not URI-encoded text, rather than throwing', () => {
    expect(returnPathFromProxy(withHeader('%E0%A4%A'))).toBeUndefined();
  });
});
