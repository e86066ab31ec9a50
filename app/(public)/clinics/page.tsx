import type { Metadata } from 'next';
import { ClinicsPage } from '@/components/clinics/ClinicsPage';
import { getCurrentUser } from '@/lib/auth/session';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';

export const metadata: Metadata = { title: 'Group clinics' };

// Signed-in visitors, in their own zone (the proxy sends anonymous ones to the cached twin, app/cached/clinics).
export default async function Clinics({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const [params, user] = await Promise.all([searchParams, getCurrentUser()]);
  return <ClinicsPage params={params} timeZone={user?.timeZone ?? DEFAULT_TIME_ZONE} canOffer={Boolean(user?.volunteerProfile)} />;
}
