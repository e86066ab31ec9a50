// The offer lifecycle as one table: which status may follow which, and who may make the move. Pure, so
// every pair is unit-tested; lib/offers and lib/meetings consult it before each conditional update.
import type { OfferStatus } from '@/lib/generated/prisma/enums';

/** Who moves an offer: the volunteer who made it, staff of the ask's organisation, or the system. */
export type OfferMover = 'volunteer' | 'staff' | 'system';

export type OfferTransition = 'accept' | 'decline' | 'withdraw' | 'expire';

interface Rule {
  from: OfferStatus;
  to: OfferStatus;
  by: OfferMover;
}

export const OFFER_TRANSITIONS: Record<OfferTransition, Rule[]> = {
  accept: [{ from: 'PENDING', to: 'ACCEPTED', by: 'staff' }],
  decline: [
    { from: 'PENDING', to: 'DECLINED', by: 'staff' },
    // Another offer was chosen, or the ask closed while it waited.
    { from: 'PENDING', to: 'DECLINED', by: 'system' },
    // Only when its meeting is cancelled by the charity (lib/meetings).
    { from: 'ACCEPTED', to: 'DECLINED', by: 'system' },
  ],
  withdraw: [
    { from: 'PENDING', to: 'WITHDRAWN', by: 'volunteer' },
    // The volunteer paused, was suspended or deleted their account.
    { from: 'PENDING', to: 'WITHDRAWN', by: 'system' },
    // Only when its meeting is cancelled by the volunteer (lib/meetings).
    { from: 'ACCEPTED', to: 'WITHDRAWN', by: 'system' },
  ],
  // The sweep expires offers left unanswered for a week (lib/offers/sweeps.ts).
  expire: [{ from: 'PENDING', to: 'EXPIRED', by: 'system' }],
};

/** Statuses no move leaves. */
export const FINAL_OFFER_STATUSES: readonly OfferStatus[] = ['DECLINED', 'WITHDRAWN', 'EXPIRED'];

/** The status `transition` leads to from `from` when `by` makes it, or null when the table has no such move. */
export function nextOfferStatus(from: OfferStatus, transition: OfferTransition, by: OfferMover): OfferStatus | null {
  const rule = OFFER_TRANSITIONS[transition].find((candidate) => candidate.from === from && candidate.by === by);
  return rule ? rule.to : null;
}

/** The statuses `transition` may start from when `by` makes it, for a conditional update's `where`. */
export function offerStatusesFrom(transition: OfferTransition, by: OfferMover): OfferStatus[] {
  return OFFER_TRANSITIONS[transition].filter((rule) => rule.by === by).map((rule) => rule.from);
}

/** Whether any move leads from `from` to `to` (by anyone, or by `by` when given). */
export function canMoveOffer(from: OfferStatus, to: OfferStatus, by?: OfferMover): boolean {
  return Object.values(OFFER_TRANSITIONS).some((rules) =>
    rules.some((rule) => rule.from === from && rule.to === to && (by === undefined || rule.by === by)),
  );
}
