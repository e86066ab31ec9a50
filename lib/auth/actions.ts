'use server';
// Server actions for signing in and out. Thin: who is asking, then lib/auth does the work.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import type { FormState } from '@/lib/forms';
import { clientAddress } from './client-address';
import { returnPathFromProxy } from './redirects';
import { currentSessionToken, SESSION_COOKIES } from './session';
import { requestSignInLink } from './sign-in';

export async function requestSignInLinkAction(_previous: FormState<{ email: string }>, formData: FormData) {
  const requestHeaders = await headers();
  // The cached sign-in page's form carries no return path: proxy.ts passes the one in the page's address.
  if (!formData.get('callbackUrl')) {
    const returnTo = returnPathFromProxy(requestHeaders);
    if (returnTo) formData.set('callbackUrl', returnTo);
  }
  return requestSignInLink(formData, clientAddress(requestHeaders));
}

export async function signOutAction(): Promise<void> {
  const token = await currentSessionToken();
  if (token) await db.session.deleteMany({ where: { sessionToken: token } });
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect('/?signed-out=1');
}
