// Which writes proxy.ts refuses as cross-site (lib/security/same-origin.ts; docs/decisions/0023).
import { describe, expect, it } from 'vitest';
import { isCrossSiteWrite, type WriteRequest } from '@/lib/security/same-origin';

const ours: WriteRequest = {
  method: 'POST',
  origin: 'https://halfhour.example',
  fetchSite: 'same-origin',
  host: 'halfhour.example',
  protocol: 'https:',
  appOrigin: 'https://halfhour.example',
};

describe('isCrossSiteWrite', () => {
  it('lets our own pages post', () => {
    expect(isCrossSiteWrite(ours)).toBe(false);
    // A local demo without APP_URL, reached as 127.0.0.1 or localhost: the Host the browser used.
    const local = { ...ours, appOrigin: null, protocol: 'http:' };
    expect(isCrossSiteWrite({ ...local, origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000' })).toBe(false);
    expect(isCrossSiteWrite({ ...local, origin: 'http://localhost:3000', host: 'localhost:3000' })).toBe(false);
  });

  it.each([
    ['another site', { origin: 'https://evil.test' }],
    ['Origin: null', { origin: 'null' }],
    ['a look-alike host', { origin: 'https://halfhour.example.evil.test' }],
    ['our host over http', { origin: 'http://halfhour.example' }],
    ['no Origin, but marked cross-site', { origin: null, fetchSite: 'cross-site' }],
    ['no Origin, but marked same-site (a sibling subdomain)', { origin: null, fetchSite: 'same-site' }],
  ])('refuses %s', (_, change) => {
    expect(isCrossSiteWrite({ ...ours, ...change })).toBe(true);
  });

  it('never takes the Host from a forwarded header: without APP_URL, an Origin must match the Host itself', () => {
    const local = { ...ours, appOrigin: null, protocol: 'http:', host: '127.0.0.1:3000' };
    expect(isCrossSiteWrite({ ...local, origin: 'http://evil.test' })).toBe(true);
    expect(isCrossSiteWrite({ ...local, origin: 'http://127.0.0.1:3000', host: null })).toBe(true);
  });

  it('leaves reads alone, and posts from clients that send no Origin (not a browser)', () => {
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'get']) {
      expect(isCrossSiteWrite({ ...ours, method, origin: 'https://evil.test', fetchSite: 'cross-site' })).toBe(false);
    }
    expect(isCrossSiteWrite({ ...ours, origin: null, fetchSite: null })).toBe(false);
  });
});
