// One-click unsubscribe (RFC 8058). Mail programs POST `List-Unsubscribe=One-Click` here, with the signed
// token in the address; no sign-in, no confirmation page. A GET (someone opening the address, or a link
// scanner) changes nothing: it is sent to the page that asks first.
import { authSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { unsubscribe } from '@/lib/email/unsubscribe';

// Signed tokens are about 80 characters; anything far longer was not made by us.
const MAX_TOKEN_LENGTH = 300;

const plainText = { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' };

function tokenOf(request: Request): string {
  return new URL(request.url).searchParams.get('token') ?? '';
}

export async function POST(request: Request) {
  const token = tokenOf(request);
  // The body (`List-Unsubscribe=One-Click`) is not checked: the signed token is what proves the request.
  const done = token.length <= MAX_TOKEN_LENGTH ? await unsubscribe(db, authSecret(), token) : null;
  if (!done) return new Response('This unsubscribe link is not valid.', { status: 400, headers: plainText });
  return new Response('Unsubscribed.', { status: 200, headers: plainText });
}

export async function GET(request: Request) {
  const token = tokenOf(request);
  const target = token ? `/unsubscribe?${new URLSearchParams({ token })}` : '/unsubscribe';
  // A relative Location: the browser resolves it against the address it used, whatever host the proxy saw.
  return new Response(null, { status: 303, headers: { Location: target, 'Cache-Control': 'no-store' } });
}
