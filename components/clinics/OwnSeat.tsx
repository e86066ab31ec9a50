// A charity's own seat or place on the clinic's page: its question, and once booked how to join and the
// volunteer's email; the offer of a freed seat to confirm or turn down; giving it up; an offer that lapsed
// unconfirmed (so the charity is not left wondering where its place went). Never another charity's.
import { ButtonForm } from '@/components/clinics/ButtonForm';
import { cancelSeatAction, confirmSeatAction, declineSeatAction } from '@/lib/clinics/actions';
import type { ClinicPage } from '@/lib/clinics/queries';
import { formatDateTime } from '@/lib/dates';

export function OwnSeat({ page, timeZone }: { page: ClinicPage; timeZone: string }) {
  const seat = page.ownSeat;
  if (!seat) return null;
  const open = !page.started && page.clinic.status === 'PUBLISHED';
  if (seat.status === 'LAPSED') return <LapsedSeat page={page} timeZone={timeZone} open={open} />;
  if (seat.status !== 'BOOKED' && seat.status !== 'OFFERED' && seat.status !== 'WAITING') return null;
  return (
    <section aria-labelledby="your-seat" className="space-y-3 rounded-lg border border-brand-700 p-5">
      <h2 id="your-seat" className="text-xl font-semibold">
        {seat.status === 'BOOKED' ? 'Your seat' : seat.status === 'OFFERED' ? 'A seat is free for you' : 'Your place on the waiting list'}
      </h2>
      {seat.status === 'BOOKED' ? (
        <p className="text-slate-800">{seat.organisationName} has a seat at this clinic.</p>
      ) : seat.status === 'OFFERED' ? (
        <p className="text-slate-800">
          A seat came free and it is held for {seat.organisationName}
          {seat.offerExpiresAt ? ` until ${formatDateTime(seat.offerExpiresAt, timeZone)}` : ''}. Confirm it, or turn it down so the next
          charity in line can have it.
        </p>
      ) : (
        <p className="text-slate-800">
          {seat.organisationName} is number {page.waitingPosition} in line. If a seat comes free we will email you and hold it for you for
          24 hours.
        </p>
      )}
      <p className="whitespace-pre-line break-words text-slate-800">
        <span className="font-medium">Your question: </span>
        {seat.question}
      </p>
      {seat.status === 'BOOKED' ? (
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[auto_1fr]">
          {page.joinDetails ? (
            <>
              <dt className="font-semibold">How to join</dt>
              <dd className="whitespace-pre-line break-words">{page.joinDetails}</dd>
            </>
          ) : null}
          {page.volunteerEmail ? (
            <>
              <dt className="font-semibold">The volunteer</dt>
              <dd className="break-words">
                {page.clinic.volunteer.name ?? 'Your volunteer'}: <a href={`mailto:${page.volunteerEmail}`}>{page.volunteerEmail}</a>
              </dd>
            </>
          ) : null}
        </dl>
      ) : null}
      {open && seat.status === 'OFFERED' ? (
        <div className="flex flex-wrap gap-4">
          <ButtonForm action={confirmSeatAction.bind(null, seat.id)} label="Confirm my seat" pendingText="Confirming…" />
          <ButtonForm action={declineSeatAction.bind(null, seat.id)} label="Turn it down" pendingText="Sending…" variant="secondary" />
        </div>
      ) : null}
      {open && seat.status !== 'OFFERED' ? (
        <ButtonForm
          action={cancelSeatAction.bind(null, seat.id)}
          label={seat.status === 'BOOKED' ? 'Give up our seat' : 'Leave the waiting list'}
          pendingText="Sending…"
          variant="secondary"
        />
      ) : null}
    </section>
  );
}

/** The hold on a freed seat ended unconfirmed: when, that the place in line is gone, and what they can do now. */
function LapsedSeat({ page, timeZone, open }: { page: ClinicPage; timeZone: string; open: boolean }) {
  const seat = page.ownSeat!;
  const booking = open && page.booking && !page.booking.refusal ? page.booking : null;
  return (
    <section aria-labelledby="your-seat" className="space-y-3 rounded-lg border border-slate-300 p-5">
      <h2 id="your-seat" className="text-xl font-semibold">
        The seat we held for you has passed on
      </h2>
      <p className="text-slate-800">
        We held a seat for {seat.organisationName}
        {seat.offerExpiresAt ? ` until ${formatDateTime(seat.offerExpiresAt, timeZone)}` : ''}, but it was not confirmed in time, so it was
        passed on. {seat.organisationName} is no longer on this clinic’s waiting list.
        {booking ? (booking.full ? ' You can join the waiting list again below.' : ' A seat is free now: you can book it below.') : ''}
      </p>
    </section>
  );
}
