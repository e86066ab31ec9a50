// Words the meeting page's sections share: a session's time span, each side's name, and one proposed move.
import { formatDateTime } from '@/lib/dates';
import type { MeetingMove, MeetingPageData } from '@/lib/meetings/queries';

/** "Tue 8 Dec, 14:30 GMT to 15:00" in `zone`. */
export function sessionSpan(startsAt: Date, endsAt: Date, zone: string): string {
  const end = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone }).format(endsAt);
  return `${formatDateTime(startsAt, zone)} to ${end}`;
}

export function sideName(data: MeetingPageData, party: 'VOLUNTEER' | 'CHARITY'): string {
  return party === 'VOLUNTEER' ? data.volunteer.name : data.organisation.name;
}

/** Who the viewer meets: the organisation for the volunteer, the volunteer for staff and admins. */
export function otherSideName(data: MeetingPageData): string {
  return data.viewer === 'VOLUNTEER' ? data.organisation.name : data.volunteer.name;
}

export function MoveLine({ move, data }: { move: MeetingMove; data: MeetingPageData }) {
  return (
    <>
      {sideName(data, move.proposedByParty)}
      {move.proposedByName && move.proposedByName !== sideName(data, move.proposedByParty) ? ` (${move.proposedByName})` : ''} proposed
      moving it from {formatDateTime(move.previousStartsAt, data.viewerZone)} to {formatDateTime(move.startsAt, data.viewerZone)}.
      {move.note ? ` “${move.note}”` : ''}
    </>
  );
}
