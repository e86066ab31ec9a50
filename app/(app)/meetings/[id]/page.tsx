// A booked session's page, for its two parties and admins only (anyone else sees a 404): when and how,
// the ask and its prep pack, both sides' contact details, the calendar file, and what each side can do
// next (move, cancel, mark held or missed, book a further catch-up). Works without JavaScript. Each section
// is a component in components/meetings/.
import type { Metadata } from 'next';
import { MeetingFeedbackSection } from '@/components/feedback/MeetingFeedbackSection';
import { MeetingAsk } from '@/components/meetings/MeetingAsk';
import { MeetingCatchUps } from '@/components/meetings/MeetingCatchUps';
import { MeetingHeader } from '@/components/meetings/MeetingHeader';
import { MeetingJoinDetails } from '@/components/meetings/MeetingJoinDetails';
import { MeetingMoveHistory } from '@/components/meetings/MeetingMoveHistory';
import { MeetingNextSteps } from '@/components/meetings/MeetingNextSteps';
import { MeetingOutcome } from '@/components/meetings/MeetingOutcome';
import { MeetingWhen } from '@/components/meetings/MeetingWhen';
import { PendingMoveSection } from '@/components/meetings/PendingMoveSection';
import { requireUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import { getMeetingForViewer } from '@/lib/meetings/queries';

export const metadata: Metadata = { title: 'Your session' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function MeetingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/meetings/${id}`);
  const now = new Date();
  const [data, { notice }] = await Promise.all([orNotFound(() => getMeetingForViewer(user, id, now)), searchParams]);

  return (
    <div className="space-y-8">
      <MeetingHeader data={data} notice={notice} />
      <MeetingWhen data={data} />
      <MeetingOutcome data={data} />
      <MeetingJoinDetails data={data} />
      <PendingMoveSection data={data} />
      <MeetingNextSteps data={data} now={now} />
      <MeetingCatchUps data={data} />
      <MeetingAsk ask={data.ask} />
      <MeetingMoveHistory data={data} />
      {data.status === 'HELD' ? <MeetingFeedbackSection meetingId={data.id} viewer={user} /> : null}
    </div>
  );
}
