import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClinicView } from '@/components/clinics/ClinicView';
import { orNotFound } from '@/lib/auth/not-found';
import { getCurrentUser } from '@/lib/auth/session';
import { clinicPage } from '@/lib/clinics/queries';
import { clinicSessionView } from '@/lib/clinics/session-view';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';

export const metadata: Metadata = { title: 'Group clinic' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string | string[] }> };

// Rendered per request for everyone: what it shows depends on who is looking (lib/clinics/queries.ts). A clinic
// this viewer may not see (in review, withdrawn, rejected, or no such id) is a 404 like any other.
export default async function ClinicRoute({ params, searchParams }: Props) {
  const [{ id }, { notice }, user] = await Promise.all([params, searchParams, getCurrentUser()]);
  const page = await orNotFound(() => clinicPage(user, id));
  if (!page) notFound();
  const session = await clinicSessionView(user, page);
  return (
    <ClinicView
      page={page}
      timeZone={user?.timeZone ?? DEFAULT_TIME_ZONE}
      signedIn={Boolean(user)}
      notice={typeof notice === 'string' ? notice : undefined}
      session={session}
    />
  );
}
