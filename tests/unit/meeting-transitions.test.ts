// The meeting status table and its timing rules, over every pair of statuses and every viewer: what the
// page offers is exactly what the mutations allow.
import { describe, expect, it } from 'vitest';
import type { MeetingParty, MeetingStatus } from '@/lib/generated/prisma/enums';
import {
  canMoveMeeting,
  isLateCancellation,
  MEETING_STATUSES,
  meetingActions,
  meetingStatusesFrom,
  nextMeetingStatus,
  NO_MEETING_ACTIONS,
  otherParty,
  whyNot,
  type MeetingActions,
  type MeetingState,
  type MeetingTransition,
} from '@/lib/meetings/transitions';

const HOUR = 3_600_000;
const NOW = new Date('2026-10-25T12:00:00Z');
const BEFORE = new Date(NOW.getTime() + 2 * HOUR); // starts in two hours
const AFTER = new Date(NOW.getTime() - HOUR); // started an hour ago

function state(overrides: Partial<MeetingState> = {}): MeetingState {
  return {
    status: 'SCHEDULED',
    startsAt: BEFORE,
    charityHeldAt: null,
    volunteerHeldAt: null,
    pendingMove: null,
    catchUpBooked: false,
    volunteerAvailable: true,
    ...overrides,
  };
}

const allowedIn = (actions: MeetingActions) => (Object.keys(actions) as Array<keyof MeetingActions>).filter((key) => actions[key]).sort();

describe('the meeting status table', () => {
  const expected: Record<MeetingStatus, MeetingStatus[]> = {
    SCHEDULED: ['CANCELLED', 'HELD', 'NO_SHOW'],
    HELD: [],
    NO_SHOW: [],
    CANCELLED: [],
  };
  for (const from of MEETING_STATUSES) {
    for (const to of MEETING_STATUSES) {
      if (from === to) continue;
      it(`${expected[from].includes(to) ? 'allows' : 'refuses'} ${from} -> ${to}`, () => {
        expect(canMoveMeeting(from, to)).toBe(expected[from].includes(to));
      });
    }
  }

  const transitions: Array<[MeetingTransition, MeetingStatus | null, MeetingStatus | null]> = [
    // [transition, result before the start, result after the start] from SCHEDULED
    ['move', 'SCHEDULED', null],
    ['cancel', 'CANCELLED', null],
    ['hold', null, 'HELD'],
    ['no-show', null, 'NO_SHOW'],
  ];
  for (const [transition, before, after] of transitions) {
    it(`${transition} from SCHEDULED is ${before ?? 'refused'} before the start and ${after ?? 'refused'} after it`, () => {
      expect(nextMeetingStatus('SCHEDULED', transition, BEFORE, NOW)).toBe(before);
      expect(nextMeetingStatus('SCHEDULED', transition, AFTER, NOW)).toBe(after);
      expect(meetingStatusesFrom(transition)).toEqual(['SCHEDULED']);
    });
    for (const from of ['HELD', 'NO_SHOW', 'CANCELLED'] as const) {
      it(`${transition} from ${from} is refused at any time`, () => {
        expect(nextMeetingStatus(from, transition, BEFORE, NOW)).toBeNull();
        expect(nextMeetingStatus(from, transition, AFTER, NOW)).toBeNull();
      });
    }
  }

  it('counts the start itself as started', () => {
    expect(nextMeetingStatus('SCHEDULED', 'hold', NOW, NOW)).toBe('HELD');
    expect(nextMeetingStatus('SCHEDULED', 'cancel', NOW, NOW)).toBeNull();
  });

  it('records a cancellation within 24 hours of the start as late', () => {
    expect(isLateCancellation(new Date(NOW.getTime() + 24 * HOUR - 1), NOW)).toBe(true);
    expect(isLateCancellation(new Date(NOW.getTime() + 24 * HOUR), NOW)).toBe(false);
    expect(isLateCancellation(new Date(NOW.getTime() + 2 * HOUR), NOW)).toBe(true);
  });

  it('names the other side', () => {
    expect(otherParty('VOLUNTEER')).toBe('CHARITY');
    expect(otherParty('CHARITY')).toBe('VOLUNTEER');
  });
});

describe('what each side may do, by status and time', () => {
  const parties: MeetingParty[] = ['VOLUNTEER', 'CHARITY'];
  const cases: Array<{ label: string; meeting: MeetingState; allowed: Array<keyof MeetingActions> }> = [
    { label: 'scheduled, before the start', meeting: state(), allowed: ['cancel', 'proposeMove'] },
    { label: 'scheduled, after the start', meeting: state({ startsAt: AFTER }), allowed: ['markHeld', 'reportNoShow'] },
    {
      label: 'held, before the start (cannot happen, refused anyway)',
      meeting: state({ status: 'HELD' }),
      allowed: ['bookAgain', 'markHeld'],
    },
    { label: 'held, after the start', meeting: state({ status: 'HELD', startsAt: AFTER }), allowed: ['bookAgain', 'markHeld'] },
    {
      label: 'held, catch-up already booked',
      meeting: state({ status: 'HELD', startsAt: AFTER, catchUpBooked: true }),
      allowed: ['markHeld'],
    },
    {
      label: 'held, volunteer paused or suspended',
      meeting: state({ status: 'HELD', startsAt: AFTER, volunteerAvailable: false }),
      allowed: ['markHeld'],
    },
    { label: 'missed, after the start', meeting: state({ status: 'NO_SHOW', startsAt: AFTER }), allowed: [] },
    { label: 'cancelled, before the start', meeting: state({ status: 'CANCELLED' }), allowed: [] },
    { label: 'cancelled, after the start', meeting: state({ status: 'CANCELLED', startsAt: AFTER }), allowed: [] },
  ];
  for (const { label, meeting, allowed } of cases) {
    for (const party of parties) {
      it(`${label}: the ${party.toLowerCase()} may ${allowed.join(', ') || 'do nothing'}`, () => {
        expect(allowedIn(meetingActions(meeting, party, NOW))).toEqual([...allowed].sort());
      });
    }
    it(`${label}: an admin reads only`, () => {
      expect(meetingActions(meeting, 'ADMIN', NOW)).toEqual(NO_MEETING_ACTIONS);
    });
  }

  it('lets each side mark a held meeting once', () => {
    const heldByCharity = state({ status: 'HELD', startsAt: AFTER, charityHeldAt: AFTER });
    expect(meetingActions(heldByCharity, 'CHARITY', NOW).markHeld).toBe(false);
    expect(meetingActions(heldByCharity, 'VOLUNTEER', NOW).markHeld).toBe(true);
    expect(whyNot('markHeld', heldByCharity, 'CHARITY', NOW)).toMatch(/already marked/);
  });

  describe('with a new time waiting', () => {
    const proposed = (by: MeetingParty, startsAt = new Date(NOW.getTime() + 48 * HOUR)) =>
      state({ pendingMove: { proposedByParty: by, startsAt } });

    it('the proposer may withdraw it and cancel, but not answer it or propose another', () => {
      expect(allowedIn(meetingActions(proposed('VOLUNTEER'), 'VOLUNTEER', NOW))).toEqual(['cancel', 'withdrawMove']);
      expect(whyNot('acceptMove', proposed('VOLUNTEER'), 'VOLUNTEER', NOW)).toMatch(/Your side proposed/);
      expect(whyNot('proposeMove', proposed('VOLUNTEER'), 'VOLUNTEER', NOW)).toMatch(/already waiting/);
    });

    it('the other side may accept or decline it, but not withdraw it', () => {
      expect(allowedIn(meetingActions(proposed('VOLUNTEER'), 'CHARITY', NOW))).toEqual(['acceptMove', 'cancel', 'declineMove']);
      expect(allowedIn(meetingActions(proposed('CHARITY'), 'VOLUNTEER', NOW))).toEqual(['acceptMove', 'cancel', 'declineMove']);
      expect(whyNot('withdrawMove', proposed('CHARITY'), 'VOLUNTEER', NOW)).toMatch(/Only the side that proposed/);
    });

    it('a proposed time that has passed can be declined but not accepted', () => {
      const stale = proposed('CHARITY', new Date(NOW.getTime() - 1));
      expect(meetingActions(stale, 'VOLUNTEER', NOW)).toMatchObject({ acceptMove: false, declineMove: true });
    });

    it('once the meeting has started it can no longer be accepted', () => {
      const started = state({ startsAt: AFTER, pendingMove: { proposedByParty: 'CHARITY', startsAt: new Date(NOW.getTime() + HOUR) } });
      expect(meetingActions(started, 'VOLUNTEER', NOW)).toMatchObject({ acceptMove: false, declineMove: true, proposeMove: false });
    });
  });

  it('explains each refusal in words', () => {
    expect(whyNot('cancel', state({ startsAt: AFTER }), 'CHARITY', NOW)).toMatch(/report a no-show/);
    expect(whyNot('cancel', state({ status: 'CANCELLED' }), 'CHARITY', NOW)).toMatch(/cancelled/);
    expect(whyNot('markHeld', state(), 'VOLUNTEER', NOW)).toMatch(/once the session has started/);
    expect(whyNot('reportNoShow', state({ status: 'HELD', startsAt: AFTER }), 'VOLUNTEER', NOW)).toMatch(/already been recorded/);
    expect(whyNot('bookAgain', state({ startsAt: AFTER }), 'VOLUNTEER', NOW)).toMatch(/once this session has been held/);
    expect(whyNot('bookAgain', state({ status: 'HELD', startsAt: AFTER, catchUpBooked: true }), 'VOLUNTEER', NOW)).toMatch(
      /already booked/,
    );
    expect(whyNot('proposeMove', state(), 'ADMIN', NOW)).toMatch(/Admins/);
    expect(whyNot('proposeMove', state(), 'CHARITY', NOW)).toBeNull();
  });
});
