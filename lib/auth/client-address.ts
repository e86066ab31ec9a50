// Which client a request comes from, for the per-client sign-in limit. TRUSTED_PROXIES says how many
// reverse proxies stand in front of the app, each appending the address it saw to X-Forwarded-For.
//
// The app's own peer (the socket's address) is the only address a client cannot choose, and nothing in
// Next 16 hands it to a server action: NextRequest has no `ip`, and `next start` fills X-Forwarded-For
// from the socket only when the client sent none (`??=` in next/dist/server/base-server.js), so a client
// talking to it directly chooses that header. lib/auth/peer-address.ts therefore writes the socket's
// address into PEER_ADDRESS_HEADER on every request, replacing any copy a client sent.
//
// With N proxies, the address the N-th proxy (counting back from the app) saw is N entries from the right
// of X-Forwarded-For: entries left of it were written by the client and are ignored (the usual
// rightmost-trusted rule). A header with fewer entries than that did not come through every proxy, so no
// entry in it can be trusted and the peer stands for the client instead.
export const PEER_ADDRESS_HEADER = 'x-halfhour-peer-address';

/** One key for requests whose peer is unknown (they arrived while the server was still starting). */
export const UNKNOWN_CLIENT = 'unknown';

export function clientAddress(headers: Headers, trustedProxies: number): string {
  const peer = headers.get(PEER_ADDRESS_HEADER)?.trim() || UNKNOWN_CLIENT;
  if (trustedProxies <= 0) return peer;
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  if (forwarded.length < trustedProxies) return peer;
  return forwarded[forwarded.length - trustedProxies]!;
}
