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

type Timed = Pick<MeetingDetails, 'startsAt' | 'endsAt' | 'timeZone'>;

/** When, as rows: for a move the old start above the new time, otherwise the time. A session's and a clinic's. */
export function whenRows(details: Timed, previousStartsAt?: string): Array<[string, string]> {
  return previousStartsAt
    ? [
        ['Was', formatDateTime(new Date(previousStartsAt), details.timeZone)],
        ['Now', meetingWhen(details)],
      ]
    : [['When', meetingWhen(details)]];
}

/** How to join, labelled by the medium; left out when not shown (a cancellation, or a reader without a seat). */
export function joinRow(details: { medium: Medium; joinDetails?: string | null }, show: boolean): [string, string | null | undefined] {
  return [joinLabels[details.medium], show ? details.joinDetails?.trim() : null];
}

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
  return (
    <Details
      rows={[
        ['What', details.askTitle],
        ...whenRows(details, previousStartsAt),
        ['How', mediumLabels[details.medium]],
        ['With', details.withName],
        joinRow(details, showJoin),
      ]}
    />
  );
}
