import type { Metadata } from 'next';
import { BrowsePage } from '@/components/asks/BrowsePage';
import { getCurrentUser } from '@/lib/auth/session';

export const metadata: Metadata = { title: 'Open asks' };

// Signed-in visitors and text searches (the proxy sends other anonymous requests to the cached twin, app/cached/browse).
export default async function AsksPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, user] = await Promise.all([searchParams, getCurrentUser()]);
  return <BrowsePage params={params} user={user} />;
}
