// The clinic's page, for whoever is looking (the view model in lib/clinics/queries.ts decides what each may see):
// anyone reads what it covers; staff book a seat or join the waiting list and manage their own; the volunteer
// and admins see who is coming. Times in the viewer's zone, named.
import Link from 'next/link';
import { ClinicFacts } from '@/components/clinics/ClinicFacts';
import { ClinicSeats } from '@/components/clinics/ClinicSeats';
import { ClinicSession } from '@/components/clinics/ClinicSession';
import { ButtonForm } from '@/components/clinics/ButtonForm';
import { OwnSeat } from '@/components/clinics/OwnSeat';
import { SeatForm } from '@/components/clinics/SeatForm';
import { Badge } from '@/components/ui/Badge';
import { FormAlert } from '@/components/ui/fields';
import { bookSeatAction, joinWaitingListAction, withdrawClinicAction } from '@/lib/clinics/actions';
import { clinicStatusLabels } from '@/lib/clinics/labels';
import type { ClinicPage } from '@/lib/clinics/queries';
import type { ClinicSessionView } from '@/lib/clinics/session-view';

/** What each action's redirect says (lib/clinics/actions.ts puts the key in ?notice=). */
function noticeText(notice: string | undefined, page: ClinicPage): string | undefined {
  switch (notice) {
    case 'submitted':
      return 'Your clinic is sent for review. We will email you when it is published.';
    case 'resubmitted':
      return 'Your changes are saved and sent for review. We will email you when it is published.';
    case 'withdrawn':
      return 'Your clinic is withdrawn. Charities will not see it.';
    case 'booked':
    case 'confirmed':
      return 'Your seat is booked. We have emailed you the details and a calendar invite.';
    case 'waiting':
      return page.waitingPosition
        ? `You are on the waiting list, number ${page.waitingPosition} in line. If a seat comes free we will email you.`
        : undefined;
    case 'declined':
      return 'Thank you for letting us know. The seat has gone to the next charity in line.';
    case 'given-up':
      return 'Your seat is given up. Thank you for letting the next charity have it.';
    // The session's own actions (lib/clinics/session-actions.ts).
    case 'moved':
      return 'The clinic is moved. Every charity with a seat has been emailed the new time and an updated invite.';
    case 'clinic-cancelled':
      return 'The clinic is cancelled. Every charity with a seat or a place has been told, and their calendars updated.';
    case 'attendance':
      return 'Attendance saved. Thank you.';
    case 'feedback':
      return 'Thank you for your feedback. The volunteer will see it.';
    default:
      return undefined;
  }
}

function StatusNotice({ page }: { page: ClinicPage }) {
  const { clinic } = page;
  if (clinic.status === 'CANCELLED') {
    return (
      <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
        This clinic was cancelled{clinic.cancelReason ? `: ${clinic.cancelReason}` : '.'}
      </p>
    );
  }
  if (clinic.status !== 'PUBLISHED') {
    return (
      <div className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
        <p>
          <span className="font-semibold">{clinicStatusLabels[clinic.status]}.</span>{' '}
          {clinic.status === 'PENDING_REVIEW' ? 'Charities see it once an admin has approved it.' : null}
        </p>
        {clinic.moderationNote ? <p className="mt-1 whitespace-pre-line break-words">The reviewer said: {clinic.moderationNote}</p> : null}
      </div>
    );
  }
  if (page.started) {
    return (
      <p className="rounded-md bg-slate-100 px-4 py-3 text-slate-900">
        {page.ended ? 'This clinic has taken place.' : 'This clinic has started; booking is closed.'}
      </p>
    );
  }
  return null;
}

/** How a visitor who cannot book here gets to: signed out, or signed in without an organisation. */
function BookingHint({ page, signedIn }: { page: ClinicPage; signedIn: boolean }) {
  if (page.clinic.status !== 'PUBLISHED' || page.started || page.viewer !== 'public') return null;
  const back = `/clinics/${page.clinic.id}`;
  return (
    <p className="text-slate-800">
      Seats are booked by staff of a verified charity or social enterprise, one seat per organisation.{' '}
      {signedIn ? (
        <Link href="/organisations/new">Add your organisation</Link>
      ) : (
        <Link href={`/signin?callbackUrl=${encodeURIComponent(back)}`}>Sign in to book a seat</Link>
      )}
      .
    </p>
  );
}

export function ClinicView({
  page,
  timeZone,
  signedIn,
  notice,
  session,
}: {
  page: ClinicPage;
  timeZone: string;
  signedIn: boolean;
  notice?: string;
  /** The session part's own reads (lib/clinics/session-view.ts): move, cancel, attendance, feedback, follow-up. */
  session?: ClinicSessionView;
}) {
  const { clinic } = page;
  const booking = page.booking;
  return (
    <div className="mx-auto max-w-3xl space-y-6">
      <p>
        <Link href="/clinics">All group clinics</Link>
      </p>
      <FormAlert success={noticeText(notice, page)} />
      <div className="space-y-2">
        <p className="flex flex-wrap items-center gap-2">
          <Badge tone="brand">Group clinic</Badge>
          {clinic.status !== 'PUBLISHED' ? <Badge tone="accent">{clinicStatusLabels[clinic.status]}</Badge> : null}
        </p>
        <h1 className="text-3xl font-bold tracking-tight break-words">{clinic.topic}</h1>
        {signedIn ? (
          <p className="text-slate-700">
            Run by {clinic.volunteer.name ?? 'a HalfHour volunteer'}
            {clinic.volunteer.headline ? `, ${clinic.volunteer.headline}` : ''}
          </p>
        ) : null}
      </div>
      <StatusNotice page={page} />

      <ClinicFacts clinic={clinic} timeZone={timeZone} started={page.started} />

      {page.viewer === 'volunteer' || page.viewer === 'admin' ? (
        <section aria-labelledby="joining" className="space-y-2">
          <h2 id="joining" className="text-xl font-semibold">
            How charities join
          </h2>
          <p className="text-sm text-slate-700">Shown to charities once their seat is booked.</p>
          <p className="whitespace-pre-line break-words text-slate-800">{page.joinDetails}</p>
        </section>
      ) : null}

      {page.canEdit ? (
        <section aria-labelledby="change-clinic" className="space-y-3">
          <h2 id="change-clinic" className="text-xl font-semibold">
            Change or withdraw it
          </h2>
          <p>
            <Link href={`/clinics/${clinic.id}/edit`}>Change your clinic</Link> (it goes to review again).
          </p>
          <ButtonForm
            action={withdrawClinicAction.bind(null, clinic.id)}
            label="Withdraw this clinic"
            pendingText="Withdrawing…"
            variant="danger"
          />
        </section>
      ) : null}

      <OwnSeat page={page} timeZone={timeZone} />

      {session ? <ClinicSession page={page} timeZone={timeZone} view={session} /> : null}

      {booking ? (
        <section aria-labelledby="book" className="space-y-3">
          <h2 id="book" className="text-xl font-semibold">
            {booking.full ? 'Join the waiting list' : 'Book a seat'}
          </h2>
          {booking.refusal ? (
            <p className="text-slate-800">{booking.refusal}</p>
          ) : (
            <>
              <p className="text-slate-800">
                {booking.full
                  ? 'Every seat is taken. Join the waiting list: if a seat comes free, the first in line is emailed and has 24 hours to confirm it.'
                  : 'One seat per organisation. Write the one question you would like answered; the volunteer reads it before the clinic.'}
              </p>
              <SeatForm
                action={booking.full ? joinWaitingListAction.bind(null, clinic.id) : bookSeatAction.bind(null, clinic.id)}
                full={booking.full}
                bring={clinic.bring}
                organisations={booking.organisations}
              />
            </>
          )}
        </section>
      ) : null}

      <BookingHint page={page} signedIn={signedIn} />

      {page.seats ? <ClinicSeats seats={page.seats} timeZone={timeZone} /> : null}
    </div>
  );
}
