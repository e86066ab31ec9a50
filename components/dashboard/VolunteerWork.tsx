// The volunteer side of the dashboard: invitations waiting for them, their offers, sessions, feedback owed,
// this month's capacity and asks that fit them. Times are in the zone of their volunteer profile, named.
import Link from 'next/link';
import { formatDate, formatDateTime } from '@/lib/dates';
import type { VolunteerDashboard } from '@/lib/dashboard/volunteer';
import type { OfferStatus } from '@/lib/generated/prisma/enums';
import { plural } from '@/lib/labels';
import { DashboardList } from './DashboardList';
import { PendingMoveNote, sessionOutcome } from './MeetingLines';
import { FittingAsks } from './FittingAsks';
import { VolunteerInvitations, type InvitationWithDecline } from './VolunteerInvitations';

const offerGroups: Array<{ title: string; statuses: OfferStatus[] }> = [
  { title: 'Waiting for an answer', statuses: ['PENDING'] },
  { title: 'Accepted', statuses: ['ACCEPTED'] },
  { title: 'Not taken up', statuses: ['DECLINED', 'EXPIRED', 'WITHDRAWN'] },
];

const closedLabels: Partial<Record<OfferStatus, string>> = { DECLINED: 'not taken up', EXPIRED: 'expired', WITHDRAWN: 'withdrawn' };

function CapacityLine({ load }: { load: VolunteerDashboard['load'] }) {
  if (load.paused) {
    return (
      <p className="text-slate-800">
        Your volunteering is paused{load.pausedReason ? `: ${load.pausedReason}` : ''}. You cannot make new offers until you resume it on{' '}
        <Link href="/volunteer/profile">your profile</Link>.
      </p>
    );
  }
  return (
    <p className="text-slate-800">
      This month: {plural(load.booked, 'session')} booked or given, {plural(load.pending, 'offer')} waiting
      {load.invited > 0 ? ` and ${plural(load.invited, 'invitation')} to answer` : ''}, of the {load.capacity} you said you could give.{' '}
      {load.spare > 0
        ? `You can offer ${load.spare} more.`
        : 'You have reached your limit for this month; you can change it on your profile.'}
    </p>
  );
}

export function VolunteerWork({
  data,
  invitations,
}: {
  data: VolunteerDashboard;
  /** The dashboard's invitations, each with its decline action bound by the page. */
  invitations: InvitationWithDecline[];
}) {
  const zone = data.timeZone;
  return (
    <section aria-labelledby="volunteer-work" className="space-y-6">
      <h2 id="volunteer-work" className="text-xl font-semibold">
        Your offers and sessions
      </h2>
      <CapacityLine load={data.load} />
      <p>
        <Link href="/volunteer/impact">See the difference your time has made</Link>
      </p>

      <VolunteerInvitations invitations={invitations} timeZone={zone} />

      <DashboardList id="volunteer-upcoming" title="Your upcoming sessions" empty="No sessions are booked yet.">
        {data.upcoming.map((meeting) => (
          <li key={meeting.id}>
            <Link href={`/meetings/${meeting.id}`}>{meeting.askTitle}</Link> with {meeting.organisationName}:{' '}
            {formatDateTime(meeting.startsAt, zone)}.
            <PendingMoveNote meeting={meeting} />
          </li>
        ))}
      </DashboardList>

      <DashboardList
        id="volunteer-feedback-owed"
        title="Feedback to give"
        empty="You are up to date: no session is waiting for your feedback."
      >
        {data.feedbackOwed.map((meeting) => (
          <li key={meeting.id}>
            <Link href={`/meetings/${meeting.id}${meeting.needsMarking ? '' : '#feedback'}`}>{meeting.askTitle}</Link> with{' '}
            {meeting.organisationName}: {meeting.needsMarking ? 'say whether the session took place, then give feedback' : 'give feedback'}{' '}
            ({formatDateTime(meeting.startsAt, zone)}).
          </li>
        ))}
      </DashboardList>

      <DashboardList id="volunteer-recent" title="Recent sessions" empty="No sessions in the last two months.">
        {data.recent.map((meeting) => (
          <li key={meeting.id}>
            <Link href={`/meetings/${meeting.id}`}>{meeting.askTitle}</Link> with {meeting.organisationName}:{' '}
            {formatDateTime(meeting.startsAt, zone)}, {sessionOutcome(meeting)}.
          </li>
        ))}
      </DashboardList>

      <section aria-labelledby="your-offers" className="space-y-3">
        <h3 id="your-offers" className="text-lg font-semibold">
          Your offers
        </h3>
        {data.offers.length === 0 ? (
          <p className="text-slate-700">
            You have not offered to help yet. <Link href="/asks">Browse open asks</Link>.
          </p>
        ) : (
          offerGroups.map((group) => {
            const offers = data.offers.filter((offer) => group.statuses.includes(offer.status));
            if (offers.length === 0) return null;
            return (
              <div key={group.title} className="space-y-1">
                <h4 className="font-semibold text-slate-900">{group.title}</h4>
                <ul className="space-y-1">
                  {offers.map((offer) => (
                    <li key={offer.id}>
                      <Link href={`/asks/${offer.askId}/offer`}>{offer.askTitle}</Link> for {offer.organisationName}, offered{' '}
                      {formatDate(offer.createdAt, zone)}
                      {closedLabels[offer.status] ? ` (${closedLabels[offer.status]})` : ''}.
                      {offer.meetingId ? (
                        <>
                          {' '}
                          <Link href={`/meetings/${offer.meetingId}`}>See the session</Link>
                        </>
                      ) : null}
                    </li>
                  ))}
                </ul>
              </div>
            );
          })
        )}
      </section>

      <FittingAsks asks={data.fitting} timeZone={zone} />
    </section>
  );
}
