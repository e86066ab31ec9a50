// The offer lifecycle table, checked for every pair of statuses and every mover.
import { describe, expect, it } from 'vitest';
import { OfferStatus } from '@/lib/generated/prisma/enums';
import {
  canMoveOffer,
  FINAL_OFFER_STATUSES,
  nextOfferStatus,
  OFFER_TRANSITIONS,
  offerStatusesFrom,
  type OfferMover,
  type OfferTransition,
} from '@/lib/offers/transitions';

const statuses = Object.values(OfferStatus);
const movers: OfferMover[] = ['volunteer', 'staff', 'system'];
const transitions = Object.keys(OFFER_TRANSITIONS) as OfferTransition[];

// The lifecycle as the product describes it, written out independently of the table: from>to:mover.
const ALLOWED = new Set([
  'PENDING>ACCEPTED:staff',
  'PENDING>DECLINED:staff',
  'PENDING>DECLINED:system',
  'PENDING>WITHDRAWN:volunteer',
  'PENDING>WITHDRAWN:system',
  'PENDING>EXPIRED:system',
  // Only when the meeting of an accepted offer is cancelled, and only the system makes it.
  'ACCEPTED>WITHDRAWN:system',
  'ACCEPTED>DECLINED:system',
]);

describe('the offer lifecycle', () => {
  it('allows exactly the moves the product describes, for every pair of statuses and every mover', () => {
    for (const from of statuses) {
      for (const to of statuses) {
        for (const by of movers) {
          expect(canMoveOffer(from, to, by), `${from} -> ${to} by ${by}`).toBe(ALLOWED.has(`${from}>${to}:${by}`));
        }
        const anyone = movers.some((by) => ALLOWED.has(`${from}>${to}:${by}`));
        expect(canMoveOffer(from, to), `${from} -> ${to}`).toBe(anyone);
      }
    }
  });

  it('gives the next status only where the table has the move', () => {
    for (const transition of transitions) {
      for (const from of statuses) {
        for (const by of movers) {
          const next = nextOfferStatus(from, transition, by);
          if (next === null) continue;
          expect(ALLOWED.has(`${from}>${next}:${by}`), `${transition} ${from} by ${by}`).toBe(true);
        }
      }
    }
    expect(nextOfferStatus('PENDING', 'accept', 'staff')).toBe('ACCEPTED');
    expect(nextOfferStatus('PENDING', 'accept', 'volunteer')).toBeNull();
    expect(nextOfferStatus('ACCEPTED', 'withdraw', 'volunteer')).toBeNull();
    expect(nextOfferStatus('ACCEPTED', 'decline', 'staff')).toBeNull();
    expect(nextOfferStatus('DECLINED', 'accept', 'staff')).toBeNull();
  });

  it('lists where each conditional update may start', () => {
    expect(offerStatusesFrom('accept', 'staff')).toEqual(['PENDING']);
    expect(offerStatusesFrom('withdraw', 'volunteer')).toEqual(['PENDING']);
    expect(offerStatusesFrom('decline', 'staff')).toEqual(['PENDING']);
    expect(offerStatusesFrom('withdraw', 'system').sort()).toEqual(['ACCEPTED', 'PENDING']);
    expect(offerStatusesFrom('expire', 'system')).toEqual(['PENDING']);
  });

  it('has no move out of a final status', () => {
    for (const from of FINAL_OFFER_STATUSES) {
      for (const to of statuses) expect(canMoveOffer(from, to), `${from} -> ${to}`).toBe(false);
    }
  });
});
