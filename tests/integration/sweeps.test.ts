// The scheduled sweeps (lib/jobs/schedules.ts) on a real database, on each engine: who gets which email
// with which link and data, who gets nothing, and that running a sweep twice at once and then again
// queues each email once (one outbox row per dedupe key, one pg-boss job per row) and changes each row once.
import type { PgBoss } from 'pg-boss';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { closeOverdueAsks, expireOverdueAsks, warnAsksExpiringSoon } from '@/lib/asks/expiry';
import { clearExpiredAuthRows } from '@/lib/auth/cleanup';
import type { DatabaseClient } from '@/lib/database/client';
import { digestWeek, sendWeeklyDigests } from '@/lib/email/digest';
import type { EmailData, EmailKind } from '@/lib/email/messages';
import { sendPracticeChecks } from '@/lib/feedback/sweeps';
import type { EmailOutbox, Prisma, PrismaClient } from '@/lib/generated/prisma/client';
import { createBoss, startBoss } from '@/lib/jobs/boss';
import { EMAIL_QUEUE, type EmailJob } from '@/lib/jobs/queues';
import type { TaskContext } from '@/lib/jobs/task-context';
import { requestMeetingFeedback, sendMeetingReminders } from '@/lib/meetings/sweeps';
import { expireStaleOffers, nudgeWaitingOffers } from '@/lib/offers/sweeps';
import { testEngines } from '../support/engines';
import { createOffer, createSkill, createUser, createVolunteer } from '../support/factories';
import { addMember, createAskBy, createBookedMeeting, createCharity, giveFeedback } from '../support/meeting-factories';

const APP = 'https://halfhour.test';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A Wednesday, UK time (GMT). Everything is placed relative to it. */
const NOW = new Date('2027-03-10T09:00:00.000Z');
const at = (offsetMs: number, from = NOW) => new Date(from.getTime() + offsetMs);

const dataOf = <K extends EmailKind>(row: EmailOutbox) => row.data as unknown as EmailData<K>;

type Sweep<T> = (context: TaskContext, now: Date) => Promise<T>;

describe.each(testEngines())('scheduled sweeps on the $name engine', (engine) => {
  let client: DatabaseClient;
  let db: PrismaClient;
  let boss: PgBoss;
  let context: TaskContext;

  beforeAll(async () => {
    client = engine.open();
    await client.ready;
    boss = await startBoss(createBoss(client, { schedule: false }));
    db = client.db;
    context = { db, boss, appUrl: APP };
  });
  afterAll(async () => {
    await boss?.stop({ close: true, graceful: false });
    await client?.close();
  });

  /** Two runs at once, then one more: what a second server and the next tick would do. */
  async function raceThenRepeat<T>(sweep: Sweep<T>, now = NOW): Promise<T[]> {
    const racing = await Promise.all([sweep(context, now), sweep(context, now)]);
    return [...racing, await sweep(context, now)];
  }

  /** The outbox ids the runs report: each email reported by exactly one run. */
  function reported(results: Array<{ emails: string[] }>): string[] {
    const ids = results.flatMap((result) => result.emails);
    expect(new Set(ids).size).toBe(ids.length);
    return ids;
  }

  async function emailsTo(...users: Array<{ id: string }>): Promise<EmailOutbox[]> {
    return db.emailOutbox.findMany({ where: { userId: { in: users.map((user) => user.id) } }, orderBy: { dedupeKey: 'asc' } });
  }

  const keysOf = (rows: EmailOutbox[]) => rows.map((row) => row.dedupeKey).sort();
  const byKey = (rows: EmailOutbox[], key: string) => {
    const row = rows.find((candidate) => candidate.dedupeKey === key);
    if (!row) throw new Error(`No email with key ${key}; have ${keysOf(rows).join(', ')}`);
    return row;
  };

  /** Every outbox row has exactly one pg-boss job, and every email job belongs to a row. */
  async function expectOneJobPerEmail(rows: EmailOutbox[]) {
    for (const row of rows) {
      const jobs = await boss.findJobs<EmailJob>(EMAIL_QUEUE, { data: { outboxId: row.id } });
      expect(jobs, `jobs for ${row.dedupeKey}`).toHaveLength(1);
    }
    const all = await boss.findJobs<EmailJob>(EMAIL_QUEUE, { limit: 100_000 });
    const outbox = await db.emailOutbox.findMany({ select: { id: true } });
    expect(all.map((job) => job.data.outboxId).sort()).toEqual(outbox.map((row) => row.id).sort());
  }

  describe('asks about to expire', () => {
    it('warns the charity once, three days ahead, in their own time zone', async () => {
      const charity = await createCharity(db, { owner: { timeZone: 'America/New_York' } });
      const soon = await createAskBy(db, charity.organisation.id, charity.owner.id, {
        title: 'Review our volunteer handbook',
        deadline: at(2 * DAY),
        publishedAt: at(-5 * DAY),
      });
      await createAskBy(db, charity.organisation.id, charity.owner.id, { deadline: at(5 * DAY), publishedAt: at(-5 * DAY) });
      await createAskBy(db, charity.organisation.id, charity.owner.id, { status: 'DRAFT', publishedAt: null, deadline: at(DAY) });
      await createAskBy(db, charity.organisation.id, charity.owner.id, { deadline: at(-HOUR), publishedAt: at(-5 * DAY) }); // overdue
      const unverified = await createCharity(db, { organisation: { status: 'PENDING_VERIFICATION' } });
      await createAskBy(db, unverified.organisation.id, unverified.owner.id, { deadline: at(DAY) });
      const quiet = await createCharity(db, { owner: { emailOnOffers: false } });
      await createAskBy(db, quiet.organisation.id, quiet.owner.id, { deadline: at(DAY) });

      // The creator has gone (account deleted, or left the organisation): every owner hears instead.
      const orphaned = await createCharity(db);
      const secondOwner = await addMember(db, orphaned.organisation.id, { timeZone: 'Europe/Paris' }, 'OWNER');
      const member = await addMember(db, orphaned.organisation.id);
      const leaver = await createUser(db);
      const deleted = await createAskBy(db, orphaned.organisation.id, null, { deadline: at(DAY) });
      const left = await createAskBy(db, orphaned.organisation.id, leaver.id, { deadline: at(2 * DAY) });

      const results = await raceThenRepeat(warnAsksExpiringSoon);
      const rows = await emailsTo(charity.owner, unverified.owner, quiet.owner, orphaned.owner, secondOwner, member, leaver);
      expect(keysOf(rows)).toEqual(
        [
          `ask-expiring:${soon.id}`,
          `ask-expiring:${deleted.id}:${orphaned.owner.id}`,
          `ask-expiring:${deleted.id}:${secondOwner.id}`,
          `ask-expiring:${left.id}:${orphaned.owner.id}`,
          `ask-expiring:${left.id}:${secondOwner.id}`,
        ].sort(),
      );
      expect(reported(results).sort()).toEqual(rows.map((row) => row.id).sort());

      const warning = byKey(rows, `ask-expiring:${soon.id}`);
      expect(warning).toMatchObject({ kind: 'ask-expiring', to: charity.owner.email, userId: charity.owner.id, status: 'PENDING' });
      expect(warning.data).toEqual({
        askTitle: 'Review our volunteer handbook',
        deadline: soon.deadline.toISOString(),
        timeZone: 'America/New_York',
        url: `${APP}/my-asks/${soon.id}`,
      } satisfies EmailData<'ask-expiring'>);
      expect(dataOf<'ask-expiring'>(byKey(rows, `ask-expiring:${deleted.id}:${secondOwner.id}`)).timeZone).toBe('Europe/Paris');
      await expectOneJobPerEmail(rows);
    });

    it('closes overdue asks and tells each volunteer still waiting, once, that the ask closed', async () => {
      const later = at(500 * DAY);
      const charity = await createCharity(db);
      const overdue = await createAskBy(db, charity.organisation.id, charity.owner.id, {
        title: 'Check our gift aid claim',
        deadline: at(-HOUR, later),
      });
      const waitingOne = await createVolunteer(db);
      const waitingTwo = await createVolunteer(db);
      const declinedEarlier = await createVolunteer(db);
      const first = await createOffer(db, overdue.id, waitingOne.id);
      const second = await createOffer(db, overdue.id, waitingTwo.id);
      await createOffer(db, overdue.id, declinedEarlier.id, { status: 'DECLINED', respondedAt: at(-DAY) });

      const results = await raceThenRepeat(closeOverdueAsks, later);
      // Closed once, by one of the racing runs (other tests' overdue asks close too).
      expect(results.flatMap((result) => result.expired).filter((id) => id === overdue.id)).toHaveLength(1);
      expect(await db.ask.findUniqueOrThrow({ where: { id: overdue.id } })).toMatchObject({ status: 'EXPIRED' });
      expect(
        (await db.offer.findMany({ where: { askId: overdue.id }, orderBy: { status: 'asc' } })).map((offer) => offer.status).sort(),
      ).toEqual(['DECLINED', 'EXPIRED', 'EXPIRED']);
      const rows = await emailsTo(waitingOne, waitingTwo, declinedEarlier);
      expect(keysOf(rows)).toEqual([`offer-closed:${first.id}`, `offer-closed:${second.id}`].sort());
      expect(byKey(rows, `offer-closed:${first.id}`)).toMatchObject({ kind: 'offer-declined', to: waitingOne.email });
      expect(dataOf<'offer-declined'>(byKey(rows, `offer-closed:${second.id}`))).toEqual({
        askTitle: 'Check our gift aid claim',
        organisationName: charity.organisation.name,
        reason: 'ask-closed',
        url: `${APP}/asks`,
      } satisfies EmailData<'offer-declined'>);
      await expectOneJobPerEmail(rows);
    });

    it('leaves expireOverdueAsks as it was: it closes the overdue ask, and the warning sweep then skips it', async () => {
      const charity = await createCharity(db);
      const overdue = await createAskBy(db, charity.organisation.id, charity.owner.id, { deadline: at(-HOUR, at(400 * DAY)) });
      expect((await expireOverdueAsks(db, at(400 * DAY))).expired).toContain(overdue.id);
      await warnAsksExpiringSoon(context, at(-2 * DAY, at(400 * DAY)));
      expect(await emailsTo(charity.owner)).toEqual([]);
    });
  });

  describe('offers', () => {
    it('expires offers left unanswered for seven days, once, and tells each volunteer kindly', async () => {
      const charity = await createCharity(db, { organisation: { name: 'Northside Youth Club' } });
      const ask = await createAskBy(db, charity.organisation.id, charity.owner.id, {
        title: 'Plan our first grant application',
        deadline: at(20 * DAY),
        publishedAt: at(-20 * DAY),
      });
      // Turning offer emails off does not stop news about one's own offer.
      const [v1, v2, v3, v4] = await Promise.all([
        createVolunteer(db, { emailOnOffers: false }),
        createVolunteer(db),
        createVolunteer(db),
        createVolunteer(db),
      ]);
      const stale = await createOffer(db, ask.id, v1.id, { createdAt: at(-8 * DAY) });
      const exactlyAWeek = await createOffer(db, ask.id, v2.id, { createdAt: at(-7 * DAY) });
      const fresh = await createOffer(db, ask.id, v3.id, { createdAt: at(-6 * DAY) });
      const accepted = await createOffer(db, ask.id, v4.id, { createdAt: at(-10 * DAY), status: 'ACCEPTED', respondedAt: at(-9 * DAY) });

      const results = await raceThenRepeat(expireStaleOffers);
      const expired = results
        .flatMap((result) => result.expired)
        .filter((id) => [stale.id, exactlyAWeek.id, fresh.id, accepted.id].includes(id));
      expect(expired.sort()).toEqual([stale.id, exactlyAWeek.id].sort());

      const offers = await db.offer.findMany({ where: { askId: ask.id } });
      const status = (id: string) => offers.find((offer) => offer.id === id)!;
      expect(status(stale.id)).toMatchObject({ status: 'EXPIRED', respondedAt: NOW });
      expect(status(exactlyAWeek.id)).toMatchObject({ status: 'EXPIRED', respondedAt: NOW });
      expect(status(fresh.id)).toMatchObject({ status: 'PENDING', respondedAt: null });
      expect(status(accepted.id)).toMatchObject({ status: 'ACCEPTED', respondedAt: at(-9 * DAY) });
      expect(await db.auditLog.count({ where: { entityId: { in: [stale.id, exactlyAWeek.id] }, action: 'offer.expire' } })).toBe(2);

      const rows = await emailsTo(v1, v2, v3, v4, charity.owner);
      expect(keysOf(rows)).toEqual([`offer-expired:${stale.id}`, `offer-expired:${exactlyAWeek.id}`].sort());
      const email = byKey(rows, `offer-expired:${stale.id}`);
      expect(email).toMatchObject({ kind: 'offer-declined', to: v1.email, userId: v1.id });
      expect(email.data).toEqual({
        askTitle: 'Plan our first grant application',
        organisationName: 'Northside Youth Club',
        reason: 'expired',
        url: `${APP}/asks`,
      } satisfies EmailData<'offer-declined'>);
      await expectOneJobPerEmail(rows);
    });

    it('nudges the charity once about an offer waiting two to seven days on an open ask', async () => {
      const charity = await createCharity(db);
      const ask = await createAskBy(db, charity.organisation.id, charity.owner.id, {
        title: 'Check our safeguarding policy',
        deadline: at(10 * DAY),
        publishedAt: at(-10 * DAY),
      });
      const priya = await createVolunteer(db, { name: 'Priya Shah' });
      const waiting = await createOffer(db, ask.id, priya.id, { createdAt: at(-3 * DAY - HOUR) });
      await createOffer(db, ask.id, (await createVolunteer(db)).id, { createdAt: at(-1 * DAY) }); // too new
      await createOffer(db, ask.id, (await createVolunteer(db)).id, { createdAt: at(-8 * DAY) }); // the expiry sweep's
      await createOffer(db, ask.id, (await createVolunteer(db)).id, { createdAt: at(-3 * DAY), status: 'DECLINED' });
      const matched = await createAskBy(db, charity.organisation.id, charity.owner.id, { status: 'MATCHED', deadline: at(10 * DAY) });
      await createOffer(db, matched.id, priya.id, { createdAt: at(-3 * DAY) });
      const quiet = await createCharity(db, { owner: { emailOnOffers: false } });
      const quietAsk = await createAskBy(db, quiet.organisation.id, quiet.owner.id, { deadline: at(10 * DAY) });
      await createOffer(db, quietAsk.id, priya.id, { createdAt: at(-3 * DAY) });

      const results = await raceThenRepeat(nudgeWaitingOffers);
      const rows = await emailsTo(charity.owner, quiet.owner);
      expect(keysOf(rows)).toEqual([`offer-waiting:${waiting.id}`]);
      expect(reported(results).filter((id) => rows.some((row) => row.id === id))).toHaveLength(1);
      expect(rows[0]).toMatchObject({ kind: 'offer-waiting', to: charity.owner.email, userId: charity.owner.id });
      expect(rows[0]!.data).toEqual({
        askTitle: 'Check our safeguarding policy',
        volunteerName: 'Priya Shah',
        waitingDays: 3,
        url: `${APP}/my-asks/${ask.id}/offers`,
      } satisfies EmailData<'offer-waiting'>);
      expect(await emailsTo(priya)).toEqual([]);
      await expectOneJobPerEmail(rows);
    });
  });

  describe('meetings', () => {
    it('reminds both sides 24 hours and 1 hour ahead, each in their own zone, naming the other side', async () => {
      const charity = await createCharity(db, { organisation: { name: 'Riverside Food Bank' }, owner: { name: 'Jo Owner' } });
      const ask = await createAskBy(db, charity.organisation.id, charity.owner.id, { title: 'Set up our rota spreadsheet' });
      const dev = await createVolunteer(db, { name: 'Dev Patel', timeZone: 'Asia/Kolkata' });
      const quietVolunteer = await createVolunteer(db, { emailReminders: false });

      const tomorrow = await createBookedMeeting(db, ask, dev.id, at(20 * HOUR), at(-3 * DAY));
      const withinTheHour = await createBookedMeeting(db, ask, dev.id, at(30 * MINUTE), at(-2 * DAY));
      const bookedLate = await createBookedMeeting(db, ask, dev.id, at(90 * MINUTE), at(-10 * MINUTE));
      const cancelled = await createBookedMeeting(db, ask, dev.id, at(5 * HOUR), at(-DAY), { status: 'CANCELLED', cancelledAt: at(-HOUR) });
      const dayAfter = await createBookedMeeting(db, ask, dev.id, at(30 * HOUR), at(-DAY));
      const optedOut = await createBookedMeeting(db, ask, quietVolunteer.id, at(10 * HOUR), at(-DAY));

      const first = await raceThenRepeat(sendMeetingReminders);
      let rows = await emailsTo(charity.owner, dev, quietVolunteer);
      expect(keysOf(rows)).toEqual(
        [
          `reminder-24h:${tomorrow.id}:${tomorrow.startsAt.toISOString()}:${dev.id}`,
          `reminder-24h:${tomorrow.id}:${tomorrow.startsAt.toISOString()}:${charity.owner.id}`,
          `reminder-1h:${withinTheHour.id}:${withinTheHour.startsAt.toISOString()}:${dev.id}`,
          `reminder-1h:${withinTheHour.id}:${withinTheHour.startsAt.toISOString()}:${charity.owner.id}`,
          `reminder-24h:${optedOut.id}:${optedOut.startsAt.toISOString()}:${charity.owner.id}`,
        ].sort(),
      );
      expect(reported(first).filter((id) => rows.some((row) => row.id === id))).toHaveLength(5);

      const toVolunteer = byKey(rows, `reminder-24h:${tomorrow.id}:${tomorrow.startsAt.toISOString()}:${dev.id}`);
      expect(toVolunteer).toMatchObject({ kind: 'meeting-reminder', to: dev.email });
      expect(toVolunteer.data).toEqual({
        meetingId: tomorrow.id,
        askTitle: 'Set up our rota spreadsheet',
        withName: 'Riverside Food Bank',
        startsAt: tomorrow.startsAt.toISOString(),
        endsAt: tomorrow.endsAt.toISOString(),
        timeZone: 'Asia/Kolkata',
        medium: 'VIDEO',
        joinDetails: 'https://meet.example/halfhour',
        lead: '24h',
        url: `${APP}/meetings/${tomorrow.id}`,
      } satisfies EmailData<'meeting-reminder'>);
      expect(byKey(rows, `reminder-24h:${tomorrow.id}:${tomorrow.startsAt.toISOString()}:${charity.owner.id}`).data).toMatchObject({
        withName: 'Dev Patel',
        timeZone: 'Europe/London',
        lead: '24h',
      });
      expect(byKey(rows, `reminder-1h:${withinTheHour.id}:${withinTheHour.startsAt.toISOString()}:${dev.id}`).data).toMatchObject({
        lead: '1h',
      });

      const meetings = await db.meeting.findMany({ where: { askId: ask.id }, select: { id: true, reminderSentAt: true } });
      const remindedAt = (id: string) => meetings.find((meeting) => meeting.id === id)!.reminderSentAt;
      expect(remindedAt(tomorrow.id)).toEqual(NOW);
      expect(remindedAt(bookedLate.id)).toBeNull();
      expect(remindedAt(cancelled.id)).toBeNull();
      expect(remindedAt(dayAfter.id)).toBeNull();

      // 40 minutes on, the late booking is within the hour: its 1-hour reminder, and nothing else new.
      await raceThenRepeat(sendMeetingReminders, at(40 * MINUTE));
      // 19.5 hours on: tomorrow's meeting gets its 1-hour reminder (the 24-hour one is not sent again),
      // and the meeting the day after gets its 24-hour one.
      await raceThenRepeat(sendMeetingReminders, at(19.5 * HOUR));
      rows = await emailsTo(charity.owner, dev, quietVolunteer);
      expect(keysOf(rows)).toEqual(
        [
          `reminder-24h:${tomorrow.id}:${tomorrow.startsAt.toISOString()}:${dev.id}`,
          `reminder-24h:${tomorrow.id}:${tomorrow.startsAt.toISOString()}:${charity.owner.id}`,
          `reminder-1h:${withinTheHour.id}:${withinTheHour.startsAt.toISOString()}:${dev.id}`,
          `reminder-1h:${withinTheHour.id}:${withinTheHour.startsAt.toISOString()}:${charity.owner.id}`,
          `reminder-24h:${optedOut.id}:${optedOut.startsAt.toISOString()}:${charity.owner.id}`,
          `reminder-1h:${bookedLate.id}:${bookedLate.startsAt.toISOString()}:${dev.id}`,
          `reminder-1h:${bookedLate.id}:${bookedLate.startsAt.toISOString()}:${charity.owner.id}`,
          `reminder-1h:${tomorrow.id}:${tomorrow.startsAt.toISOString()}:${dev.id}`,
          `reminder-1h:${tomorrow.id}:${tomorrow.startsAt.toISOString()}:${charity.owner.id}`,
          `reminder-24h:${dayAfter.id}:${dayAfter.startsAt.toISOString()}:${dev.id}`,
          `reminder-24h:${dayAfter.id}:${dayAfter.startsAt.toISOString()}:${charity.owner.id}`,
        ].sort(),
      );
      expect(rows.some((row) => row.dedupeKey?.includes(cancelled.id))).toBe(false);
      await expectOneJobPerEmail(rows);
    });

    it('asks each side for feedback once after a session, unless that side has given it', async () => {
      const charity = await createCharity(db, { organisation: { name: 'Eastgate Community Garden' } });
      const colleague = await addMember(db, charity.organisation.id);
      const ask = await createAskBy(db, charity.organisation.id, charity.owner.id, { title: 'Price our plant sale' });
      const sam = await createVolunteer(db, { name: 'Sam Okafor', timeZone: 'America/Toronto' });

      const justEnded = await createBookedMeeting(db, ask, sam.id, at(-90 * MINUTE), at(-5 * DAY));
      const volunteerGave = await createBookedMeeting(db, ask, sam.id, at(-2 * DAY), at(-5 * DAY), { status: 'HELD' });
      await giveFeedback(db, volunteerGave.id, sam.id, 'VOLUNTEER');
      const colleagueGave = await createBookedMeeting(db, ask, sam.id, at(-3 * DAY), at(-5 * DAY), { status: 'HELD' });
      await giveFeedback(db, colleagueGave.id, colleague.id, 'CHARITY');
      const cancelled = await createBookedMeeting(db, ask, sam.id, at(-DAY), at(-5 * DAY), { status: 'CANCELLED' });
      const noShow = await createBookedMeeting(db, ask, sam.id, at(-DAY - 2 * HOUR), at(-5 * DAY), {
        status: 'NO_SHOW',
        noShowParty: 'CHARITY',
      });
      const lastMonth = await createBookedMeeting(db, ask, sam.id, at(-8 * DAY), at(-9 * DAY), { status: 'HELD' });
      const upcoming = await createBookedMeeting(db, ask, sam.id, at(2 * HOUR), at(-DAY));
      const underway = await createBookedMeeting(db, ask, sam.id, at(-15 * MINUTE), at(-DAY));

      const results = await raceThenRepeat(requestMeetingFeedback);
      const rows = await emailsTo(charity.owner, colleague, sam);
      expect(keysOf(rows)).toEqual(
        [
          `feedback-request:${justEnded.id}:${sam.id}`,
          `feedback-request:${justEnded.id}:${charity.owner.id}`,
          `feedback-request:${volunteerGave.id}:${charity.owner.id}`,
          `feedback-request:${colleagueGave.id}:${sam.id}`,
        ].sort(),
      );
      expect(reported(results).filter((id) => rows.some((row) => row.id === id))).toHaveLength(4);
      for (const meeting of [cancelled, noShow, lastMonth, upcoming, underway]) {
        expect(rows.some((row) => row.dedupeKey?.includes(meeting.id))).toBe(false);
      }

      const toVolunteer = byKey(rows, `feedback-request:${justEnded.id}:${sam.id}`);
      expect(toVolunteer).toMatchObject({ kind: 'feedback-request', to: sam.email, userId: sam.id });
      expect(toVolunteer.data).toEqual({
        meetingId: justEnded.id,
        askTitle: 'Price our plant sale',
        withName: 'Eastgate Community Garden',
        heldAt: justEnded.startsAt.toISOString(),
        timeZone: 'America/Toronto',
        url: `${APP}/meetings/${justEnded.id}`,
      } satisfies EmailData<'feedback-request'>);
      expect(byKey(rows, `feedback-request:${justEnded.id}:${charity.owner.id}`).data).toMatchObject({
        withName: 'Sam Okafor',
        timeZone: 'Europe/London',
      });
      await expectOneJobPerEmail(rows);
    });
  });

  describe('practice checks', () => {
    it('creates one check two weeks after each session held, and emails the charity once', async () => {
      const charity = await createCharity(db, { owner: { timeZone: 'Europe/Dublin' } });
      const ask = await createAskBy(db, charity.organisation.id, charity.owner.id, { title: 'Write our first impact report' });
      const aisha = await createVolunteer(db, { name: 'Aisha Khan' });
      const meet = (startOffset: number, data: Partial<Prisma.MeetingUncheckedCreateInput> = {}) =>
        createBookedMeeting(db, ask, aisha.id, at(startOffset), at(startOffset - 3 * DAY), data);

      const held = await meet(-15 * DAY, { status: 'HELD' });
      const endedUnmarked = await meet(-20 * DAY);
      const cancelled = await meet(-20 * DAY - HOUR, { status: 'CANCELLED' });
      const tooRecent = await meet(-10 * DAY, { status: 'HELD' });
      const noShow = await meet(-16 * DAY, { status: 'NO_SHOW', noShowParty: 'VOLUNTEER' });
      const alreadyChecked = await meet(-17 * DAY, { status: 'HELD' });
      await db.followUp.create({
        data: { meetingId: alreadyChecked.id, kind: 'PRACTICE_CHECK', status: 'DONE', dueAt: at(-3 * DAY), practiceOutcome: 'YES' },
      });
      const withCatchUp = await meet(-18 * DAY, { status: 'HELD' });
      await db.followUp.create({ data: { meetingId: withCatchUp.id, kind: 'CATCH_UP', dueAt: at(-10 * DAY) } });
      const longAgo = await meet(-60 * DAY, { status: 'HELD' });

      const results = await raceThenRepeat(sendPracticeChecks);
      const checks = await db.followUp.findMany({
        where: { kind: 'PRACTICE_CHECK', meeting: { askId: ask.id } },
        include: { meeting: { select: { endsAt: true } } },
      });
      const checked = (meetingId: string) => checks.filter((check) => check.meetingId === meetingId);
      for (const meeting of [held, endedUnmarked, withCatchUp]) {
        expect(checked(meeting.id)).toHaveLength(1);
        expect(checked(meeting.id)[0]).toMatchObject({ status: 'PENDING', dueAt: at(14 * DAY, meeting.endsAt) });
      }
      for (const meeting of [cancelled, tooRecent, noShow, longAgo]) expect(checked(meeting.id)).toEqual([]);
      expect(checked(alreadyChecked.id)).toMatchObject([{ status: 'DONE' }]);
      const created = results.flatMap((result) => result.created);
      expect(new Set(created).size).toBe(created.length);
      expect(created.filter((id) => checks.some((check) => check.id === id)).sort()).toEqual(
        [held, endedUnmarked, withCatchUp].map((meeting) => checked(meeting.id)[0]!.id).sort(),
      );

      const rows = await emailsTo(charity.owner, aisha);
      const checkOf = (meetingId: string) => checked(meetingId)[0]!.id;
      expect(keysOf(rows)).toEqual([held, endedUnmarked, withCatchUp].map((meeting) => `practice-check:${checkOf(meeting.id)}`).sort());
      expect(reported(results).filter((id) => rows.some((row) => row.id === id))).toHaveLength(3);
      const email = byKey(rows, `practice-check:${checkOf(held.id)}`);
      expect(email).toMatchObject({ kind: 'practice-check', to: charity.owner.email, userId: charity.owner.id });
      expect(email.data).toEqual({
        askTitle: 'Write our first impact report',
        volunteerName: 'Aisha Khan',
        heldAt: held.startsAt.toISOString(),
        timeZone: 'Europe/Dublin',
        url: `${APP}/meetings/${held.id}#practice-check`,
      } satisfies EmailData<'practice-check'>);
      await expectOneJobPerEmail(rows);
    });
  });

  describe('the weekly digest', () => {
    it('names the week by its Monday, UK time, across the clock change', () => {
      expect(digestWeek(NOW)).toBe('2027-03-08');
      expect(digestWeek(new Date('2027-03-08T00:00:00Z'))).toBe('2027-03-08');
      expect(digestWeek(new Date('2027-03-14T23:30:00Z'))).toBe('2027-03-08'); // Sunday night, GMT
      expect(digestWeek(new Date('2027-06-13T23:30:00Z'))).toBe('2027-06-14'); // 00:30 on Monday in BST
    });

    it('sends each opted-in, unpaused volunteer the new open asks that fit their skills, once a week', async () => {
      const [budgeting, grants, unused, popular] = await Promise.all([createSkill(db), createSkill(db), createSkill(db), createSkill(db)]);
      const charity = await createCharity(db, { organisation: { name: 'Hillside Carers' } });
      const unverified = await createCharity(db, { organisation: { status: 'PENDING_VERIFICATION' } });
      const post = (
        days: number,
        needsSkills: string[],
        data: Parameters<typeof createAskBy>[3] = {},
        organisationId = charity.organisation.id,
      ) =>
        createAskBy(db, organisationId, charity.owner.id, { publishedAt: at(-days * DAY), deadline: at(14 * DAY), needsSkills, ...data });

      const newest = await post(1, [budgeting.id], { title: 'Budget for our respite breaks', durationMinutes: 45 });
      const both = await post(2, [budgeting.id, grants.id], { title: 'Cost a grant bid' });
      await post(1, [grants.id]); // a skill the first reader lacks
      await post(9, [budgeting.id]); // published before this week
      await post(1, [budgeting.id], {}, unverified.organisation.id);
      await post(3, [budgeting.id], { deadline: at(-HOUR) }); // closed, not yet swept
      await post(2, [budgeting.id], { status: 'MATCHED' });
      const many = [];
      for (let day = 0; day < 12; day += 1) many.push(await post(6 - day / 2, [popular.id], { title: `Popular ask ${day}` }));

      const reader = (
        skills: string[],
        profile: Partial<Prisma.VolunteerProfileCreateWithoutUserInput> = {},
        user: Partial<Prisma.UserCreateInput> = {},
      ) =>
        createVolunteer(db, {
          emailDigest: true,
          volunteerProfile: {
            create: {
              headline: 'Finance volunteer',
              bio: 'Reads digests.',
              media: ['VIDEO'],
              skills: { create: skills.map((skillId) => ({ skillId, level: 'EXPERT' as const })) },
              ...profile,
            },
          },
          ...user,
        });
      const keen = await reader([budgeting.id]);
      const paused = await reader([budgeting.id], { pausedAt: at(-DAY) });
      const notOptedIn = await reader([budgeting.id], {}, { emailDigest: false });
      const noMatch = await reader([unused.id]);
      const back = await reader([budgeting.id, unused.id], { pausedAt: at(-20 * DAY), pausedUntil: at(-DAY) });
      await createOffer(db, newest.id, back.id); // already offered: not suggested again
      const suspended = await reader([budgeting.id], {}, { status: 'SUSPENDED' });
      const busy = await reader([popular.id]);
      const noProfile = await createUser(db, { emailDigest: true });

      const results = await raceThenRepeat(sendWeeklyDigests);
      const rows = await emailsTo(keen, paused, notOptedIn, noMatch, back, suspended, busy, noProfile);
      const week = '2027-03-08';
      expect(keysOf(rows)).toEqual([`digest:${keen.id}:${week}`, `digest:${back.id}:${week}`, `digest:${busy.id}:${week}`].sort());
      expect(reported(results).filter((id) => rows.some((row) => row.id === id))).toHaveLength(3);

      const keenDigest = byKey(rows, `digest:${keen.id}:${week}`);
      expect(keenDigest).toMatchObject({ kind: 'weekly-digest', to: keen.email, userId: keen.id });
      expect(keenDigest.data).toEqual({
        asks: [
          {
            title: 'Budget for our respite breaks',
            organisationName: 'Hillside Carers',
            durationMinutes: 45,
            skills: [budgeting.name],
            url: `${APP}/asks/${newest.id}`,
          },
          {
            title: 'Cost a grant bid',
            organisationName: 'Hillside Carers',
            durationMinutes: 30,
            skills: [budgeting.name, grants.name].sort(),
            url: `${APP}/asks/${both.id}`,
          },
        ],
        moreCount: 0,
        browseUrl: `${APP}/asks`,
      } satisfies EmailData<'weekly-digest'>);
      expect(dataOf<'weekly-digest'>(byKey(rows, `digest:${back.id}:${week}`)).asks.map((ask) => ask.url)).toEqual([
        `${APP}/asks/${both.id}`,
      ]);
      const busyDigest = dataOf<'weekly-digest'>(byKey(rows, `digest:${busy.id}:${week}`));
      expect(busyDigest.asks.map((ask) => ask.url)).toEqual(
        many
          .slice(2)
          .reverse()
          .map((ask) => `${APP}/asks/${ask.id}`),
      );
      expect(busyDigest.moreCount).toBe(2);
      await expectOneJobPerEmail(rows);

      // Next week's run is a new digest; this week's is never sent again.
      await sendWeeklyDigests(context, at(7 * DAY));
      expect(keysOf(await emailsTo(keen))).toEqual([`digest:${keen.id}:${week}`]); // last week's asks are now too old
    });

    it('reads volunteers a page at a time and reaches every one of them', async () => {
      const skill = await createSkill(db);
      const charity = await createCharity(db);
      await createAskBy(db, charity.organisation.id, charity.owner.id, {
        publishedAt: at(-DAY),
        deadline: at(14 * DAY),
        needsSkills: [skill.id],
      });
      const tag = skill.id.slice(-6);
      const ids = Array.from({ length: 205 }, (_, index) => `bulk-${tag}-${String(index).padStart(3, '0')}`);
      await db.user.createMany({ data: ids.map((id) => ({ id, email: `${id}@test.example`, emailDigest: true })) });
      await db.volunteerProfile.createMany({
        data: ids.map((id) => ({ id: `vp-${id}`, userId: id, headline: 'Bulk', bio: 'One of many.' })),
      });
      await db.volunteerSkill.createMany({
        data: ids.map((id) => ({ volunteerProfileId: `vp-${id}`, skillId: skill.id, level: 'WORKING' as const })),
      });

      const later = at(3 * HOUR);
      await raceThenRepeat(sendWeeklyDigests, later);
      const rows = await db.emailOutbox.findMany({ where: { userId: { in: ids } } });
      expect(rows.map((row) => row.dedupeKey).sort()).toEqual(ids.map((id) => `digest:${id}:2027-03-08`).sort());
      const jobs = await boss.findJobs<EmailJob>(EMAIL_QUEUE, { limit: 100_000 });
      const jobsPerRow = new Map<string, number>();
      for (const job of jobs) jobsPerRow.set(job.data.outboxId, (jobsPerRow.get(job.data.outboxId) ?? 0) + 1);
      expect(rows.every((row) => jobsPerRow.get(row.id) === 1)).toBe(true);
    });
  });

  describe('sign-in housekeeping', () => {
    it('deletes expired sessions, sign-in tokens and old rate-limit windows, and nothing else', async () => {
      const user = await createUser(db);
      await db.session.createMany({
        data: [
          { sessionToken: `expired-${user.id}`, userId: user.id, expires: at(-MINUTE) },
          { sessionToken: `live-${user.id}`, userId: user.id, expires: at(DAY) },
        ],
      });
      await db.verificationToken.createMany({
        data: [
          { identifier: user.email, token: `used-up-${user.id}`, expires: at(-MINUTE) },
          { identifier: user.email, token: `fresh-${user.id}`, expires: at(10 * MINUTE) },
        ],
      });
      await db.rateLimitBucket.createMany({
        data: [
          { key: `sign-in:${user.id}`, windowStart: at(-25 * HOUR), count: 3 },
          { key: `sign-in:${user.id}`, windowStart: at(-23 * HOUR), count: 1 },
        ],
      });

      const racing = await Promise.all([clearExpiredAuthRows(db, NOW), clearExpiredAuthRows(db, NOW)]);
      const total = (key: keyof (typeof racing)[number]) => racing.reduce((sum, result) => sum + result[key], 0);
      expect({
        sessions: total('sessions'),
        verificationTokens: total('verificationTokens'),
        rateLimitBuckets: total('rateLimitBuckets'),
      }).toEqual({
        sessions: 1,
        verificationTokens: 1,
        rateLimitBuckets: 1,
      });
      expect(await clearExpiredAuthRows(db, NOW)).toEqual({ sessions: 0, verificationTokens: 0, rateLimitBuckets: 0 });
      expect((await db.session.findMany({ where: { userId: user.id } })).map((session) => session.sessionToken)).toEqual([
        `live-${user.id}`,
      ]);
      expect((await db.verificationToken.findMany({ where: { identifier: user.email } })).map((token) => token.token)).toEqual([
        `fresh-${user.id}`,
      ]);
      expect(await db.rateLimitBucket.findMany({ where: { key: `sign-in:${user.id}` } })).toMatchObject([{ windowStart: at(-23 * HOUR) }]);
    });
  });
});
