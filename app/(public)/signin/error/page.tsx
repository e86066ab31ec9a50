import type { Metadata } from 'next';
import Link from 'next/link';

export const metadata: Metadata = { title: 'Sign-in link problem' };

// next-auth sends people here when a magic link cannot be used.
const messages: Record<string, { title: string; body: string }> = {
  Verification: {
    title: 'That sign-in link has expired or has already been used',
    body: 'Each link works once and only for 15 minutes. Ask for a new one and use the most recent email.',
  },
  AccessDenied: {
    title: 'This account cannot sign in',
    body: 'The account has been suspended. If you think this is a mistake, reply to any email from us.',
  },
};

const fallback = { title: 'We could not sign you in', body: 'Something went wrong with the sign-in link. Please ask for a new one.' };

export default async function SignInErrorPage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  const message = (error && messages[error]) || fallback;
  return (
    <div className="mx-auto max-w-md space-y-4">
      <h1 className="text-3xl font-bold tracking-tight">{message.title}</h1>
      <p className="text-slate-800">{message.body}</p>
      <p>
        <Link href="/signin">Get a new sign-in link</Link>
      </p>
    </div>
  );
}
