// The sign-in page as a signed-out visitor sees it (from the header's "Sign in", or sent by a guard with a return
// path that proxy.ts hands to the form's action), rendered once and served without scripts like the other public
// pages (docs/decisions/0013); its form works without JavaScript. With a notice (?error=) it is rendered per request.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SignInPage } from '@/components/auth/SignInPage';
import { SIGN_IN_KEY } from '@/lib/cache/public-route-names';
import { tagCachedPage } from '@/lib/cache/tags';

export const metadata: Metadata = { title: 'Sign in' };
// Nothing on it changes with the data; rendered again once an hour all the same.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

export default async function CachedSignIn({ params }: { params: Promise<{ key: string }> }) {
  if ((await params).key !== SIGN_IN_KEY) notFound();
  await tagCachedPage([]);
  return <SignInPage />;
}
