// The top of the meeting page: what the last action did (the `notice` the action redirected with), the way back,
// the ask's title, the session's state and who it is with.
import Link from 'next/link';
import { Badge } from '@/components/ui/Badge';
import { FormAlert } from '@/components/ui/fields';
import { formatDuration } from '@/lib/dates';
import type { MeetingPageData } from '@/lib/meetings/queries';
import { otherSideName } from './meeting-text';

const ASK_REOPENED = 'Your ask is open for offers again; withdraw it from its page if you no longer need help.';

const notices: Record<string, string> = {
  reported: 'Thank you: your report was received. Our team will look into it and email you what we decided.',
  booked: 'The session is booked. Both sides have an email with a calendar invite, and can see each other’s contact details below.',
  'move-proposed': 'New time proposed. We have asked the other side to accept it.',
  moved: 'The session has moved to the new time. Both sides have a new calendar invite.',
  'move-declined': 'You declined the new time. The session stays as it was.',
  'move-withdrawn': 'You withdrew the new time. The session stays as it was.',
  cancelled: 'The session is cancelled. The other side has been told.',
  'cancelled-late': 'The session is cancelled and, as it was within 24 hours of the start, recorded as a late cancellation.',
  // A charity's cancellation puts its ask back on the lists: say so, and how to stop it.
  'cancelled-reopened': `The session is cancelled. The other side has been told. ${ASK_REOPENED}`,
  'cancelled-late-reopened': `The session is cancelled and, as it was within 24 hours of the start, recorded as a late cancellation. ${ASK_REOPENED}`,
  held: 'Thank you: the session is marked as held.',
  'no-show': 'Thank you for letting us know. The session is recorded as missed.',
  'booked-again': 'Your further catch-up is booked. The other side has the invite.',
};

const statusLabels = { SCHEDULED: 'Booked', HELD: 'Held', NO_SHOW: 'Missed', CANCELLED: 'Cancelled' } as const;

export function MeetingHeader({ data, notice }: { data: MeetingPageData; notice?: string }) {
  return (
    <div className="space-y-3">
      <div aria-live="polite">
        <FormAlert success={notice ? notices[notice] : undefined} />
      </div>
      <p className="text-sm">
        <Link href="/dashboard">← Your dashboard</Link>
      </p>
      <h1 className="text-3xl font-bold tracking-tight break-words">{data.ask.title}</h1>
      <p className="flex flex-wrap items-center gap-3 text-slate-700">
        <Badge tone={data.status === 'SCHEDULED' ? 'brand' : data.status === 'HELD' ? 'success' : 'neutral'}>
          {statusLabels[data.status]}
        </Badge>
        <span>
          {formatDuration(data.durationMinutes)} with {otherSideName(data)}
        </span>
        {data.viewer === 'ADMIN' ? <span>You are viewing this as an admin.</span> : null}
      </p>
    </div>
  );
}
