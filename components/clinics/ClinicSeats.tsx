// "Who is coming": every charity's seat or place with its question, for the clinic's volunteer and admins only
// (lib/clinics/queries.ts gives the rows to no one else). Places on the waiting list are in their order.
import { Badge } from '@/components/ui/Badge';
import { seatStatusLabels } from '@/lib/clinics/labels';
import type { ClinicSeatView } from '@/lib/clinics/queries';
import { formatDateTime } from '@/lib/dates';
import { plural } from '@/lib/labels';

function SeatLine({ seat, timeZone }: { seat: ClinicSeatView; timeZone: string }) {
  return (
    <li className="space-y-1 rounded-md border border-slate-200 p-4">
      <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
        <span className="font-semibold break-words">{seat.organisationName}</span>
        <Badge tone={seat.status === 'BOOKED' ? 'success' : 'neutral'}>{seatStatusLabels[seat.status]}</Badge>
        {seat.attendance ? <Badge tone="brand">{seat.attendance === 'ATTENDED' ? 'Came' : 'Did not come'}</Badge> : null}
      </p>
      {seat.bookerName ? <p className="text-sm text-slate-700">Booked by {seat.bookerName}</p> : null}
      {seat.status === 'OFFERED' && seat.offerExpiresAt ? (
        <p className="text-sm text-slate-700">Has until {formatDateTime(seat.offerExpiresAt, timeZone)} to confirm</p>
      ) : null}
      <p className="whitespace-pre-line break-words text-slate-800">
        <span className="font-medium">Their question: </span>
        {seat.question}
      </p>
      {seat.feedbackAt ? (
        <div className="mt-2 rounded-md bg-slate-50 p-3 text-sm text-slate-800">
          <p>
            <span className="font-medium">Their rating:</span> {seat.rating} of 5
          </p>
          {seat.changes ? (
            <p className="break-words">
              <span className="font-medium">What they will do differently:</span> {seat.changes}
            </p>
          ) : null}
          {seat.thanks ? (
            <p className="break-words">
              <span className="font-medium">Their thank-you:</span> {seat.thanks}
            </p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}

export function ClinicSeats({ seats, timeZone }: { seats: ClinicSeatView[]; timeZone: string }) {
  const holding = seats.filter((seat) => seat.status === 'BOOKED' || seat.status === 'OFFERED');
  const waiting = seats.filter((seat) => seat.status === 'WAITING');
  const gone = seats.length - holding.length - waiting.length;
  return (
    <section id="seats" aria-labelledby="who-is-coming" className="scroll-mt-4 space-y-4">
      <h2 id="who-is-coming" className="text-xl font-semibold">
        Who is coming
      </h2>
      <p className="text-sm text-slate-700">Only you and HalfHour’s admins see the charities and their questions.</p>
      {holding.length === 0 ? (
        <p className="text-slate-700">No charity has booked a seat yet.</p>
      ) : (
        <ul className="space-y-3">
          {holding.map((seat) => (
            <SeatLine key={seat.id} seat={seat} timeZone={timeZone} />
          ))}
        </ul>
      )}
      {waiting.length > 0 ? (
        <>
          <h3 className="text-lg font-semibold">Waiting list, in order</h3>
          <ol className="space-y-3">
            {waiting.map((seat) => (
              <SeatLine key={seat.id} seat={seat} timeZone={timeZone} />
            ))}
          </ol>
        </>
      ) : null}
      {gone > 0 ? <p className="text-sm text-slate-700">{plural(gone, 'charity', 'charities')} gave up a seat or place.</p> : null}
    </section>
  );
}
