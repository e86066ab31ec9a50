// Bits of a session's line on the dashboard: a waiting move to answer, and how a past session ended.
import type { DashboardMeeting } from '@/lib/dashboard/meeting-lists';

const outcomes = { HELD: 'held', NO_SHOW: 'missed', CANCELLED: 'cancelled', SCHEDULED: 'not marked yet' } as const;

/** " A new time is proposed: answer it." when the other side asked to move it; the viewer's own waits quietly. */
export function PendingMoveNote({ meeting }: { meeting: DashboardMeeting }) {
  if (meeting.pendingMove === 'theirs') return <strong className="font-semibold"> A new time is proposed: please answer it.</strong>;
  if (meeting.pendingMove === 'ours') return <span> Your new time is waiting for an answer.</span>;
  return null;
}

/** "held", "missed", "cancelled" or "not marked yet". */
export function sessionOutcome(meeting: DashboardMeeting): string {
  return outcomes[meeting.status];
}
