// The two clinic lifecycle tables (lib/clinics/transitions.ts), checked for every pair of statuses and every mover
// against the lifecycle as the issue and docs/decisions/0029 describe it, written out independently here.
import { describe, expect, it } from 'vitest';
import { ClinicSeatStatus, ClinicStatus } from '@/lib/generated/prisma/enums';
import {
  CLINIC_TRANSITIONS,
  clinicStatusesFrom,
  FINAL_CLINIC_STATUSES,
  FINAL_SEAT_STATUSES,
  nextClinicStatus,
  nextSeatStatus,
  SEAT_HOLDING_STATUSES,
  SEAT_TRANSITIONS,
  seatStatusesFrom,
  type ClinicMover,
  type ClinicTransition,
  type SeatMover,
  type SeatTransition,
} from '@/lib/clinics/transitions';

const clinicMovers: ClinicMover[] = ['volunteer', 'admin', 'system'];
const seatMovers: SeatMover[] = ['staff', 'system'];

// from>to:mover
const CLINIC_ALLOWED = new Set([
  'PENDING_REVIEW>PENDING_REVIEW:volunteer', // edited while in review
  'CHANGES_REQUESTED>PENDING_REVIEW:volunteer', // edited and sent back for review
  'PENDING_REVIEW>WITHDRAWN:volunteer',
  'CHANGES_REQUESTED>WITHDRAWN:volunteer',
  'PENDING_REVIEW>PUBLISHED:admin',
  'PENDING_REVIEW>CHANGES_REQUESTED:admin',
  'PENDING_REVIEW>REJECTED:admin',
  'PUBLISHED>CANCELLED:volunteer',
  'PUBLISHED>CANCELLED:admin',
]);

const SEAT_ALLOWED = new Set([
  'WAITING>OFFERED:system',
  'OFFERED>BOOKED:staff',
  'OFFERED>CANCELLED:staff', // declined, or given up
  'BOOKED>CANCELLED:staff',
  'WAITING>CANCELLED:staff',
  'BOOKED>CANCELLED:system', // the clinic was cancelled
  'OFFERED>CANCELLED:system',
  'WAITING>CANCELLED:system',
  'OFFERED>LAPSED:system',
]);

describe('the clinic lifecycle', () => {
  it('allows exactly the moves the product describes, for every status and mover', () => {
    const transitions = Object.keys(CLINIC_TRANSITIONS) as ClinicTransition[];
    for (const from of Object.values(ClinicStatus)) {
      for (const by of clinicMovers) {
        for (const transition of transitions) {
          const next = nextClinicStatus(from, transition, by);
          if (next !== null) expect(CLINIC_ALLOWED.has(`${from}>${next}:${by}`), `${transition} ${from} by ${by}`).toBe(true);
          expect(clinicStatusesFrom(transition, by).includes(from)).toBe(next !== null);
        }
      }
    }
    // Every allowed move is in the table.
    for (const move of CLINIC_ALLOWED) {
      const [pair, by] = move.split(':') as [string, ClinicMover];
      const [from, to] = pair.split('>') as [ClinicStatus, ClinicStatus];
      expect(
        transitions.some((transition) => nextClinicStatus(from, transition, by) === to),
        move,
      ).toBe(true);
    }
  });

  it('publishes only by an admin, from review; nobody leaves a final status', () => {
    expect(nextClinicStatus('PENDING_REVIEW', 'approve', 'admin')).toBe('PUBLISHED');
    expect(nextClinicStatus('PENDING_REVIEW', 'approve', 'volunteer')).toBeNull();
    expect(nextClinicStatus('CHANGES_REQUESTED', 'approve', 'admin')).toBeNull();
    expect(nextClinicStatus('PUBLISHED', 'withdraw', 'volunteer')).toBeNull();
    expect(nextClinicStatus('PUBLISHED', 'edit', 'volunteer')).toBeNull();
    for (const from of FINAL_CLINIC_STATUSES) {
      for (const transition of Object.keys(CLINIC_TRANSITIONS) as ClinicTransition[]) {
        for (const by of clinicMovers) expect(nextClinicStatus(from, transition, by), `${transition} ${from}`).toBeNull();
      }
    }
  });
});

describe('the seat lifecycle', () => {
  it('allows exactly the moves the product describes, for every status and mover', () => {
    const transitions = Object.keys(SEAT_TRANSITIONS) as SeatTransition[];
    for (const from of Object.values(ClinicSeatStatus)) {
      for (const by of seatMovers) {
        for (const transition of transitions) {
          const next = nextSeatStatus(from, transition, by);
          if (next !== null) expect(SEAT_ALLOWED.has(`${from}>${next}:${by}`), `${transition} ${from} by ${by}`).toBe(true);
          expect(seatStatusesFrom(transition, by).includes(from)).toBe(next !== null);
        }
      }
    }
    for (const move of SEAT_ALLOWED) {
      const [pair, by] = move.split(':') as [string, SeatMover];
      const [from, to] = pair.split('>') as [ClinicSeatStatus, ClinicSeatStatus];
      expect(
        transitions.some((transition) => nextSeatStatus(from, transition, by) === to),
        move,
      ).toBe(true);
    }
  });

  it('offers only from the waiting list, by the system; staff cannot confirm a seat never offered', () => {
    expect(nextSeatStatus('WAITING', 'offer', 'system')).toBe('OFFERED');
    expect(nextSeatStatus('WAITING', 'offer', 'staff')).toBeNull();
    expect(nextSeatStatus('WAITING', 'confirm', 'staff')).toBeNull();
    expect(nextSeatStatus('BOOKED', 'lapse', 'system')).toBeNull();
    for (const from of FINAL_SEAT_STATUSES) {
      for (const transition of Object.keys(SEAT_TRANSITIONS) as SeatTransition[]) {
        for (const by of seatMovers) expect(nextSeatStatus(from, transition, by), `${transition} ${from}`).toBeNull();
      }
    }
  });

  it('counts booked and offered seats against capacity, never a place in line', () => {
    expect([...SEAT_HOLDING_STATUSES].sort()).toEqual(['BOOKED', 'OFFERED']);
  });
});
