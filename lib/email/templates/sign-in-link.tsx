// The magic link. It may go to an address with no account yet, so the footer says what to do if it was
// not expected rather than pointing at preferences.
import { formatDuration } from '@/lib/dates';
import { CallToAction, EmailLayout, Paragraph, type EmailProps } from './email-layout';

export function signInLinkSubject(): string {
  return 'Your HalfHour sign-in link';
}

export function SignInLinkEmail({ data, context }: EmailProps<'sign-in-link'>) {
  const expiry = formatDuration(data.minutes);
  return (
    <EmailLayout
      kind="sign-in-link"
      context={context}
      title={signInLinkSubject()}
      preview={`Your link to sign in works once and expires in ${expiry}.`}
      heading="Sign in to HalfHour"
      reason="You are getting this because someone asked to sign in to HalfHour with this email address."
      ifUnexpected="If you did not ask to sign in, you can ignore this email: nobody can sign in without the link."
    >
      <Paragraph>Use the button below to sign in to HalfHour. It works once and expires in {expiry}.</Paragraph>
      <CallToAction href={data.url} label="Sign in to HalfHour" showAddress />
    </EmailLayout>
  );
}
