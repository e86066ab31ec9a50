import type { Metadata } from 'next';
import { DashboardView } from '@/components/dashboard/DashboardView';
import { requireUser } from '@/lib/auth/guards';
import { dashboardData } from '@/lib/dashboard/queries';

export const metadata: Metadata = { title: 'Dashboard' };

const notices: Record<string, string> = {
  'left-organisation': 'You have left the organisation.',
  'invitation-declined': 'Invitation declined. Thank you for letting the charity know.',
};

/**
 * The dashboard rendered for this request. A signed-in person's plain /dashboard is usually their cached copy
 * (app/cached/dashboard, docs/decisions/0015); this page answers the rest: a notice to show, a server action
 * with JavaScript, and anyone the proxy did not give a key (signed out, suspended, not onboarded).
 */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser('/dashboard');
  const [{ notice }, data] = await Promise.all([searchParams, dashboardData(user)]);
  return <DashboardView user={user} data={data} notice={notice ? notices[notice] : undefined} />;
}
