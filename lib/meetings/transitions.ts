// The meeting lifecycle as one table, and the timing rules on top of it: which status may follow which,
// what may happen before the start and what only after it. Pure, so every pair is unit-tested; the page
// asks meetingActions which forms to show and lib/meetings/mutations.ts asks it again before each write.
import type { MeetingParty, MeetingStatus, RescheduleStatus } from '@/lib/generated/prisma/enums';

export type MeetingTransition = 'move' | 'cancel' | 'hold' | 'no-show';

/** When, relative to the start, a transition is allowed. */
export type MeetingTiming = 'before-start' | 'after-start';

interface Rule {
  from: MeetingStatus;
  to: MeetingStatus;
  when: MeetingTiming;
}

export const MEETING_TRANSITIONS: Record<MeetingTransition, Rule[]> = {
  // A move keeps the meeting SCHEDULED (same row, new time, sequence + 1); only before it starts.
  move: [{ from: 'SCHEDULED', to: 'SCHEDULED', when: 'before-start' }],
  // Once the start has passed a session that did not happen is a no-show, not a cancellation.
  cancel: [{ from: 'SCHEDULED', to: 'CANCELLED', when: 'before-start' }],
  hold: [{ from: 'SCHEDULED', to: 'HELD', when: 'after-start' }],
  'no-show': [{ from: 'SCHEDULED', to: 'NO_SHOW', when: 'after-start' }],
};

export const MEETING_STATUSES: readonly MeetingStatus[] = ['SCHEDULED', 'HELD', 'NO_SHOW', 'CANCELLED'];

/** Statuses no transition leaves. */
export const FINAL_MEETING_STATUSES: readonly MeetingStatus[] = ['HELD', 'NO_SHOW', 'CANCELLED'];

/** Cancelling closer to the start than this is recorded as late. */
export const LATE_CANCELLATION_MS = 24 * 3_600_000;

/** A volunteer who misses this many sessions within NO_SHOW_WINDOW_DAYS is paused. */
export const NO_SHOW_LIMIT = 3;
export const NO_SHOW_WINDOW_DAYS = 90;

/** How far ahead a move or a further catch-up may be booked. */
export const MAX_BOOKING_AHEAD_DAYS = 90;

export function timingAllows(when: MeetingTiming, startsAt: Date, now: Date): boolean {
  return when === 'before-start' ? now.getTime() < startsAt.getTime() : now.getTime() >= startsAt.getTime();
}

/** The status `transition` leads to from `from` at `now`, or null when the table or the clock forbids it. */
export function nextMeetingStatus(from: MeetingStatus, transition: MeetingTransition, startsAt: Date, now: Date): MeetingStatus | null {
  const rule = MEETING_TRANSITIONS[transition].find((candidate) => candidate.from === from);
  return rule && timingAllows(rule.when, startsAt, now) ? rule.to : null;
}

/** The statuses `transition` may start from, for a conditional update's `where`. */
export function meetingStatusesFrom(transition: MeetingTransition): MeetingStatus[] {
  return MEETING_TRANSITIONS[transition].map((rule) => rule.from);
}

/** Whether any transition leads from `from` to a different status `to` (used by tests to check every pair). */
export function canMoveMeeting(from: MeetingStatus, to: MeetingStatus): boolean {
  return Object.values(MEETING_TRANSITIONS).some((rules) => rules.some((rule) => rule.from === from && rule.to === to));
}

/** True when cancelling at `now` a meeting that starts at `startsAt` counts as late. */
export function isLateCancellation(startsAt: Date, now: Date): boolean {
  return startsAt.getTime() - now.getTime() < LATE_CANCELLATION_MS;
}

/** The other side of a meeting. */
export function otherParty(party: MeetingParty): MeetingParty {
  return party === 'VOLUNTEER' ? 'CHARITY' : 'VOLUNTEER';
}

/** Who is looking: one of the two parties, or an admin (who reads but does not act). */
export type MeetingViewer = MeetingParty | 'ADMIN';

export interface MeetingState {
  status: MeetingStatus;
  startsAt: Date;
  charityHeldAt: Date | null;
  volunteerHeldAt: Date | null;
  /** The PENDING proposal to move it, if any. */
  pendingMove: { proposedByParty: MeetingParty; startsAt: Date; status?: RescheduleStatus } | null;
  /** A further catch-up already booked from this meeting and not cancelled. */
  catchUpBooked: boolean;
  /** False when the volunteer is paused or suspended: no new booking with them. */
  volunteerAvailable: boolean;
}

export interface MeetingActions {
  proposeMove: boolean;
  acceptMove: boolean;
  declineMove: boolean;
  withdrawMove: boolean;
  cancel: boolean;
  markHeld: boolean;
  reportNoShow: boolean;
  bookAgain: boolean;
}

export const NO_MEETING_ACTIONS: MeetingActions = {
  proposeMove: false,
  acceptMove: false,
  declineMove: false,
  withdrawMove: false,
  cancel: false,
  markHeld: false,
  reportNoShow: false,
  bookAgain: false,
};

/**
 * What `viewer` may do with the meeting at `now`: the buttons the page shows, and what the mutations
 * check before writing (the conditional updates then settle races). Admins read only.
 */
export function meetingActions(meeting: MeetingState, viewer: MeetingViewer, now: Date): MeetingActions {
  if (viewer === 'ADMIN') return { ...NO_MEETING_ACTIONS };
  const before = timingAllows('before-start', meeting.startsAt, now);
  const scheduled = meeting.status === 'SCHEDULED';
  const pending = meeting.pendingMove;
  const ours = pending?.proposedByParty === viewer;
  const heldByUs = viewer === 'CHARITY' ? meeting.charityHeldAt : meeting.volunteerHeldAt;
  return {
    proposeMove: scheduled && before && !pending,
    // Accepting needs both the current and the proposed time still ahead; declining is always possible.
    acceptMove: scheduled && before && !!pending && !ours && pending.startsAt.getTime() > now.getTime(),
    declineMove: scheduled && !!pending && !ours,
    withdrawMove: scheduled && !!pending && ours,
    cancel: nextMeetingStatus(meeting.status, 'cancel', meeting.startsAt, now) !== null,
    // The second side confirming a HELD meeting only records that they agree.
    markHeld: nextMeetingStatus(meeting.status, 'hold', meeting.startsAt, now) !== null || (meeting.status === 'HELD' && !heldByUs),
    reportNoShow: nextMeetingStatus(meeting.status, 'no-show', meeting.startsAt, now) !== null,
    bookAgain: meeting.status === 'HELD' && !meeting.catchUpBooked && meeting.volunteerAvailable,
  };
}

/** The first reason `action` is not allowed, in words for the person; null when it is allowed. */
export function whyNot(action: keyof MeetingActions, meeting: MeetingState, viewer: MeetingViewer, now: Date): string | null {
  if (meetingActions(meeting, viewer, now)[action]) return null;
  if (viewer === 'ADMIN') return 'Admins can read this session but not change it.';
  if (meeting.status === 'CANCELLED') return 'This session has been cancelled.';
  const started = !timingAllows('before-start', meeting.startsAt, now);
  switch (action) {
    case 'proposeMove':
      if (meeting.pendingMove)
        return 'A new time is already waiting for an answer. It must be answered or withdrawn before another is proposed.';
      return started || meeting.status !== 'SCHEDULED'
        ? 'This session has already started, so it can no longer be moved.'
        : 'This session cannot be moved.';
    case 'acceptMove':
    case 'declineMove':
    case 'withdrawMove':
      if (!meeting.pendingMove) return 'That proposal has already been answered or withdrawn.';
      if (action !== 'withdrawMove' && meeting.pendingMove.proposedByParty === viewer)
        return 'Your side proposed this time: the other side answers it.';
      if (action === 'withdrawMove' && meeting.pendingMove.proposedByParty !== viewer)
        return 'Only the side that proposed a new time can withdraw it.';
      if (meeting.status !== 'SCHEDULED') return 'This session is no longer scheduled.';
      return 'The proposed time has passed or the session has started: propose another time instead.';
    case 'cancel':
      return meeting.status === 'SCHEDULED'
        ? 'This session has already started. If it did not happen, report a no-show instead.'
        : 'This session has already happened, so it cannot be cancelled.';
    case 'markHeld':
    case 'reportNoShow':
      if (meeting.status === 'SCHEDULED' && !started) return 'You can record what happened once the session has started.';
      if (meeting.status === 'HELD' && action === 'markHeld') return 'You have already marked this session as held.';
      return 'What happened at this session has already been recorded.';
    case 'bookAgain':
      if (meeting.status !== 'HELD') return 'A further catch-up can be booked once this session has been held.';
      if (meeting.catchUpBooked) return 'A further catch-up is already booked from this session: open it from this page.';
      return 'The volunteer is not taking new sessions at the moment.';
  }
}
