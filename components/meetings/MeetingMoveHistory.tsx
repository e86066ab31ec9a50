import { formatDateTime } from '@/lib/dates';
import type { MeetingPageData } from '@/lib/meetings/queries';
import { MeetingSection } from './MeetingSection';
import { MoveLine } from './meeting-text';

const moveStatusLabels = {
  PENDING: 'Waiting for an answer',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
  SUPERSEDED: 'Closed when the session changed',
} as const;

/** Every new time proposed and answered (the one still waiting is PendingMoveSection's). */
export function MeetingMoveHistory({ data }: { data: MeetingPageData }) {
  const answered = data.moves.filter((move) => move.status !== 'PENDING');
  if (answered.length === 0) return null;
  return (
    <MeetingSection id="history" title="Changes to the time">
      <ul className="space-y-2">
        {answered.map((move) => (
          <li key={move.id} className="rounded-lg border border-slate-200 p-3">
            <MoveLine move={move} data={data} /> <span className="font-medium">{moveStatusLabels[move.status]}</span>
            {move.respondedAt ? ` on ${formatDateTime(move.respondedAt, data.viewerZone)}` : ''}
            {move.respondedByName && move.status !== 'WITHDRAWN' ? ` by ${move.respondedByName}` : ''}.
          </li>
        ))}
      </ul>
    </MeetingSection>
  );
}
