import { notFound } from 'next/navigation';
import { SignedInHeader } from '@/components/layout/SiteHeader';
import { personForDashboardKey } from '@/lib/dashboard/cached-person';

// A person's cached dashboard (docs/decisions/0015): their header, read from the page's key, not a cookie.
export default async function CachedDashboardHeader({ params }: { params: Promise<{ key: string }> }) {
  const user = await personForDashboardKey((await params).key);
  if (!user) notFound();
  return <SignedInHeader user={user} />;
}
