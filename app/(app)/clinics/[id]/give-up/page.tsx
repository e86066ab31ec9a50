import type { Metadata } from 'next';
import Link from 'next/link';
import { ButtonForm } from '@/components/clinics/ButtonForm';
import { requireUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import { cancelSeatAction } from '@/lib/clinics/actions';
import { seatToGiveUp } from '@/lib/clinics/session-view';
import { formatDateTime } from '@/lib/dates';

export const metadata: Metadata = { title: 'Give up your seat' };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ seat?: string | string[] }> };

// The "I can no longer come" link of a moved clinic's email: one button that gives the seat up (lib/clinics
// cancelSeat, which offers it to the first in line). A page with a button rather than a link that acts, so a
// mail scanner opening the link gives nothing up.
export default async function GiveUpSeatPage({ params, searchParams }: Props) {
  const [{ id }, { seat: seatParam }] = await Promise.all([params, searchParams]);
  const seatId = typeof seatParam === 'string' ? seatParam : '';
  const user = await requireUser(`/clinics/${id}/give-up?seat=${encodeURIComponent(seatId)}`);
  const seat = await orNotFound(() => seatToGiveUp(user, id, seatId));
  const { clinic } = seat;
  const live = seat.status === 'BOOKED' || seat.status === 'OFFERED' || seat.status === 'WAITING';
  const open = live && clinic.status === 'PUBLISHED' && clinic.startsAt > new Date();
  return (
    <div className="mx-auto max-w-2xl space-y-6">
      <h1 className="text-3xl font-bold tracking-tight break-words">Can no longer come to “{clinic.topic}”?</h1>
      {open ? (
        <>
          <p className="text-slate-800">
            The clinic is on {formatDateTime(clinic.startsAt, user.timeZone)}. If {seat.organisation.name} can no longer come, give up your{' '}
            {seat.status === 'WAITING' ? 'place on the waiting list' : 'seat'} so the next charity in line can have it.
          </p>
          <ButtonForm
            action={cancelSeatAction.bind(null, seat.id)}
            label={seat.status === 'WAITING' ? 'Leave the waiting list' : 'Give up our seat'}
            pendingText="Sending…"
            variant="danger"
          />
        </>
      ) : (
        <p className="text-slate-800">
          {live
            ? 'This clinic has started or is no longer running, so there is nothing to give up.'
            : `${seat.organisation.name} no longer has a seat at this clinic.`}
        </p>
      )}
      <p>
        <Link href={`/clinics/${clinic.id}`}>Back to the clinic</Link>
      </p>
    </div>
  );
}
