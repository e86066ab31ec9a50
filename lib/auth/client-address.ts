// Which client a request comes from, for rate limits: the right-most X-Forwarded-For entry. A reverse
// proxy appends the address it sees, so behind one that is the client as the proxy saw it; without a
// proxy, `next start` fills the header from the socket when the client sent none. A client talking to
// `next start` directly can forge the header and dodge the per-client limit, but not the per-address
// one; deployments should sit behind a proxy (README, "Scaling out").
export function clientAddress(headers: Headers): string {
  const forwarded = (headers.get('x-forwarded-for') ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter(Boolean);
  return forwarded.at(-1) ?? headers.get('x-real-ip') ?? 'unknown';
}
