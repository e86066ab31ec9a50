// A signed-in person's dashboard, kept in the page cache under their key (docs/decisions/0015): proxy.ts reads
// the session and the dashboard's version, and next.config's rewrite sends a plain GET of /dashboard here. Any
// write to what it shows gives the person a new version, so a new key; a volunteer's page also carries the
// tags of the asks that fit them (lib/cache/page-tags.ts), and every page expires by the clock when a session
// ends or an invitation closes.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { DashboardView } from '@/components/dashboard/DashboardView';
import { PAGE_TAGS, tagPage } from '@/lib/cache/page-tags';
import { dashboardExpiresAt } from '@/lib/dashboard/lifetime';
import { dashboardData } from '@/lib/dashboard/queries';
import { personForDashboardKey } from '@/lib/dashboard/cached-person';

type Props = { params: Promise<{ key: string }> };

export const metadata: Metadata = { title: 'Dashboard' };
/** Never reached before the expiry below (at most five minutes); here because a page in the cache needs one. */
export const revalidate = 300;
export function generateStaticParams() {
  return [];
}

export default async function CachedDashboard({ params }: Props) {
  const { key } = await params;
  const now = new Date();
  const user = await personForDashboardKey(key);
  if (!user) notFound();
  // Before the dashboard's reads, so a change while it renders counts (lib/cache/freshness.ts); the person's own
  // rows are covered by the key's version. Only a volunteer's page shows rows from outside their own (the asks
  // that fit them): theirs carries those asks' tags and their skills'.
  await tagPage([]);
  const data = await dashboardData(user);
  // Staff see "clinics that fit your open asks": any clinic published, changed or booked may enter or leave it.
  // Clinics are few and change seldom, so the whole list's tag costs little.
  const clinicTags = data.clinics.fitting ? [PAGE_TAGS.clinicLists] : [];
  await tagPage([...(data.volunteering?.fittingTags ?? []), ...clinicTags], {
    expiresAt: dashboardExpiresAt(now, data.staff, data.volunteering),
  });
  return <DashboardView user={user} data={data} />;
}
