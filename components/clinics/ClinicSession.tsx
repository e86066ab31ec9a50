// The clinic's session on its page (lib/clinics/changes.ts and after.ts): its calendar file for whoever holds the
// event; before the start the volunteer may move or cancel it (an admin may cancel it); after the start the
// volunteer marks who came, and a charity with a seat gives feedback and books a follow-up.
import Link from 'next/link';
import { AttendanceForm } from '@/components/clinics/AttendanceForm';
import { CancelClinicForm } from '@/components/clinics/CancelClinicForm';
import { ClinicFeedbackForm } from '@/components/clinics/ClinicFeedbackForm';
import { ClinicFollowUpForm } from '@/components/clinics/ClinicFollowUpForm';
import { MoveClinicForm } from '@/components/clinics/MoveClinicForm';
import type { ClinicPage } from '@/lib/clinics/queries';
import {
  bookClinicFollowUpAction,
  cancelClinicAction,
  giveClinicFeedbackAction,
  markAttendanceAction,
  moveClinicAction,
} from '@/lib/clinics/session-actions';
import type { ClinicSessionView } from '@/lib/clinics/session-view';
import { timeZoneLabel } from '@/lib/dates';
import { MAX_AHEAD_DAYS } from '@/lib/offers/times';
import { addDays, dateInZone } from '@/lib/time-zones';

function CalendarLink({ page }: { page: ClinicPage }) {
  const { clinic, ownSeat } = page;
  const cancelled = clinic.status === 'CANCELLED' || ownSeat?.status === 'CANCELLED';
  const holds =
    (page.viewer === 'volunteer' && (clinic.status === 'PUBLISHED' || clinic.status === 'CANCELLED')) ||
    ownSeat?.status === 'BOOKED' ||
    (clinic.status === 'CANCELLED' && ownSeat?.status === 'CANCELLED');
  if (!holds || page.started) return null;
  return (
    <p>
      <a href={`/api/clinics/${clinic.id}/calendar`} download>
        {cancelled ? 'Download the calendar cancellation (.ics)' : 'Add the clinic to your calendar (.ics)'}
      </a>
    </p>
  );
}

export function ClinicSession({ page, timeZone, view }: { page: ClinicPage; timeZone: string; view: ClinicSessionView }) {
  const { clinic, ownSeat } = page;
  const published = clinic.status === 'PUBLISHED';
  const now = new Date();
  const volunteerName = clinic.volunteer.name ?? 'the volunteer';
  const booked = page.seats?.filter((seat) => seat.status === 'BOOKED') ?? [];
  return (
    <>
      <CalendarLink page={page} />

      {published && !page.started && (page.viewer === 'volunteer' || page.viewer === 'admin') ? (
        <section aria-labelledby="move-or-cancel" className="space-y-3">
          <h2 id="move-or-cancel" className="text-xl font-semibold">
            {page.viewer === 'volunteer' ? 'Move or cancel it' : 'Cancel it'}
          </h2>
          {page.viewer === 'volunteer' ? (
            <MoveClinicForm
              action={moveClinicAction.bind(null, clinic.id)}
              zoneLabel={timeZoneLabel(clinic.timeZone)}
              minDate={dateInZone(now, clinic.timeZone)}
              maxDate={addDays(dateInZone(now, clinic.timeZone), MAX_AHEAD_DAYS)}
            />
          ) : null}
          <CancelClinicForm action={cancelClinicAction.bind(null, clinic.id)} />
        </section>
      ) : null}

      {published && page.started && page.viewer === 'volunteer' && booked.length > 0 ? (
        <section aria-labelledby="who-came" className="space-y-4">
          <h2 id="who-came" className="text-xl font-semibold">
            Who came
          </h2>
          <ul className="space-y-4">
            {booked.map((seat) => (
              <li key={seat.id} className="rounded-lg border border-slate-300 p-4">
                <AttendanceForm
                  action={markAttendanceAction.bind(null, seat.id)}
                  organisationName={seat.organisationName}
                  marked={seat.attendance}
                />
              </li>
            ))}
          </ul>
        </section>
      ) : null}

      {published && page.started && ownSeat?.status === 'BOOKED' ? (
        <section aria-labelledby="after-clinic" className="space-y-4">
          <h2 id="after-clinic" className="text-xl font-semibold">
            After the clinic
          </h2>
          {ownSeat.feedbackAt ? (
            <p className="text-slate-800">Thank you: {ownSeat.organisationName} has given its feedback on this clinic.</p>
          ) : (
            <ClinicFeedbackForm action={giveClinicFeedbackAction.bind(null, ownSeat.id)} volunteerName={volunteerName} />
          )}
          {ownSeat.attendance === 'ATTENDED' ? (
            ownSeat.followUpMeetingId ? (
              <p>
                <Link href={`/meetings/${ownSeat.followUpMeetingId}`}>Your follow-up with {volunteerName}</Link>
              </p>
            ) : view.followUpAsks && view.followUpAsks.length > 0 ? (
              <ClinicFollowUpForm
                action={bookClinicFollowUpAction.bind(null, ownSeat.id)}
                asks={view.followUpAsks}
                volunteerName={volunteerName}
                zoneLabel={timeZoneLabel(timeZone)}
                minDate={dateInZone(now, timeZone)}
                maxDate={addDays(dateInZone(now, timeZone), MAX_AHEAD_DAYS)}
              />
            ) : (
              <p className="text-slate-800">
                To book a one-to-one follow-up with {volunteerName}, first{' '}
                <Link href={`/my-asks/new?organisation=${ownSeat.organisationId}`}>post an ask</Link> about your question; the follow-up is
                booked about it.
              </p>
            )
          ) : null}
        </section>
      ) : null}
    </>
  );
}
