// The charity side of the dashboard: what is waiting for staff across their organisations. Times are in
// the staff member's own zone, named.
import Link from 'next/link';
import { formatDate, formatDateTime } from '@/lib/dates';
import type { StaffDashboard } from '@/lib/dashboard/staff';
import { plural } from '@/lib/labels';
import { DashboardList } from './DashboardList';
import { PendingMoveNote, sessionOutcome } from './MeetingLines';

export function StaffWork({ data, timeZone, showOrganisation }: { data: StaffDashboard; timeZone: string; showOrganisation: boolean }) {
  const org = (name: string) => (showOrganisation ? <span className="text-sm text-slate-700"> ({name})</span> : null);
  return (
    <section aria-labelledby="charity-work" className="space-y-6">
      <h2 id="charity-work" className="text-xl font-semibold">
        For your organisation
      </h2>

      <DashboardList id="offers-waiting" title="Offers waiting for an answer" empty="No offers are waiting for an answer.">
        {data.asksWithOffers.map((ask) => (
          <li key={ask.id}>
            <Link href={`/my-asks/${ask.id}/offers`}>{ask.title}</Link>
            {org(ask.organisationName)}: {plural(ask.pendingOffers, 'offer')} waiting. Closes {formatDate(ask.deadline, timeZone)}.
          </li>
        ))}
      </DashboardList>

      <DashboardList
        id="staff-upcoming"
        title="Upcoming sessions"
        empty="No sessions are booked. When you accept an offer, it appears here."
      >
        {data.upcoming.map((meeting) => (
          <li key={meeting.id}>
            <Link href={`/meetings/${meeting.id}`}>{meeting.askTitle}</Link>
            {org(meeting.organisationName)}: {formatDateTime(meeting.startsAt, timeZone)}
            {meeting.withName ? ` with ${meeting.withName}` : ''}.
            <PendingMoveNote meeting={meeting} />
          </li>
        ))}
      </DashboardList>

      <DashboardList id="staff-feedback-owed" title="Feedback to give" empty="You are up to date: no session is waiting for your feedback.">
        {data.feedbackOwed.map((meeting) => (
          <li key={meeting.id}>
            <Link href={`/meetings/${meeting.id}${meeting.needsMarking ? '' : '#feedback'}`}>{meeting.askTitle}</Link>
            {org(meeting.organisationName)}:{' '}
            {meeting.needsMarking ? 'say whether the session took place, then give feedback' : 'give feedback'} (
            {formatDateTime(meeting.startsAt, timeZone)}
            {meeting.withName ? ` with ${meeting.withName}` : ''}).
          </li>
        ))}
      </DashboardList>

      <DashboardList id="staff-recent" title="Recent sessions" empty="No sessions in the last two months.">
        {data.recent.map((meeting) => (
          <li key={meeting.id}>
            <Link href={`/meetings/${meeting.id}`}>{meeting.askTitle}</Link>
            {org(meeting.organisationName)}: {formatDateTime(meeting.startsAt, timeZone)}
            {meeting.withName ? ` with ${meeting.withName}` : ''}, {sessionOutcome(meeting)}.
          </li>
        ))}
      </DashboardList>

      <DashboardList id="practice-checks" title="Did you put it into practice?" empty="No practice checks are waiting.">
        {data.practiceChecks.map((check) => (
          <li key={check.id}>
            <Link href={`/meetings/${check.meetingId}#practice-check`}>{check.askTitle}</Link>
            {org(check.organisationName)}: tell {check.volunteerName?.trim() || 'your volunteer'} what came of your session on{' '}
            {formatDate(check.heldAt, timeZone)}.
          </li>
        ))}
      </DashboardList>
    </section>
  );
}
