// next-auth's endpoints, narrowed to the ones we use: following a magic link (GET callback/email) and
// its error page. Requesting links and signing out are our own server actions, so next-auth's
// sign-in POST (which would skip our validation and rate limits) is not reachable.
import NextAuth from 'next-auth';
import type { NextRequest } from 'next/server';
import { authOptions } from '@/lib/auth/next-auth';

type Context = { params: Promise<{ nextauth: string[] }> };

const ALLOWED = new Set(['callback/email', 'error']);

async function handler(request: NextRequest, context: Context) {
  const { nextauth } = await context.params;
  const action = nextauth.slice(0, 2).join('/');
  if (request.method !== 'GET' || !(ALLOWED.has(action) || ALLOWED.has(nextauth[0] ?? ''))) {
    return new Response('Not found', { status: 404 });
  }
  return NextAuth(authOptions())(request, context);
}

export { handler as GET, handler as POST };
