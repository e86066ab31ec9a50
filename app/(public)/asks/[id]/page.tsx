import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { cache } from 'react';
import { AskPage } from '@/components/asks/AskPage';
import { ReportedNotice } from '@/components/reports/ReportedNotice';
import { ReportForm } from '@/components/reports/ReportForm';
import { getPublicAsk } from '@/lib/asks/queries';
import { getCurrentUser } from '@/lib/auth/session';
import { reportAction } from '@/lib/reports/actions';

// The page and its metadata both need the ask; one query per request.
const loadAsk = cache(getPublicAsk);

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ reported?: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ask = await loadAsk((await params).id);
  return { title: ask ? ask.title : 'Ask not found' };
}

// Signed-in visitors (the proxy sends anonymous ones to the cached twin, app/cached/asks), who may report it.
export default async function Ask({ params, searchParams }: Props) {
  await connection(); // status and offer count change: render per request
  const { id } = await params;
  const [ask, user, { reported }] = await Promise.all([loadAsk(id), getCurrentUser(), searchParams]);
  if (!ask) notFound();
  // Staff do not report their own organisation or its asks.
  const reporting = user && user.status === 'ACTIVE' && !user.memberships.some((m) => m.organisationId === ask.organisation.id);
  const report = reporting ? (
    <div className="space-y-3">
      <ReportForm action={reportAction.bind(null, 'ASK', ask.id, `/asks/${ask.id}`)} what="this ask" idPrefix="report-ask" />
      <ReportForm
        action={reportAction.bind(null, 'ORGANISATION', ask.organisation.id, `/asks/${ask.id}`)}
        what={ask.organisation.name}
        idPrefix="report-organisation"
      />
    </div>
  ) : null;
  return (
    <>
      <ReportedNotice shown={reported === '1'} />
      <AskPage ask={ask} report={report} />
    </>
  );
}
