import { SignInForm } from '@/components/auth/SignInForm';
import { FormAlert } from '@/components/ui/fields';
import { mailCatcherUrl } from '@/lib/env';

/** The sign-in page's body: cached for signed-out visitors (app/cached/signin), per request with a notice or a session (app/(public)/signin). */
export function SignInPage({ callbackUrl, notice }: { callbackUrl?: string; notice?: string }) {
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
