// The sign-in page as a signed-out visitor sees it (from the header's "Sign in", or sent by a guard with a return
// path that proxy.ts hands to the form's action), rendered once and served without scripts like the other public
// pages (docs/decisions/0013); its form works without JavaScript. With a notice (?error=) it is rendered per request.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SignInPage } from '@/components/auth/SignInPage';
import { ONLY_KEY } from '@/lib/cache/cached-routes';
import { tagPage } from '@/lib/cache/page-tags';

export const metadata: Metadata = { title: 'Sign in' };
// Nothing on it changes with the data; rendered again once an hour all the same.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export default async function CachedSignIn({ params }: { params: Promise<{ key: string }> }) {
  if ((await params).key !== ONLY_KEY) notFound();
  await tagPage([]);
  return <SignInPage />;
}
