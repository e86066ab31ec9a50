// Nobody but a meeting's two parties (and admins, read-only) can read a meeting or act on it: not through
// any lib function, not through the server actions, not through the calendar download. Every attempt is
// refused with AccessDenied (a 404 to the person) and changes nothing, emails nobody.
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { AccessDenied } from '@/lib/auth/actor';
import type { SessionUser } from '@/lib/auth/session';
import { db } from '@/lib/db';
import { dateInZone } from '@/lib/time-zones';
import { createOffer, createUser, createVolunteer } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { addMember, createAskBy, createBookedMeeting, createCharity } from '../support/meeting-factories';

// The server actions read the signed-in person from the session cookie; here the test says who that is.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => session.user,
  endAllSessions: async () => undefined,
  SESSION_COOKIES: [],
}));

withJobQueue();

const queries = await import('@/lib/meetings/queries');
const moves = await import('@/lib/meetings/moves');
const steps = await import('@/lib/meetings/steps');
const mutations = await import('@/lib/meetings/mutations');
const calendar = await import('@/lib/meetings/calendar');
const actions = await import('@/lib/meetings/actions');
const route = await import('@/app/api/meetings/[id]/calendar/route');

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const fromNow = (ms: number) => new Date(Date.now() + ms);
const when = (ms: number) => ({ date: dateInZone(fromNow(ms), 'Europe/London'), time: '10:00' });

type User = Awaited<ReturnType<typeof createUser>>;
let upcoming: string, started: string, held: string, withMove: string, moveId: string;
let volunteer: User, owner: User, colleague: User, admin: User;
let outsiders: Array<[string, User]>;

async function sessionUser(user: User): Promise<SessionUser> {
  return db.user.findUniqueOrThrow({
    where: { id: user.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      status: true,
      timeZone: true,
      onboardedAt: true,
      volunteerProfile: { select: { id: true, pausedAt: true } },
      memberships: { select: { organisationId: true, role: true, organisation: { select: { name: true, status: true } } } },
    },
  });
}

async function snapshot() {
  const ids = [upcoming, started, held, withMove];
  return {
    meetings: await db.meeting.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } }),
    moves: await db.meetingReschedule.findMany({ where: { meetingId: { in: ids } }, orderBy: { id: 'asc' } }),
    followUps: await db.followUp.count({ where: { meetingId: { in: ids } } }),
    emails: await db.emailOutbox.count(),
    audit: await db.auditLog.count({ where: { entityType: 'Meeting' } }),
  };
}

beforeAll(async () => {
  const onboarded = { onboardedAt: new Date() };
  const charity = await createCharity(db, { owner: onboarded });
  owner = charity.owner;
  colleague = await addMember(db, charity.organisation.id, onboarded);
  volunteer = await createVolunteer(db, onboarded);
  admin = await createUser(db, { role: 'ADMIN', ...onboarded });
  const ask = await createAskBy(db, charity.organisation.id, owner.id, { status: 'MATCHED' });
  const offer = await createOffer(db, ask.id, volunteer.id, { status: 'ACCEPTED' });
  upcoming = (await createBookedMeeting(db, ask, volunteer.id, fromNow(3 * DAY), fromNow(-DAY), { offerId: offer.id })).id;
  started = (await createBookedMeeting(db, ask, volunteer.id, fromNow(-HOUR), fromNow(-DAY))).id;
  held = (await createBookedMeeting(db, ask, volunteer.id, fromNow(-3 * DAY), fromNow(-5 * DAY), { status: 'HELD' })).id;
  const moving = await createBookedMeeting(db, ask, volunteer.id, fromNow(4 * DAY), fromNow(-DAY));
  withMove = moving.id;
  moveId = (
    await db.meetingReschedule.create({
      data: {
        meetingId: withMove,
        proposedById: owner.id,
        proposedByParty: 'CHARITY',
        startsAt: fromNow(6 * DAY),
        endsAt: fromNow(6 * DAY + 30 * 60_000),
        previousStartsAt: moving.startsAt,
      },
    })
  ).id;

  const other = await createCharity(db, { owner: onboarded });
  const otherMember = await addMember(db, other.organisation.id, onboarded);
  outsiders = [
    ['someone signed in with no part in it', await createUser(db, onboarded)],
    ['the owner of another organisation', other.owner],
    ['a member of another organisation', otherMember],
    ['a volunteer who is not the meeting’s volunteer', await createVolunteer(db, onboarded)],
    [
      'a suspended member of the meeting’s organisation',
      await addMember(db, charity.organisation.id, { ...onboarded, status: 'SUSPENDED' }),
    ],
  ];
});

afterEach(() => {
  session.user = null;
});

/** Every exported function of lib/meetings/{queries,moves,mutations,calendar}.ts, called as `actor` on a meeting it would work on. */
function everyCall(actor: User): Array<[string, () => Promise<unknown>]> {
  return [
    ['queries.getMeetingForViewer', () => queries.getMeetingForViewer(actor, upcoming)],
    ['moves.proposeMove', () => moves.proposeMove(actor, upcoming, when(5 * DAY))],
    ['moves.answerMove (accept)', () => moves.answerMove(actor, withMove, { moveId, answer: 'accept' })],
    ['moves.answerMove (decline)', () => moves.answerMove(actor, withMove, { moveId, answer: 'decline' })],
    ['moves.withdrawMove', () => moves.withdrawMove(actor, withMove, { moveId })],
    ['mutations.cancelMeeting', () => mutations.cancelMeeting(actor, upcoming, { reason: 'Because I can' })],
    ['mutations.markHeld', () => mutations.markHeld(actor, started, {})],
    ['mutations.reportNoShow', () => mutations.reportNoShow(actor, started, {})],
    ['mutations.bookAgain', () => mutations.bookAgain(actor, held, when(8 * DAY))],
    ['calendar.meetingCalendarFor', () => calendar.meetingCalendarFor(actor, upcoming)],
  ];
}

describe('the lib functions', () => {
  it('are all covered here (a new export must be added to everyCall)', () => {
    const functions = (module: object) =>
      Object.entries(module)
        .filter(([, value]) => typeof value === 'function')
        .map(([name]) => name)
        .sort();
    expect(functions(queries)).toEqual(['getMeetingForViewer', 'listMeetingsFor']);
    expect(functions(moves)).toEqual(['answerMove', 'proposeMove', 'withdrawMove']);
    // The shared steps are not entry points: only `allowed` checks the person, and every function above
    // starts with it. A new export here is one more thing a caller could use without that check.
    expect(functions(steps)).toEqual(['Changed', 'actorLabel', 'allowed', 'inTransaction', 'startFrom', 'zoneOf']);
    expect(functions(mutations)).toEqual(['bookAgain', 'cancelMeeting', 'markHeld', 'reportNoShow']);
    // buildMeetingCalendar is pure: it formats a meeting the caller has already read, and reads nothing.
    expect(functions(calendar)).toEqual(['buildMeetingCalendar', 'meetingCalendarFor']);
  });

  it('refuse every outsider, and change nothing', async () => {
    const before = await snapshot();
    for (const [who, actor] of outsiders) {
      for (const [name, call] of everyCall(actor)) {
        await expect(call(), `${name} as ${who}`).rejects.toBeInstanceOf(AccessDenied);
      }
      expect(await queries.listMeetingsFor(actor, { when: 'upcoming' }).catch(() => [])).toEqual([]);
      expect(await queries.listMeetingsFor(actor, { when: 'past' }).catch(() => [])).toEqual([]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('refuse a made-up meeting id the same way', async () => {
    await expect(queries.getMeetingForViewer(volunteer, 'no-such-meeting')).rejects.toBeInstanceOf(AccessDenied);
    await expect(mutations.cancelMeeting(owner, 'no-such-meeting', { reason: 'x' })).rejects.toBeInstanceOf(AccessDenied);
  });

  it('let an admin read the page and the calendar, but act on nothing', async () => {
    const page = await queries.getMeetingForViewer(admin, upcoming);
    expect(page.viewer).toBe('ADMIN');
    expect(Object.values(page.actions).every((allowed) => !allowed)).toBe(true);
    expect((await calendar.meetingCalendarFor(admin, upcoming)).method).toBe('REQUEST');
    const before = await snapshot();
    for (const [name, call] of everyCall(admin).filter(([name]) => /^(moves|mutations)\./.test(name))) {
      await expect(call(), name).rejects.toBeInstanceOf(AccessDenied);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('let both parties read, with the other side’s contact details', async () => {
    for (const party of [volunteer, owner, colleague]) {
      const page = await queries.getMeetingForViewer(party, upcoming);
      expect(page.volunteer.email).toBe(volunteer.email);
      expect(page.charityContacts.map((contact) => contact.email)).toContain(owner.email);
    }
    expect((await queries.listMeetingsFor(volunteer, { when: 'upcoming' })).map((meeting) => meeting.id)).toEqual(
      expect.arrayContaining([upcoming, withMove]),
    );
  });
});

describe('the server actions and the calendar download', () => {
  const isNotFound = (error: unknown) => String((error as { digest?: string })?.digest ?? '').includes('404');

  it('answer every outsider with a 404 and change nothing', async () => {
    const before = await snapshot();
    const form = (fields: Record<string, string>) => {
      const data = new FormData();
      for (const [key, value] of Object.entries(fields)) data.set(key, value);
      return data;
    };
    for (const [who, actor] of outsiders.filter(([, user]) => user.status === 'ACTIVE')) {
      session.user = await sessionUser(actor);
      const calls: Array<[string, () => Promise<unknown>]> = [
        ['proposeMoveAction', () => actions.proposeMoveAction(upcoming, null, form(when(5 * DAY)))],
        ['answerMoveAction', () => actions.answerMoveAction(withMove, null, form({ moveId, answer: 'accept' }))],
        ['withdrawMoveAction', () => actions.withdrawMoveAction(withMove, null, form({ moveId }))],
        ['cancelMeetingAction', () => actions.cancelMeetingAction(upcoming, null, form({ reason: 'Because' }))],
        ['markHeldAction', () => actions.markHeldAction(started, null, form({}))],
        ['reportNoShowAction', () => actions.reportNoShowAction(started, null, form({}))],
        ['bookAgainAction', () => actions.bookAgainAction(held, null, form(when(8 * DAY)))],
      ];
      for (const [name, call] of calls) {
        const error = await call().then(
          () => null,
          (caught: unknown) => caught,
        );
        expect(isNotFound(error), `${name} as ${who}: ${String(error)}`).toBe(true);
      }
      const response = await route.GET(new Request(`http://localhost/api/meetings/${upcoming}/calendar`), {
        params: Promise.resolve({ id: upcoming }),
      });
      expect(response.status, `calendar as ${who}`).toBe(404);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('serve the calendar to a party, as an attachment', async () => {
    session.user = await sessionUser(colleague);
    const response = await route.GET(new Request(`http://localhost/api/meetings/${upcoming}/calendar`), {
      params: Promise.resolve({ id: upcoming }),
    });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/calendar; charset=utf-8; method=REQUEST');
    expect(response.headers.get('content-disposition')).toBe('attachment; filename="halfhour-session.ics"');
    expect(await response.text()).toContain(`UID:meeting-${upcoming}@halfhour`);
  });
});
