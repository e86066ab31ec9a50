import type { Metadata } from 'next';
import Link from 'next/link';
import { UnsubscribeForm } from '@/components/email/UnsubscribeForm';
import { authSecret } from '@/lib/auth/secret';
import { readUnsubscribeToken, TOPIC_LABELS } from '@/lib/email/unsubscribe';

// Opened from an email's footer, signed in or not. Opening it changes nothing (mail scanners follow links);
// the button does. A bad link gets a plain explanation, and never says whose link it was.
export const metadata: Metadata = { title: 'Unsubscribe', robots: { index: false, follow: false } };

// Signed tokens are about 80 characters; anything far longer was not made by us.
const MAX_TOKEN_LENGTH = 300;

export default async function UnsubscribePage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const { token } = await searchParams;
  const read = typeof token === 'string' && token.length <= MAX_TOKEN_LENGTH ? readUnsubscribeToken(authSecret(), token) : null;

  if (!read || typeof token !== 'string') {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">This unsubscribe link does not work</h1>
        <p className="text-slate-800">
          It may have been cut short when it was copied, or changed. Try the link in the email again, or choose which emails you get on your{' '}
          <Link href="/account#email-preferences">account page</Link> (you will need to sign in).
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl">
      <UnsubscribeForm token={token} label={TOPIC_LABELS[read.topic]} />
    </div>
  );
}
