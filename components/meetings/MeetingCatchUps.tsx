import Link from 'next/link';
import { formatDateTime } from '@/lib/dates';
import type { MeetingPageData } from '@/lib/meetings/queries';
import { MeetingSection } from './MeetingSection';

/** The session this one follows up, and the further catch-up booked from it, if either. */
export function MeetingCatchUps({ data }: { data: MeetingPageData }) {
  if (!data.catchUp && !data.followsUp) return null;
  const zone = data.viewerZone;
  return (
    <MeetingSection id="catch-ups" title="Catch-ups">
      <ul className="space-y-1">
        {data.followsUp ? (
          <li>
            This is a further catch-up after{' '}
            <Link href={`/meetings/${data.followsUp.meetingId}`}>the session on {formatDateTime(data.followsUp.startsAt, zone)}</Link>.
          </li>
        ) : null}
        {data.catchUp ? (
          <li>
            A further catch-up {data.catchUp.status === 'CANCELLED' ? 'was booked (since cancelled)' : 'is booked'}:{' '}
            <Link href={`/meetings/${data.catchUp.meetingId}`}>{formatDateTime(data.catchUp.startsAt, zone)}</Link>.
          </li>
        ) : null}
      </ul>
    </MeetingSection>
  );
}
