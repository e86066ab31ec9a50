import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInPage as SignInBody } from '@/components/auth/SignInPage';
import { safeReturnPath } from '@/lib/auth/redirects';
import { getCurrentUser } from '@/lib/auth/session';
import { appUrl } from '@/lib/env';

export const metadata: Metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  suspended: 'This account has been suspended, so you have been signed out. If you think this is a mistake, reply to any email from us.',
};

// Signed-in visitors (sent on to where they were going), and anyone with a notice. A signed-out visitor without
// one gets the cached twin (app/cached/signin), which loads no JavaScript; proxy.ts hands its form the return path.
export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined;
  const notice = typeof params.error === 'string' ? notices[params.error] : undefined;
  if (!notice && (await getCurrentUser())) redirect(safeReturnPath(callbackUrl, appUrl()));
  return <SignInBody callbackUrl={callbackUrl} notice={notice} />;
}
