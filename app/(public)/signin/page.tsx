import type { Metadata } from 'next';
import { redirect } from 'next/navigation';
import { SignInForm } from '@/components/auth/SignInForm';
import { FormAlert } from '@/components/ui/fields';
import { safeReturnPath } from '@/lib/auth/redirects';
import { getCurrentUser } from '@/lib/auth/session';
import { appUrl, mailCatcherUrl } from '@/lib/env';

export const metadata: Metadata = { title: 'Sign in' };

const notices: Record<string, string> = {
  suspended: 'This account has been suspended, so you have been signed out. If you think this is a mistake, reply to any email from us.',
};

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const callbackUrl = typeof params.callbackUrl === 'string' ? params.callbackUrl : undefined;
  const notice = typeof params.error === 'string' ? notices[params.error] : undefined;
  if (!notice && (await getCurrentUser())) redirect(safeReturnPath(callbackUrl, appUrl()));

  return (
    <div className="mx-auto max-w-md space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Sign in or create an account</h1>
      <FormAlert error={notice} />
      <p className="text-slate-800">
        Charity staff and volunteers both sign in here. New to HalfHour? Enter your email and we will set you up.
      </p>
      <SignInForm callbackUrl={callbackUrl} mailCatcherUrl={mailCatcherUrl()} />
    </div>
  );
}
