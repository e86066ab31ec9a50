// The ask lifecycle as one table: which status may follow which, and who may make the move. Pure, so
// every pair is unit-tested; lib/asks and lib/moderation consult it before each conditional update.
import type { AskStatus } from '@/lib/generated/prisma/enums';

/** Who moves an ask: its organisation's staff, an admin moderating, or the system (sweeps, bookings). */
export type AskMover = 'staff' | 'admin' | 'system';

export type AskTransition = 'submit' | 'withdraw' | 'approve' | 'request-changes' | 'reject' | 'match' | 'reopen' | 'complete' | 'expire';

interface Rule {
  from: AskStatus;
  to: AskStatus;
  by: AskMover;
}

export const ASK_TRANSITIONS: Record<AskTransition, Rule[]> = {
  // Staff send a draft, or an ask that came back with changes requested, for review.
  submit: [
    { from: 'DRAFT', to: 'PENDING_REVIEW', by: 'staff' },
    { from: 'CHANGES_REQUESTED', to: 'PENDING_REVIEW', by: 'staff' },
  ],
  // At any time before a session is booked.
  withdraw: [
    { from: 'DRAFT', to: 'WITHDRAWN', by: 'staff' },
    { from: 'PENDING_REVIEW', to: 'WITHDRAWN', by: 'staff' },
    { from: 'CHANGES_REQUESTED', to: 'WITHDRAWN', by: 'staff' },
    { from: 'OPEN', to: 'WITHDRAWN', by: 'staff' },
  ],
  approve: [{ from: 'PENDING_REVIEW', to: 'OPEN', by: 'admin' }],
  'request-changes': [{ from: 'PENDING_REVIEW', to: 'CHANGES_REQUESTED', by: 'admin' }],
  reject: [{ from: 'PENDING_REVIEW', to: 'REJECTED', by: 'admin' }],
  // Accepting an offer books the session (the offers work); cancelling it before it is held reopens the ask.
  match: [{ from: 'OPEN', to: 'MATCHED', by: 'staff' }],
  reopen: [{ from: 'MATCHED', to: 'OPEN', by: 'system' }],
  complete: [{ from: 'MATCHED', to: 'COMPLETED', by: 'system' }],
  // The sweep closes open asks past their deadline.
  // ...and a matched ask whose session fell through (cancelled, or missed) after its deadline.
  expire: [
    { from: 'OPEN', to: 'EXPIRED', by: 'system' },
    { from: 'MATCHED', to: 'EXPIRED', by: 'system' },
  ],
};

/** Statuses no move leaves. */
export const FINAL_ASK_STATUSES: readonly AskStatus[] = ['COMPLETED', 'REJECTED', 'WITHDRAWN', 'EXPIRED'];

/** Staff may change the words of an ask only while it is theirs to change. */
export const EDITABLE_ASK_STATUSES: readonly AskStatus[] = ['DRAFT', 'CHANGES_REQUESTED'];

/** The status `transition` leads to from `from` when `by` makes it, or null when the table has no such move. */
export function nextAskStatus(from: AskStatus, transition: AskTransition, by: AskMover): AskStatus | null {
  const rule = ASK_TRANSITIONS[transition].find((candidate) => candidate.from === from && candidate.by === by);
  return rule ? rule.to : null;
}

/** The statuses `transition` may start from, for a conditional update's `where`. */
export function askStatusesFrom(transition: AskTransition, by: AskMover): AskStatus[] {
  return ASK_TRANSITIONS[transition].filter((rule) => rule.by === by).map((rule) => rule.from);
}

/** Whether any move leads from `from` to `to` (used by tests to check every pair). */
export function canMoveAsk(from: AskStatus, to: AskStatus): boolean {
  return Object.values(ASK_TRANSITIONS).some((rules) => rules.some((rule) => rule.from === from && rule.to === to));
}

export function isEditableAsk(status: AskStatus): boolean {
  return EDITABLE_ASK_STATUSES.includes(status);
}
