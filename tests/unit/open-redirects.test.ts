// Every function that turns a return path a visitor can choose into a redirect target, fed the usual
// open-redirect spellings: each must land on our own origin, on a path a browser cannot read as another host.
import { describe, expect, it } from 'vitest';
import { returnPathFromProxy, safeReturnPath, signInRedirect } from '@/lib/auth/redirects';
import { RETURN_PATH_HEADER } from '@/lib/cache/cached-routes';

const APP = 'http://127.0.0.1:3000';

const HOSTILE = [
  '//evil.test',
  '/\\evil.test',
  'https://evil.test',
  '%2F%2Fevil.test',
  'javascript:alert(1)',
  '%5C%5Cevil.test',
  '/%2F/evil.test',
  '\t//evil.test',
  '/\t/evil.test',
  'https:evil.test',
  'data:text/html,x',
  // and the same again as a browser or a proxy might hand them on
  '  //evil.test',
  '\\/evil.test',
  '/\\/evil.test',
  'HTTPS://EVIL.TEST',
  '//evil.test@127.0.0.1:3000',
  'http://127.0.0.1:3000@evil.test',
  'JaVaScRiPt:alert(1)',
  '\u0000//evil.test',
];

/** Starts with one "/" not followed by "/" or "\", and resolves on our origin. */
function expectSameOriginPath(target: string) {
  expect(target).toMatch(/^\/(?![/\\])/);
  expect(new URL(target, APP).origin).toBe(APP);
}

/** Each way a chosen return path becomes a redirect target, as a path (the callback's absolute URL made relative). */
const routes: Array<[string, (raw: string) => string]> = [
  // the sign-in page (signed in already), the sign-in action's callbackUrl, onboarding's `next`
  ['safeReturnPath', (raw) => safeReturnPath(raw, APP)],
  ['safeReturnPath with a page’s own fallback', (raw) => safeReturnPath(raw, APP, '/dashboard')],
  // /signin?callbackUrl=… on the cached page: proxy.ts encodes it into a header, the action decodes it
  [
    'the return path proxy.ts hands on',
    (raw) => safeReturnPath(returnPathFromProxy(new Headers({ [RETURN_PATH_HEADER]: encodeURIComponent(raw) })), APP),
  ],
  [
    'next-auth’s redirect callback',
    (raw) => {
      const url = new URL(signInRedirect(raw, APP));
      expect(url.origin).toBe(APP);
      return `${url.pathname}${url.search}${url.hash}`;
    },
  ],
];

describe.each(routes)('%s', (_name, toTarget) => {
  it.each(HOSTILE)('keeps %j on our origin', (raw) => {
    expectSameOriginPath(toTarget(raw));
  });

  it.each(HOSTILE)('keeps %j on our origin once the browser has decoded it', (raw) => {
    let decoded = raw;
    try {
      decoded = decodeURIComponent(raw);
    } catch {
      // not valid percent-encoding: the browser would send it as it is
    }
    expectSameOriginPath(toTarget(decoded));
  });

  it('still returns a genuine path of ours', () => {
    expect(toTarget('/asks/abc?x=1')).toBe('/asks/abc?x=1');
  });
});
