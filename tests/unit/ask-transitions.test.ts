// The ask lifecycle table, checked for every pair of statuses and every mover.
import { describe, expect, it } from 'vitest';
import { AskStatus } from '@/lib/generated/prisma/enums';
import {
  ASK_TRANSITIONS,
  askStatusesFrom,
  canMoveAsk,
  FINAL_ASK_STATUSES,
  isEditableAsk,
  nextAskStatus,
  type AskMover,
  type AskTransition,
} from '@/lib/asks/transitions';

const statuses = Object.values(AskStatus);
const movers: AskMover[] = ['staff', 'admin', 'system'];

// The lifecycle as the product describes it, written out independently of the table.
const ALLOWED = new Set([
  'DRAFT>PENDING_REVIEW',
  'CHANGES_REQUESTED>PENDING_REVIEW',
  'DRAFT>WITHDRAWN',
  'PENDING_REVIEW>WITHDRAWN',
  'CHANGES_REQUESTED>WITHDRAWN',
  'OPEN>WITHDRAWN',
  'PENDING_REVIEW>OPEN',
  'PENDING_REVIEW>CHANGES_REQUESTED',
  'PENDING_REVIEW>REJECTED',
  'OPEN>MATCHED',
  'MATCHED>OPEN',
  'MATCHED>COMPLETED',
  'MATCHED>EXPIRED', // its session fell through after the deadline
  'OPEN>EXPIRED',
]);

describe('the ask lifecycle', () => {
  it('allows exactly the moves the product describes, for every pair of statuses', () => {
    for (const from of statuses) {
      for (const to of statuses) {
        expect(canMoveAsk(from, to), `${from} -> ${to}`).toBe(ALLOWED.has(`${from}>${to}`));
      }
    }
  });

  it('lets each move be made only by its mover', () => {
    const expectedMover: Record<AskTransition, AskMover> = {
      submit: 'staff',
      withdraw: 'staff',
      approve: 'admin',
      'request-changes': 'admin',
      reject: 'admin',
      match: 'staff',
      reopen: 'system',
      complete: 'system',
      expire: 'system',
    };
    for (const transition of Object.keys(ASK_TRANSITIONS) as AskTransition[]) {
      for (const from of statuses) {
        for (const mover of movers) {
          const to = nextAskStatus(from, transition, mover);
          const rule = ASK_TRANSITIONS[transition].find((candidate) => candidate.from === from);
          expect(to, `${transition} from ${from} by ${mover}`).toBe(rule && mover === expectedMover[transition] ? rule.to : null);
        }
      }
    }
  });

  it('never leaves a final status, and only drafts and sent-back asks are editable', () => {
    for (const from of FINAL_ASK_STATUSES) for (const to of statuses) expect(canMoveAsk(from, to)).toBe(false);
    expect(statuses.filter(isEditableAsk).sort()).toEqual(['CHANGES_REQUESTED', 'DRAFT']);
  });

  it('withdraws at any time before a session is booked, never after', () => {
    expect(askStatusesFrom('withdraw', 'staff').sort()).toEqual(['CHANGES_REQUESTED', 'DRAFT', 'OPEN', 'PENDING_REVIEW']);
    expect(askStatusesFrom('withdraw', 'admin')).toEqual([]);
  });
});
