// Everything that happens to a booked meeting, through the lib functions the meeting page's actions call:
// moving it, cancelling it, marking it held or missed, booking a further catch-up. Each happy path, each
// refusal (too early, too late, wrong status, a stale form, a race), and the emails each step queues, once.
import { describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import type { EmailOutbox, Prisma } from '@/lib/generated/prisma/client';
import { answerMove, proposeMove, withdrawMove } from '@/lib/meetings/moves';
import { bookAgain, cancelMeeting, markHeld, reportNoShow } from '@/lib/meetings/mutations';
import { getMeetingForViewer } from '@/lib/meetings/queries';
import { requestMeetingFeedback, sendMeetingReminders } from '@/lib/meetings/sweeps';
import { jobQueue } from '@/lib/jobs/current';
import { dateInZone, zonedTimeToUtc } from '@/lib/time-zones';
import { createOffer, createVolunteer } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { addMember, createAskBy, createBookedMeeting, createCharity } from '../support/meeting-factories';

withJobQueue();

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/**
 * `ms` from now. A whole number of days ahead lands at midday UK time on that day, inside the hours a
 * test ask meets in (08:00-20:00 UK time when it names none), whatever the time the tests run.
 */
function fromNow(ms: number): Date {
  const instant = new Date(Date.now() + ms);
  return ms > 0 && ms % DAY === 0 ? zonedTimeToUtc(dateInZone(instant, 'Europe/London'), '12:00', 'Europe/London') : instant;
}
/** Every day, all day: for tests that need a time a few hours from now, whatever the hour. */
const ALL_DAY = [1, 2, 3, 4, 5, 6, 7].map((weekday) => ({ weekday, from: '00:00', to: '23:59' }));

/** The wall-clock date and time of `instant` in `zone`, as a person types them into the form. */
function wallClock(instant: Date, zone: string) {
  const time = new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(instant);
  return { date: dateInZone(instant, zone), time };
}

/** A charity (owner wrote the ask, plus a colleague), a volunteer, the accepted offer and its meeting. */
async function booked({
  startsIn = 3 * DAY,
  meeting = {},
  ask = {},
  volunteerZone = 'Europe/London',
}: {
  startsIn?: number;
  meeting?: Partial<Prisma.MeetingUncheckedCreateInput>;
  ask?: Partial<Prisma.AskUncheckedCreateInput>;
  volunteerZone?: string;
} = {}) {
  const charity = await createCharity(db, { organisation: { name: 'Riverside Food Bank' }, owner: { name: 'Jo Owner' } });
  const colleague = await addMember(db, charity.organisation.id, { name: 'Cal Colleague' });
  const theAsk = await createAskBy(db, charity.organisation.id, charity.owner.id, { status: 'MATCHED', title: 'Set up our rota', ...ask });
  const volunteer = await createVolunteer(db, {
    name: 'Dev Patel',
    volunteerProfile: { create: { headline: 'Ops', bio: 'Rotas.', media: ['VIDEO'], timeZone: volunteerZone } },
  });
  const offer = await createOffer(db, theAsk.id, volunteer.id, { status: 'ACCEPTED', joinDetails: '+44 7700 900123' });
  const row = await createBookedMeeting(db, theAsk, volunteer.id, fromNow(startsIn), fromNow(-DAY), {
    offerId: offer.id,
    bookedById: charity.owner.id,
    ...meeting,
  });
  return { ...charity, colleague, ask: theAsk, volunteer, offer, meeting: row };
}

async function emailsAbout(meetingId: string): Promise<EmailOutbox[]> {
  const rows = await db.emailOutbox.findMany({ orderBy: { createdAt: 'asc' } });
  return rows.filter((row) => (row.data as { meetingId?: string }).meetingId === meetingId);
}

/** Who got an email of `kind` about the meeting, one entry per email. */
async function recipients(meetingId: string, kind: string): Promise<string[]> {
  return (await emailsAbout(meetingId))
    .filter((row) => row.kind === kind)
    .map((row) => row.userId!)
    .sort();
}

const sorted = (...ids: string[]) => [...ids].sort();

function expectOk<T>(result: { ok: boolean }): asserts result is { ok: true; data: T } {
  if (!result.ok) throw new Error(`Expected success, got ${JSON.stringify(result)}`);
}

async function auditActions(meetingId: string) {
  return (await db.auditLog.findMany({ where: { entityType: 'Meeting', entityId: meetingId }, orderBy: { createdAt: 'asc' } })).map(
    (row) => row.action,
  );
}

describe('moving a meeting', () => {
  it('the volunteer proposes a time in their own zone; the charity accepts and the same meeting moves', async () => {
    const s = await booked({ volunteerZone: 'America/New_York' });
    await db.meeting.update({ where: { id: s.meeting.id }, data: { reminderSentAt: new Date() } });
    const target = fromNow(5 * DAY);
    const proposed = await proposeMove(s.volunteer, s.meeting.id, { ...wallClock(target, 'America/New_York'), note: 'Clash with work' });
    expectOk<{ moveId: string }>(proposed);

    const move = await db.meetingReschedule.findUniqueOrThrow({ where: { id: proposed.data.moveId } });
    expect(move).toMatchObject({ status: 'PENDING', proposedByParty: 'VOLUNTEER', startsAt: target, previousStartsAt: s.meeting.startsAt });
    expect(move.endsAt.getTime() - move.startsAt.getTime()).toBe(30 * MINUTE);
    // Only the charity side hears about a proposal.
    expect(await recipients(s.meeting.id, 'move-proposed')).toEqual([s.owner.id]);
    const proposal = (await emailsAbout(s.meeting.id)).find((row) => row.kind === 'move-proposed')!;
    expect(proposal.data).toMatchObject({ proposedStartsAt: target.toISOString(), proposedByName: 'Dev Patel', note: 'Clash with work' });

    const page = await getMeetingForViewer(s.owner, s.meeting.id);
    expect(page.pendingMove?.id).toBe(move.id);
    expect(page.actions).toMatchObject({ acceptMove: true, declineMove: true, withdrawMove: false, proposeMove: false });

    expectOk(await answerMove(s.owner, s.meeting.id, { moveId: move.id, answer: 'accept' }));
    const moved = await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } });
    expect(moved).toMatchObject({ startsAt: target, status: 'SCHEDULED', sequence: 1, reminderSentAt: null });
    expect(moved.endsAt.getTime() - moved.startsAt.getTime()).toBe(30 * MINUTE);
    expect(await db.meetingReschedule.findUniqueOrThrow({ where: { id: move.id } })).toMatchObject({
      status: 'ACCEPTED',
      respondedById: s.owner.id,
    });
    expect(await db.meeting.count({ where: { askId: s.ask.id } })).toBe(1);
    // Both sides get the new invite, with the raised sequence, once.
    expect(await recipients(s.meeting.id, 'meeting-rescheduled')).toEqual(sorted(s.volunteer.id, s.owner.id));
    for (const row of (await emailsAbout(s.meeting.id)).filter((email) => email.kind === 'meeting-rescheduled')) {
      expect(row.data).toMatchObject({ sequence: 1, startsAt: target.toISOString(), previousStartsAt: s.meeting.startsAt.toISOString() });
    }
    expect(await auditActions(s.meeting.id)).toEqual(['meeting.propose-move', 'meeting.move']);

    // The history stays on the page; answering the same proposal again is refused and emails nobody.
    const again = await answerMove(s.owner, s.meeting.id, { moveId: move.id, answer: 'accept' });
    expect(again).toMatchObject({ ok: false, formError: expect.stringMatching(/already been answered/) });
    expect(await recipients(s.meeting.id, 'meeting-rescheduled')).toHaveLength(2);
    expect((await getMeetingForViewer(s.volunteer, s.meeting.id)).moves.map((entry) => entry.status)).toEqual(['ACCEPTED']);
  });

  it('keeps one proposal waiting at a time, even when two are sent at once', async () => {
    const s = await booked();
    const one = wallClock(fromNow(4 * DAY), 'Europe/London');
    const two = wallClock(fromNow(5 * DAY), 'Europe/London');
    const results = await Promise.all([proposeMove(s.volunteer, s.meeting.id, one), proposeMove(s.owner, s.meeting.id, two)]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ formError: expect.stringMatching(/already waiting/) });
    expect(await db.meetingReschedule.count({ where: { meetingId: s.meeting.id, status: 'PENDING' } })).toBe(1);
    expect(await emailsAbout(s.meeting.id).then((rows) => rows.filter((row) => row.kind === 'move-proposed'))).toHaveLength(1);

    const third = await proposeMove(s.colleague, s.meeting.id, wallClock(fromNow(6 * DAY), 'Europe/London'));
    expect(third).toMatchObject({ ok: false, formError: expect.stringMatching(/already waiting/) });
  });

  it('refuses a time in the past, a form with no time, and the proposer answering their own proposal', async () => {
    const s = await booked();
    const past = await proposeMove(s.owner, s.meeting.id, wallClock(fromNow(-2 * HOUR), 'Europe/London'));
    expect(past).toMatchObject({ ok: false, fieldErrors: { date: [expect.stringMatching(/future/)] } });
    // The rules an offered time keeps: two hours' notice, and inside the charity's hours for the ask.
    const soon = await proposeMove(s.owner, s.meeting.id, wallClock(fromNow(20 * MINUTE), 'Europe/London'));
    expect(soon).toMatchObject({ ok: false, fieldErrors: { time: [expect.stringMatching(/two hours/)] } });
    const night = await proposeMove(s.owner, s.meeting.id, { date: dateInZone(fromNow(4 * DAY), 'Europe/London'), time: '03:00' });
    expect(night).toMatchObject({ ok: false, fieldErrors: { time: [expect.stringMatching(/usual times.*08:00 to 20:00/)] } });
    expect(await db.meetingReschedule.count({ where: { meetingId: s.meeting.id } })).toBe(0);
    const impossible = await proposeMove(s.owner, s.meeting.id, { date: '2027-02-31', time: '10:00' });
    expect(impossible).toMatchObject({ ok: false, fieldErrors: { date: [expect.stringMatching(/real date/)] } });
    // 01:30 on 28 March 2027 does not happen in London: the clocks go from 01:00 to 02:00.
    const skipped = await proposeMove(s.owner, s.meeting.id, { date: '2027-03-28', time: '01:30' });
    expect(skipped).toMatchObject({ ok: false, fieldErrors: { time: [expect.stringMatching(/clocks go forward/)] } });
    const empty = await proposeMove(s.owner, s.meeting.id, { date: '', time: '' });
    expect(empty).toMatchObject({
      ok: false,
      fieldErrors: { date: expect.any(Array), time: expect.any(Array) },
      values: { date: '', time: '' },
    });

    const proposed = await proposeMove(s.owner, s.meeting.id, wallClock(fromNow(4 * DAY), 'Europe/London'));
    expectOk<{ moveId: string }>(proposed);
    // A colleague of the proposer is on the proposing side too.
    const own = await answerMove(s.colleague, s.meeting.id, { moveId: proposed.data.moveId, answer: 'accept' });
    expect(own).toMatchObject({ ok: false, formError: expect.stringMatching(/Your side proposed/) });
    const notTheirs = await withdrawMove(s.volunteer, s.meeting.id, { moveId: proposed.data.moveId });
    expect(notTheirs).toMatchObject({ ok: false, formError: expect.stringMatching(/Only the side that proposed/) });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).startsAt).toEqual(s.meeting.startsAt);
  });

  it('declining tells the proposing side; withdrawing lets a new time be proposed', async () => {
    const s = await booked();
    const first = await proposeMove(s.owner, s.meeting.id, wallClock(fromNow(4 * DAY), 'Europe/London'));
    expectOk<{ moveId: string }>(first);
    expectOk(await answerMove(s.volunteer, s.meeting.id, { moveId: first.data.moveId, answer: 'decline' }));
    expect(await db.meetingReschedule.findUniqueOrThrow({ where: { id: first.data.moveId } })).toMatchObject({ status: 'DECLINED' });
    expect(await recipients(s.meeting.id, 'move-declined')).toEqual([s.owner.id]);
    expect((await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).sequence).toBe(0);

    const second = await proposeMove(s.volunteer, s.meeting.id, wallClock(fromNow(5 * DAY), 'Europe/London'));
    expectOk<{ moveId: string }>(second);
    expectOk(await withdrawMove(s.volunteer, s.meeting.id, { moveId: second.data.moveId }));
    expect(await db.meetingReschedule.findUniqueOrThrow({ where: { id: second.data.moveId } })).toMatchObject({ status: 'WITHDRAWN' });
    const late = await answerMove(s.owner, s.meeting.id, { moveId: second.data.moveId, answer: 'accept' });
    expect(late).toMatchObject({ ok: false, formError: expect.stringMatching(/already been answered or withdrawn/) });
    expectOk(await proposeMove(s.owner, s.meeting.id, wallClock(fromNow(6 * DAY), 'Europe/London')));
  });

  it('a stale proposal cannot move a meeting that has moved since', async () => {
    const s = await booked();
    const proposed = await proposeMove(s.owner, s.meeting.id, wallClock(fromNow(4 * DAY), 'Europe/London'));
    expectOk<{ moveId: string }>(proposed);
    // The meeting moved another way while the proposal waited (an admin fix, say).
    const elsewhere = fromNow(7 * DAY);
    await db.meeting.update({
      where: { id: s.meeting.id },
      data: { startsAt: elsewhere, endsAt: new Date(elsewhere.getTime() + 30 * MINUTE) },
    });
    const result = await answerMove(s.volunteer, s.meeting.id, { moveId: proposed.data.moveId, answer: 'accept' });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/changed while you were looking/) });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).toMatchObject({ startsAt: elsewhere, sequence: 0 });
    expect(await db.meetingReschedule.findUniqueOrThrow({ where: { id: proposed.data.moveId } })).toMatchObject({ status: 'PENDING' });
    expect(await recipients(s.meeting.id, 'meeting-rescheduled')).toEqual([]);
  });

  it('reports a clash with another of the volunteer’s sessions instead of moving', async () => {
    const s = await booked();
    const busy = fromNow(4 * DAY);
    const otherAsk = await createAskBy(db, s.organisation.id, s.owner.id, { status: 'MATCHED' });
    await createBookedMeeting(db, otherAsk, s.volunteer.id, busy, fromNow(-DAY));
    const proposed = await proposeMove(s.owner, s.meeting.id, wallClock(new Date(busy.getTime() + 10 * MINUTE), 'Europe/London'));
    expectOk<{ moveId: string }>(proposed);
    const result = await answerMove(s.volunteer, s.meeting.id, { moveId: proposed.data.moveId, answer: 'accept' });
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/overlaps another session/) });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).toMatchObject({
      startsAt: s.meeting.startsAt,
      sequence: 0,
    });
    expect(await db.meetingReschedule.findUniqueOrThrow({ where: { id: proposed.data.moveId } })).toMatchObject({ status: 'PENDING' });
  });

  it('refuses moving a meeting that has started or been cancelled', async () => {
    const started = await booked({ startsIn: -10 * MINUTE });
    expect(await proposeMove(started.owner, started.meeting.id, wallClock(fromNow(DAY), 'Europe/London'))).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already started/),
    });
    const cancelled = await booked({ meeting: { status: 'CANCELLED', cancelledAt: new Date() } });
    expect(await proposeMove(cancelled.owner, cancelled.meeting.id, wallClock(fromNow(4 * DAY), 'Europe/London'))).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/cancelled/),
    });
  });
});

describe('cancelling', () => {
  it('needs a reason', async () => {
    const s = await booked();
    const result = await cancelMeeting(s.owner, s.meeting.id, { reason: '   ' });
    expect(result).toMatchObject({ ok: false, fieldErrors: { reason: [expect.stringMatching(/why/)] } });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).status).toBe('SCHEDULED');
  });

  it('by the charity within 24 hours: late, offer declined, ask reopened, move superseded, everyone else told once', async () => {
    const s = await booked({ startsIn: 10 * HOUR });
    const proposed = await proposeMove(s.volunteer, s.meeting.id, wallClock(fromNow(3 * DAY), 'Europe/London'));
    expectOk<{ moveId: string }>(proposed);

    const result = await cancelMeeting(s.owner, s.meeting.id, { reason: 'Our treasurer is off sick.' });
    expect(result).toMatchObject({ ok: true, data: { late: true, reopened: true } });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).toMatchObject({
      status: 'CANCELLED',
      cancelledById: s.owner.id,
      cancelReason: 'Our treasurer is off sick.',
      cancelledLate: true,
      sequence: 1,
    });
    expect(await db.offer.findUniqueOrThrow({ where: { id: s.offer.id } })).toMatchObject({
      status: 'DECLINED',
      declineReason: 'OTHER',
      declineNote: 'Our treasurer is off sick.',
    });
    expect(await db.ask.findUniqueOrThrow({ where: { id: s.ask.id } })).toMatchObject({ status: 'OPEN' });
    expect(await db.meetingReschedule.findUniqueOrThrow({ where: { id: proposed.data.moveId } })).toMatchObject({ status: 'SUPERSEDED' });
    // The audience is the volunteer, the ask's writer and the booker (both the owner, who cancelled and gets
    // their own copy, for their calendar); the colleague is neither, so hears nothing.
    expect(await recipients(s.meeting.id, 'meeting-cancelled')).toEqual(sorted(s.owner.id, s.volunteer.id));
    const cancelledRows = (await emailsAbout(s.meeting.id)).filter((row) => row.kind === 'meeting-cancelled');
    expect(cancelledRows.find((row) => row.userId === s.owner.id)!.data).toMatchObject({ cancelledByYou: true, sequence: 1 });
    const email = cancelledRows.find((row) => row.userId === s.volunteer.id)!;
    expect(email.data).not.toHaveProperty('cancelledByYou');
    expect(email.data).toMatchObject({
      cancelledByName: 'Jo Owner from Riverside Food Bank',
      reason: 'Our treasurer is off sick.',
      sequence: 1,
    });

    const page = await getMeetingForViewer(s.volunteer, s.meeting.id);
    expect(page.cancellation).toMatchObject({ byName: 'Jo Owner', byParty: 'CHARITY', late: true, reason: 'Our treasurer is off sick.' });
    expect(page.actions).toMatchObject({ cancel: false, markHeld: false, reportNoShow: false, proposeMove: false });

    const twice = await cancelMeeting(s.volunteer, s.meeting.id, { reason: 'Me too' });
    expect(twice).toMatchObject({ ok: false, formError: expect.stringMatching(/cancelled/) });
    expect(await recipients(s.meeting.id, 'meeting-cancelled')).toEqual(sorted(s.owner.id, s.volunteer.id));
    expect(await auditActions(s.meeting.id)).toEqual(['meeting.propose-move', 'meeting.cancel']);
  });

  it('by the volunteer well ahead: not late, offer withdrawn, both charity people told, a past-deadline ask expires', async () => {
    const s = await booked({ startsIn: 3 * DAY, ask: { deadline: fromNow(-HOUR) } });
    await db.meeting.update({ where: { id: s.meeting.id }, data: { bookedById: s.colleague.id } });
    const result = await cancelMeeting(s.volunteer, s.meeting.id, { reason: 'I have been called away.' });
    expect(result).toMatchObject({ ok: true, data: { late: false } });
    expect(await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).toMatchObject({
      cancelledLate: false,
      cancelledById: s.volunteer.id,
    });
    expect(await db.offer.findUniqueOrThrow({ where: { id: s.offer.id } })).toMatchObject({
      status: 'WITHDRAWN',
      withdrawnBecause: 'BY_VOLUNTEER',
    });
    expect(await db.ask.findUniqueOrThrow({ where: { id: s.ask.id } })).toMatchObject({ status: 'EXPIRED' });
    expect(await recipients(s.meeting.id, 'meeting-cancelled')).toEqual(sorted(s.owner.id, s.colleague.id, s.volunteer.id));
  });

  it('is refused once the session has started: that is a no-show', async () => {
    const s = await booked({ startsIn: -5 * MINUTE });
    expect(await cancelMeeting(s.owner, s.meeting.id, { reason: 'Forgot' })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/report a no-show/),
    });
  });
});

describe('after the session', () => {
  it('marking held is refused before the start, then completes the ask; the other side only adds their mark', async () => {
    const early = await booked({ startsIn: 30 * MINUTE });
    expect(await markHeld(early.owner, early.meeting.id)).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/once the session has started/),
    });
    expect(await reportNoShow(early.owner, early.meeting.id)).toMatchObject({ ok: false });

    const s = await booked({ startsIn: -2 * HOUR });
    expectOk(await markHeld(s.owner, s.meeting.id));
    const held = await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } });
    expect(held).toMatchObject({ status: 'HELD', volunteerHeldAt: null });
    expect(held.charityHeldAt).toBeInstanceOf(Date);
    expect(await db.ask.findUniqueOrThrow({ where: { id: s.ask.id } })).toMatchObject({ status: 'COMPLETED' });

    expect(await markHeld(s.colleague, s.meeting.id)).toMatchObject({ ok: false, formError: expect.stringMatching(/already marked/) });
    expectOk(await markHeld(s.volunteer, s.meeting.id));
    expect((await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).volunteerHeldAt).toBeInstanceOf(Date);
    expect(await reportNoShow(s.volunteer, s.meeting.id)).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already been recorded/),
    });
    expect((await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).status).toBe('HELD');
  });

  it('a cancelled meeting can be neither held nor missed, even after its start', async () => {
    const s = await booked({ startsIn: -HOUR, meeting: { status: 'CANCELLED', cancelledAt: fromNow(-DAY) } });
    expect(await markHeld(s.volunteer, s.meeting.id)).toMatchObject({ ok: false, formError: expect.stringMatching(/cancelled/) });
    expect(await reportNoShow(s.owner, s.meeting.id)).toMatchObject({ ok: false, formError: expect.stringMatching(/cancelled/) });
  });

  it('marking held twice at once records one transition', async () => {
    const s = await booked({ startsIn: -HOUR });
    const results = await Promise.all([markHeld(s.owner, s.meeting.id), markHeld(s.volunteer, s.meeting.id)]);
    expect(results.every((result) => result.ok)).toBe(true);
    const held = await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } });
    expect(held.status).toBe('HELD');
    expect(held.charityHeldAt).toBeInstanceOf(Date);
    expect(held.volunteerHeldAt).toBeInstanceOf(Date);
  });

  it('a no-show names the other side; the volunteer missing it counts against them', async () => {
    const s = await booked({ startsIn: -HOUR });
    expectOk(await reportNoShow(s.owner, s.meeting.id));
    expect(await db.meeting.findUniqueOrThrow({ where: { id: s.meeting.id } })).toMatchObject({
      status: 'NO_SHOW',
      noShowParty: 'VOLUNTEER',
    });
    expect(await db.volunteerProfile.findUniqueOrThrow({ where: { userId: s.volunteer.id } })).toMatchObject({
      noShowCount: 1,
      pausedAt: null,
    });
    expect(await markHeld(s.volunteer, s.meeting.id)).toMatchObject({ ok: false });

    const other = await booked({ startsIn: -HOUR });
    expectOk(await reportNoShow(other.volunteer, other.meeting.id));
    expect(await db.meeting.findUniqueOrThrow({ where: { id: other.meeting.id } })).toMatchObject({ noShowParty: 'CHARITY' });
    expect((await db.volunteerProfile.findUniqueOrThrow({ where: { userId: other.volunteer.id } })).noShowCount).toBe(0);
  });

  it('a missed session from an offer gives the ask back: on the list while its deadline lasts, else expired', async () => {
    const open = await booked({ startsIn: -HOUR });
    expectOk(await reportNoShow(open.owner, open.meeting.id));
    expect(await db.offer.findUniqueOrThrow({ where: { id: open.offer.id } })).toMatchObject({ status: 'WITHDRAWN' });
    expect(await db.ask.findUniqueOrThrow({ where: { id: open.ask.id } })).toMatchObject({ status: 'OPEN', closedAt: null });

    const late = await booked({ startsIn: -HOUR, ask: { deadline: fromNow(-DAY) } });
    expectOk(await reportNoShow(late.volunteer, late.meeting.id));
    expect(await db.offer.findUniqueOrThrow({ where: { id: late.offer.id } })).toMatchObject({ status: 'DECLINED' });
    expect(await db.ask.findUniqueOrThrow({ where: { id: late.ask.id } })).toMatchObject({ status: 'EXPIRED' });
  });

  it('a third volunteer no-show in 90 days pauses them, withdraws their waiting offers and tells them once', async () => {
    const s = await booked({ startsIn: -HOUR });
    const missed = async (ago: number) =>
      createBookedMeeting(db, s.ask, s.volunteer.id, fromNow(-ago), fromNow(-ago - DAY), { status: 'NO_SHOW', noShowParty: 'VOLUNTEER' });
    await missed(10 * DAY);
    await missed(120 * DAY); // outside the 90 days: does not count
    const elsewhere = await createCharity(db);
    const waitingAsk = await createAskBy(db, elsewhere.organisation.id, elsewhere.owner.id);
    const waiting = await createOffer(db, waitingAsk.id, s.volunteer.id);

    // Two in the window: not paused yet.
    expectOk(await reportNoShow(s.owner, s.meeting.id));
    expect((await db.volunteerProfile.findUniqueOrThrow({ where: { userId: s.volunteer.id } })).pausedAt).toBeNull();
    expect((await db.offer.findUniqueOrThrow({ where: { id: waiting.id } })).status).toBe('PENDING');

    const third = await createBookedMeeting(db, s.ask, s.volunteer.id, fromNow(-3 * HOUR), fromNow(-DAY));
    const result = await reportNoShow(s.colleague, third.id);
    expect(result).toMatchObject({ ok: true, data: { paused: true } });
    const profile = await db.volunteerProfile.findUniqueOrThrow({ where: { userId: s.volunteer.id } });
    expect(profile.pausedAt).toBeInstanceOf(Date);
    expect(profile.pausedReason).toMatch(/3 of your sessions in the last 90 days/);
    expect(profile.noShowCount).toBe(2);
    expect(await db.offer.findUniqueOrThrow({ where: { id: waiting.id } })).toMatchObject({
      status: 'WITHDRAWN',
      withdrawnBecause: 'VOLUNTEER_PAUSED',
    });

    const paused = await db.emailOutbox.findMany({ where: { userId: s.volunteer.id, kind: 'volunteer-paused' } });
    expect(paused).toHaveLength(1);
    expect(paused[0]!.data).toEqual({ noShows: 3, days: 90, url: expect.stringMatching(/\/volunteer\/profile$/) });
    expect(await db.emailOutbox.count({ where: { userId: elsewhere.owner.id, kind: 'offer-withdrawn' } })).toBe(1);

    // A fourth does not pause or email again.
    const fourth = await createBookedMeeting(db, s.ask, s.volunteer.id, fromNow(-5 * HOUR), fromNow(-DAY));
    expect(await reportNoShow(s.owner, fourth.id)).toMatchObject({ ok: true, data: { paused: false } });
    expect(await db.emailOutbox.count({ where: { userId: s.volunteer.id, kind: 'volunteer-paused' } })).toBe(1);
  });
});

describe('booking a further catch-up', () => {
  it('is refused before the session is held', async () => {
    const s = await booked({ startsIn: -HOUR });
    expect(await bookAgain(s.owner, s.meeting.id, wallClock(fromNow(7 * DAY), 'Europe/London'))).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/once this session has been held/),
    });
  });

  it('books a linked meeting with the same details and no new ask; a second is refused until the first is cancelled', async () => {
    const s = await booked({
      startsIn: -2 * DAY,
      ask: { status: 'COMPLETED' },
      meeting: { status: 'HELD', medium: 'PHONE', joinDetails: '+44 7700 900123' },
    });
    const when = fromNow(7 * DAY);
    const result = await bookAgain(s.volunteer, s.meeting.id, wallClock(when, 'Europe/London'));
    expectOk<{ meetingId: string }>(result);
    const next = await db.meeting.findUniqueOrThrow({ where: { id: result.data.meetingId } });
    expect(next).toMatchObject({
      askId: s.ask.id,
      organisationId: s.organisation.id,
      volunteerId: s.volunteer.id,
      offerId: null,
      status: 'SCHEDULED',
      startsAt: when,
      medium: 'PHONE',
      joinDetails: '+44 7700 900123',
      bookedById: s.volunteer.id,
    });
    expect(next.endsAt.getTime() - next.startsAt.getTime()).toBe(30 * MINUTE);
    expect(await db.ask.count({ where: { organisationId: s.organisation.id } })).toBe(1);
    expect(await db.followUp.findUniqueOrThrow({ where: { meetingId_kind: { meetingId: s.meeting.id, kind: 'CATCH_UP' } } })).toMatchObject(
      {
        nextMeetingId: next.id,
        requestedById: s.volunteer.id,
        status: 'DONE',
      },
    );
    expect(await recipients(next.id, 'offer-accepted')).toEqual(sorted(s.volunteer.id, s.owner.id));

    // Linked both ways on the pages.
    expect((await getMeetingForViewer(s.owner, s.meeting.id)).catchUp).toMatchObject({ meetingId: next.id });
    expect((await getMeetingForViewer(s.owner, next.id)).followsUp).toMatchObject({ meetingId: s.meeting.id });

    const second = await bookAgain(s.owner, s.meeting.id, wallClock(fromNow(9 * DAY), 'Europe/London'));
    expect(second).toMatchObject({ ok: false, formError: expect.stringMatching(/already booked/) });

    expectOk(await cancelMeeting(s.owner, next.id, { reason: 'Wrong week' }));
    // Cancelling a catch-up leaves the completed ask as it was.
    expect((await db.ask.findUniqueOrThrow({ where: { id: s.ask.id } })).status).toBe('COMPLETED');
    const third = await bookAgain(s.owner, s.meeting.id, wallClock(fromNow(10 * DAY), 'Europe/London'));
    expectOk<{ meetingId: string }>(third);
    expect(
      (await db.followUp.findUniqueOrThrow({ where: { meetingId_kind: { meetingId: s.meeting.id, kind: 'CATCH_UP' } } })).nextMeetingId,
    ).toBe(third.data.meetingId);
  });

  it('two bookings at once make one catch-up', async () => {
    const s = await booked({ startsIn: -2 * DAY, meeting: { status: 'HELD' } });
    const results = await Promise.all([
      bookAgain(s.volunteer, s.meeting.id, wallClock(fromNow(7 * DAY), 'Europe/London')),
      bookAgain(s.owner, s.meeting.id, wallClock(fromNow(8 * DAY), 'Europe/London')),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ formError: expect.stringMatching(/already booked/) });
    expect(await db.meeting.count({ where: { askId: s.ask.id } })).toBe(2);
  });

  it('is refused when the volunteer is paused or the time clashes', async () => {
    const s = await booked({ startsIn: -2 * DAY, meeting: { status: 'HELD' } });
    const busy = fromNow(7 * DAY);
    await createBookedMeeting(db, s.ask, s.volunteer.id, busy, fromNow(-DAY));
    expect(await bookAgain(s.owner, s.meeting.id, wallClock(busy, 'Europe/London'))).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/overlaps another session/),
    });
    await db.volunteerProfile.update({ where: { userId: s.volunteer.id }, data: { pausedAt: new Date() } });
    expect(await bookAgain(s.owner, s.meeting.id, wallClock(fromNow(9 * DAY), 'Europe/London'))).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/not taking new sessions/),
    });
    expect(await db.followUp.count({ where: { meetingId: s.meeting.id } })).toBe(0);
  });
});

describe('reminders and feedback requests', () => {
  const APP = 'https://halfhour.test';
  const context = () => ({ db, boss: jobQueue(), appUrl: APP });

  it('link to the meeting page, and a moved meeting is reminded again for its new time', async () => {
    const s = await booked({ startsIn: 20 * HOUR, ask: { availability: ALL_DAY } });
    await sendMeetingReminders(context());
    const first = await db.emailOutbox.findMany({ where: { userId: s.volunteer.id, kind: 'meeting-reminder' } });
    expect(first.map((row) => row.dedupeKey)).toEqual([
      `reminder-24h:${s.meeting.id}:${s.meeting.startsAt.toISOString()}:${s.volunteer.id}`,
    ]);
    expect(first[0]!.data).toMatchObject({ url: `${APP}/meetings/${s.meeting.id}` });

    const target = new Date(Math.ceil((Date.now() + 22 * HOUR) / HOUR) * HOUR);
    const proposed = await proposeMove(s.owner, s.meeting.id, wallClock(target, 'Europe/London'));
    expectOk<{ moveId: string }>(proposed);
    expectOk(await answerMove(s.volunteer, s.meeting.id, { moveId: proposed.data.moveId, answer: 'accept' }));
    await sendMeetingReminders(context());
    await sendMeetingReminders(context());
    const after = await db.emailOutbox.findMany({ where: { userId: s.volunteer.id, kind: 'meeting-reminder' } });
    expect(after.map((row) => row.dedupeKey).sort()).toEqual(
      [
        `reminder-24h:${s.meeting.id}:${s.meeting.startsAt.toISOString()}:${s.volunteer.id}`,
        `reminder-24h:${s.meeting.id}:${target.toISOString()}:${s.volunteer.id}`,
      ].sort(),
    );
  });

  it('ask for feedback with a link to the meeting page', async () => {
    const s = await booked({ startsIn: -2 * HOUR, meeting: { status: 'HELD' } });
    await requestMeetingFeedback(context());
    const rows = await db.emailOutbox.findMany({ where: { userId: s.volunteer.id, kind: 'feedback-request' } });
    expect(rows).toHaveLength(1);
    expect(rows[0]!.data).toMatchObject({ url: `${APP}/meetings/${s.meeting.id}` });
  });
});

describe('the meeting page', () => {
  it('shows each side its own zone with the other beside it, and both sides’ contact details', async () => {
    const s = await booked({ volunteerZone: 'Asia/Kolkata' });
    await db.user.update({ where: { id: s.colleague.id }, data: { timeZone: 'Europe/Paris' } });
    const forVolunteer = await getMeetingForViewer(s.volunteer, s.meeting.id);
    expect(forVolunteer).toMatchObject({
      viewer: 'VOLUNTEER',
      viewerZone: 'Asia/Kolkata',
      otherZone: 'Europe/London',
      otherZoneLabel: 'Riverside Food Bank',
    });
    expect(forVolunteer.charityContacts).toEqual([{ name: 'Jo Owner', email: s.owner.email, role: 'ask-writer' }]);
    expect(forVolunteer.volunteer.email).toBe(s.volunteer.email);
    expect(forVolunteer).toMatchObject({ joinDetails: 'https://meet.example/halfhour', offerJoinDetails: '+44 7700 900123' });
    expect(forVolunteer.ask).toMatchObject({ title: 'Set up our rota', question: expect.any(String), outcome: expect.any(String) });

    const forColleague = await getMeetingForViewer(s.colleague, s.meeting.id);
    expect(forColleague).toMatchObject({
      viewer: 'CHARITY',
      viewerZone: 'Europe/Paris',
      otherZone: 'Asia/Kolkata',
      otherZoneLabel: 'Dev Patel',
    });
    expect(forColleague.actions).toMatchObject({ proposeMove: true, cancel: true, markHeld: false });
  });
});
