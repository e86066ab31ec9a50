// What every email about a booked session shows: when (in the recipient's zone, with its length),
// how, with whom, and how to join.
import { formatDateTime, formatDuration } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';
import type { Medium } from '@/lib/generated/prisma/enums';
import type { MeetingDetails } from '../messages';
import { Details } from './email-layout';

/** "Fri 11 Dec, 14:30 GMT (30 minutes)" */
export function meetingWhen(details: Pick<MeetingDetails, 'startsAt' | 'endsAt' | 'timeZone'>): string {
  const minutes = Math.round((Date.parse(details.endsAt) - Date.parse(details.startsAt)) / 60_000);
  return `${formatDateTime(new Date(details.startsAt), details.timeZone)} (${formatDuration(minutes)})`;
}

/** "14:30 GMT": the time of day alone, for subjects that already say which day. */
export function formatTime(date: Date, timeZone: string): string {
  return new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone, timeZoneName: 'short' }).format(
    date,
  );
}

const joinLabels: Record<Medium, string> = {
  VIDEO: 'Video link',
  PHONE: 'Phone',
  EMAIL: 'Email',
  IN_PERSON: 'Where',
};

export function MeetingSummary({
  details,
  previousStartsAt,
  showJoin = true,
}: {
  details: MeetingDetails;
  /** For a move: the old start, shown above the new time. */
  previousStartsAt?: string;
  /** A cancelled session has nothing to join. */
  showJoin?: boolean;
}) {
  const when: Array<[string, string]> = previousStartsAt
    ? [
        ['Was', formatDateTime(new Date(previousStartsAt), details.timeZone)],
        ['Now', meetingWhen(details)],
      ]
    : [['When', meetingWhen(details)]];
  return (
    <Details
      rows={[
        ['What', details.askTitle],
        ...when,
        ['How', mediumLabels[details.medium]],
        ['With', details.withName],
        [joinLabels[details.medium], showJoin ? details.joinDetails?.trim() : null],
      ]}
    />
  );
}
