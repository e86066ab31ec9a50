'use server';
// Server actions for signing in and out. Thin: who is asking, then lib/auth does the work.
import { cookies, headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { db } from '@/lib/db';
import type { FormState } from '@/lib/forms';
import { currentSessionToken, SESSION_COOKIES } from './session';
import { requestSignInLinkFromRequest } from './sign-in';

export async function requestSignInLinkAction(_previous: FormState<{ email: string }>, formData: FormData) {
  return requestSignInLinkFromRequest(formData, await headers());
}

export async function signOutAction(): Promise<void> {
  const token = await currentSessionToken();
  if (token) await db.session.deleteMany({ where: { sessionToken: token } });
  const jar = await cookies();
  for (const name of SESSION_COOKIES) jar.delete(name);
  redirect('/?signed-out=1');
}
