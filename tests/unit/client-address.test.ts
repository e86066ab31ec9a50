import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { clientAddress, PEER_ADDRESS_HEADER } from '@/lib/auth/client-address';
import { recordPeerAddresses } from '@/lib/auth/peer-address';

/** A request's headers as the app sees them: the peer recorded from the socket, and what the client or proxies sent. */
const request = (peer: string | null, forwardedFor?: string) =>
  new Headers({
    ...(peer === null ? {} : { [PEER_ADDRESS_HEADER]: peer }),
    ...(forwardedFor === undefined ? {} : { 'x-forwarded-for': forwardedFor }),
  });

describe('the client a request comes from', () => {
  it('with no trusted proxy, is the socket’s address whatever X-Forwarded-For says', () => {
    expect(clientAddress(request('192.0.2.10'), 0)).toBe('192.0.2.10');
    expect(clientAddress(request('192.0.2.10', '203.0.113.9'), 0)).toBe('192.0.2.10');
    expect(clientAddress(request('192.0.2.10', '203.0.113.9, 198.51.100.7'), 0)).toBe('192.0.2.10');
  });

  it('behind one proxy, is the right-most X-Forwarded-For entry (the one the proxy appended)', () => {
    expect(clientAddress(request('10.0.0.2', '203.0.113.9'), 1)).toBe('203.0.113.9');
    expect(clientAddress(request('10.0.0.2', '203.0.113.9 , 198.51.100.7'), 1)).toBe('198.51.100.7');
  });

  it('ignores entries a client wrote to the left of those its proxies appended', () => {
    expect(clientAddress(request('10.0.0.2', '1.2.3.4, 5.6.7.8, 198.51.100.7'), 1)).toBe('198.51.100.7');
    expect(clientAddress(request('10.0.0.3', '1.2.3.4, 198.51.100.7, 10.0.0.2'), 2)).toBe('198.51.100.7');
  });

  it('falls back to the socket when the header did not come through every trusted proxy', () => {
    expect(clientAddress(request('10.0.0.3', '198.51.100.7'), 2)).toBe('10.0.0.3');
    expect(clientAddress(request('10.0.0.2'), 1)).toBe('10.0.0.2');
    expect(clientAddress(request('10.0.0.2', ' , '), 1)).toBe('10.0.0.2');
  });

  it('is one shared "unknown" when the socket’s address was not recorded, never a forwarded value', () => {
    expect(clientAddress(request(null, '203.0.113.9'), 0)).toBe('unknown');
    expect(clientAddress(request(null), 1)).toBe('unknown');
  });
});

describe('recording the socket’s address', () => {
  it('replaces a copy of the header the client sent with the address of its connection', async () => {
    recordPeerAddresses();
    recordPeerAddresses(); // a second call (a second register()) must not subscribe twice
    const seen: Array<string | string[] | undefined> = [];
    const server = createServer((req, res) => {
      seen.push(req.headers[PEER_ADDRESS_HEADER]);
      res.end();
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    try {
      const { port } = server.address() as AddressInfo;
      await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_ADDRESS_HEADER]: '203.0.113.66', 'x-forwarded-for': '203.0.113.66' } });
      await fetch(`http://127.0.0.1:${port}/`);
    } finally {
      await new Promise((resolve) => server.close(resolve));
    }
    expect(seen).toEqual(['127.0.0.1', '127.0.0.1']);
  });
});
