// The two lifecycles of a group clinic as pure tables: the clinic's (checked like an ask, then published or
// called off) and each seat's (booked, on the waiting list, offered a freed seat for 24 hours, given up or
// lapsed). Mutations build their conditional `where` from them, so the database refuses an illegal step even
// under a race; every pair is unit-tested (tests/unit/clinic-transitions.test.ts).
import type { ClinicSeatStatus, ClinicStatus } from '@/lib/generated/prisma/enums';

/** Who moves a clinic: the volunteer who offers it, an admin moderating, or the system. */
export type ClinicMover = 'volunteer' | 'admin' | 'system';

export type ClinicTransition = 'edit' | 'withdraw' | 'approve' | 'request-changes' | 'reject' | 'cancel';

interface Rule<S, M> {
  from: S;
  to: S;
  by: M;
}

export const CLINIC_TRANSITIONS: Record<ClinicTransition, Array<Rule<ClinicStatus, ClinicMover>>> = {
  // Editing keeps a clinic in review, and sends one that came back with changes requested for review again.
  edit: [
    { from: 'PENDING_REVIEW', to: 'PENDING_REVIEW', by: 'volunteer' },
    { from: 'CHANGES_REQUESTED', to: 'PENDING_REVIEW', by: 'volunteer' },
  ],
  // Taken back before it is published; once published it is cancelled instead, so attendees are told.
  withdraw: [
    { from: 'PENDING_REVIEW', to: 'WITHDRAWN', by: 'volunteer' },
    { from: 'CHANGES_REQUESTED', to: 'WITHDRAWN', by: 'volunteer' },
  ],
  approve: [{ from: 'PENDING_REVIEW', to: 'PUBLISHED', by: 'admin' }],
  'request-changes': [{ from: 'PENDING_REVIEW', to: 'CHANGES_REQUESTED', by: 'admin' }],
  reject: [{ from: 'PENDING_REVIEW', to: 'REJECTED', by: 'admin' }],
  // Called off after publication (lib/clinics/changes.ts): every attendee is sent METHOD:CANCEL.
  cancel: [
    { from: 'PUBLISHED', to: 'CANCELLED', by: 'volunteer' },
    { from: 'PUBLISHED', to: 'CANCELLED', by: 'admin' },
  ],
};

/** Who moves a seat: staff of the seat's organisation, or the system (the waiting list, a cancelled clinic). */
export type SeatMover = 'staff' | 'system';

export type SeatTransition = 'offer' | 'confirm' | 'decline' | 'cancel' | 'lapse';

export const SEAT_TRANSITIONS: Record<SeatTransition, Array<Rule<ClinicSeatStatus, SeatMover>>> = {
  // A seat was freed: the first in line is offered it for 24 hours.
  offer: [{ from: 'WAITING', to: 'OFFERED', by: 'system' }],
  confirm: [{ from: 'OFFERED', to: 'BOOKED', by: 'staff' }],
  // Saying no to an offered seat gives up the place in line too: it goes to the next.
  decline: [{ from: 'OFFERED', to: 'CANCELLED', by: 'staff' }],
  cancel: [
    { from: 'BOOKED', to: 'CANCELLED', by: 'staff' },
    { from: 'OFFERED', to: 'CANCELLED', by: 'staff' },
    { from: 'WAITING', to: 'CANCELLED', by: 'staff' },
    // The clinic itself was cancelled.
    { from: 'BOOKED', to: 'CANCELLED', by: 'system' },
    { from: 'OFFERED', to: 'CANCELLED', by: 'system' },
    { from: 'WAITING', to: 'CANCELLED', by: 'system' },
  ],
  // Not confirmed within its 24 hours (lib/clinics/waiting-list.ts).
  lapse: [{ from: 'OFFERED', to: 'LAPSED', by: 'system' }],
};

/** Seats that take one of the clinic's places: counted against Clinic.seats. */
export const SEAT_HOLDING_STATUSES: readonly ClinicSeatStatus[] = ['BOOKED', 'OFFERED'];
/** A seat or place still live: the partial unique index allows one per organisation per clinic. */
export const LIVE_SEAT_STATUSES: readonly ClinicSeatStatus[] = ['BOOKED', 'OFFERED', 'WAITING'];
/** Statuses no move leaves. */
export const FINAL_CLINIC_STATUSES: readonly ClinicStatus[] = ['REJECTED', 'WITHDRAWN', 'CANCELLED'];
export const FINAL_SEAT_STATUSES: readonly ClinicSeatStatus[] = ['CANCELLED', 'LAPSED'];

function nextStatus<S, M>(rules: Array<Rule<S, M>>, from: S, by: M): S | null {
  return rules.find((rule) => rule.from === from && rule.by === by)?.to ?? null;
}

/** The status `transition` leads a clinic to from `from` when `by` makes it; null when the table has no such move. */
export function nextClinicStatus(from: ClinicStatus, transition: ClinicTransition, by: ClinicMover): ClinicStatus | null {
  return nextStatus(CLINIC_TRANSITIONS[transition], from, by);
}

/** The clinic statuses `transition` may start from when `by` makes it, for a conditional update's `where`. */
export function clinicStatusesFrom(transition: ClinicTransition, by: ClinicMover): ClinicStatus[] {
  return CLINIC_TRANSITIONS[transition].filter((rule) => rule.by === by).map((rule) => rule.from);
}

/** The status `transition` leads a seat to from `from` when `by` makes it; null when the table has no such move. */
export function nextSeatStatus(from: ClinicSeatStatus, transition: SeatTransition, by: SeatMover): ClinicSeatStatus | null {
  return nextStatus(SEAT_TRANSITIONS[transition], from, by);
}

/** The seat statuses `transition` may start from when `by` makes it, for a conditional update's `where`. */
export function seatStatusesFrom(transition: SeatTransition, by: SeatMover): ClinicSeatStatus[] {
  return SEAT_TRANSITIONS[transition].filter((rule) => rule.by === by).map((rule) => rule.from);
}
