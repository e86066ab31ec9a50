// Every cached page is fresh within two seconds of any committed write to a row it shows (docs/decisions/0024),
// by enumeration, not by sampling: for every table a cached page reads, a row is written the way the app does
// (Prisma) and the way an operator would (plain SQL), on each engine, and every page that shows the row must
// be stale within two seconds: the public pages by the tags this process hears from the database, a
// dashboard by its new version. The list of tables is checked against what the cached pages actually read (the
// statements they send, captured) and against the tables carrying the trigger, so a page that starts reading a
// table nobody covers fails here.
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listBrowseTaxonomy, searchOpenAsks } from '@/lib/asks/browse';
import { parseBrowseQuery } from '@/lib/asks/browse-query';
import { getPublicAsk, getPublicProject, listLatestOpenAsks } from '@/lib/asks/queries';
import { findUserAsSignedIn } from '@/lib/auth/session';
import { Freshness } from '@/lib/cache/freshness';
import { listenForPageChanges, type PageChangeListener } from '@/lib/cache/listener';
import { PAGE_TAGS } from '@/lib/cache/page-tags';
import { listClinicSkills, listClinicsComingUp, listUpcomingClinics } from '@/lib/clinics/listing';
import { parseClinicsQuery } from '@/lib/clinics/listing-query';
import { dashboardData } from '@/lib/dashboard/queries';
import type { DatabaseClient } from '@/lib/database/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { getPublicCounts } from '@/lib/metrics/queries';
import { testEngines } from '../support/engines';
import { createMeeting, createOffer, createOrganisation, createSkill, createUser, createVolunteer, createAsk } from '../support/factories';

const FRESH_WITHIN_MS = 2_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

async function until(check: () => boolean | Promise<boolean>, withinMs: number): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() > deadline) return false;
    await pause(20);
  }
}

/** The rows every case writes to, one of each, linked as the app links them. */
async function makeWorld(db: PrismaClient) {
  const skill = await createSkill(db);
  const otherSkill = await createSkill(db);
  const owner = await createUser(db, { name: 'Owner', onboardedAt: new Date() });
  const organisation = await createOrganisation(db);
  const membership = await db.membership.create({ data: { organisationId: organisation.id, userId: owner.id, role: 'OWNER' } });
  const project = await db.project.create({ data: { organisationId: organisation.id, title: 'Our first bid' } });
  const ask = await createAsk(db, organisation.id, { projectId: project.id, stage: 1, skills: { create: [{ skillId: skill.id }] } });
  const stage = await createAsk(db, organisation.id, { projectId: project.id, stage: 2, title: 'Check the budget' });
  const volunteer = await createVolunteer(db, { onboardedAt: new Date() });
  const profile = await db.volunteerProfile.findUniqueOrThrow({ where: { userId: volunteer.id } });
  await db.volunteerSkill.create({ data: { volunteerProfileId: profile.id, skillId: skill.id, level: 'EXPERT' } });
  const offer = await createOffer(db, ask.id, volunteer.id);
  const invitation = await db.invitation.create({ data: { askId: stage.id, volunteerId: volunteer.id, invitedById: owner.id } });
  const meeting = await createMeeting(db, ask, volunteer.id, new Date(Date.now() - 7 * 86_400_000));
  const move = await db.meetingReschedule.create({
    data: {
      meetingId: meeting.id,
      proposedById: volunteer.id,
      proposedByParty: 'VOLUNTEER',
      startsAt: new Date(Date.now() + 86_400_000),
      endsAt: new Date(Date.now() + 86_400_000 + 1_800_000),
      previousStartsAt: meeting.startsAt,
      status: 'DECLINED',
    },
  });
  const feedback = await db.feedback.create({ data: { meetingId: meeting.id, authorId: owner.id, party: 'CHARITY', rating: 5 } });
  const followUp = await db.followUp.create({ data: { meetingId: meeting.id, kind: 'PRACTICE_CHECK', dueAt: new Date() } });
  const clinicStart = new Date(Date.now() + 3 * 86_400_000);
  const clinic = await db.clinic.create({
    data: {
      volunteerId: volunteer.id,
      topic: 'Gift Aid basics',
      description: 'What Gift Aid is and how to claim it.',
      bring: 'One question about your claims.',
      startsAt: clinicStart,
      endsAt: new Date(clinicStart.getTime() + 3_600_000),
      timeZone: 'Europe/London',
      medium: 'VIDEO',
      joinDetails: 'https://meet.example/clinic',
      seats: 4,
      status: 'PUBLISHED',
      publishedAt: new Date(),
      skills: { create: [{ skillId: skill.id }] },
    },
  });
  const seat = await db.clinicSeat.create({
    data: {
      clinicId: clinic.id,
      organisationId: organisation.id,
      bookedById: owner.id,
      question: 'Can we claim on raffles?',
      status: 'BOOKED',
    },
  });
  return {
    skill,
    otherSkill,
    owner,
    organisation,
    membership,
    project,
    ask,
    stage,
    volunteer,
    profile,
    offer,
    invitation,
    meeting,
    move,
    feedback,
    followUp,
    clinic,
    seat,
  };
}
type World = Awaited<ReturnType<typeof makeWorld>>;

interface Case {
  table: string;
  /** The write as the app makes it (Prisma). */
  app: (db: PrismaClient, w: World) => Promise<unknown>;
  /** The same kind of write as an operator would type it. */
  sql: (w: World) => string;
  /** The public pages that show the row (their tags). */
  pages: (w: World) => string[];
  /** Whose dashboard shows it. */
  dashboards: (w: World) => string[];
}

const q = (value: string) => `'${value.replace(/'/g, "''")}'`;
const touch = (table: string, id: string, set = '"updatedAt" = now()') => `UPDATE "${table}" SET ${set} WHERE id = ${q(id)}`;
const askPages = (w: World) => [
  PAGE_TAGS.ask(w.ask.id),
  PAGE_TAGS.ask(w.stage.id),
  PAGE_TAGS.project(w.project.id),
  PAGE_TAGS.askLists,
  PAGE_TAGS.home,
];

/** One entry per table any cached page reads. */
const CASES: Case[] = [
  {
    table: 'Ask',
    app: (db, w) => db.ask.update({ where: { id: w.ask.id }, data: { title: 'Check our cashbook, please' } }),
    sql: (w) => touch('Ask', w.ask.id, `title = title || '!'`),
    pages: (w) => [...askPages(w), PAGE_TAGS.skill(w.skill.id)],
    dashboards: (w) => [w.owner.id, w.volunteer.id],
  },
  {
    table: 'AskSkill',
    app: (db, w) => db.askSkill.create({ data: { askId: w.stage.id, skillId: w.otherSkill.id } }),
    sql: (w) => `DELETE FROM "AskSkill" WHERE "askId" = ${q(w.stage.id)} AND "skillId" = ${q(w.otherSkill.id)}`,
    pages: (w) => [PAGE_TAGS.ask(w.stage.id), PAGE_TAGS.ask(w.ask.id), PAGE_TAGS.project(w.project.id), PAGE_TAGS.askLists, PAGE_TAGS.home],
    dashboards: (w) => [w.owner.id], // through the ask's copy of its skills (a trigger updates Ask.skillIds)
  },
  {
    table: 'Project',
    app: (db, w) => db.project.update({ where: { id: w.project.id }, data: { title: 'Our lottery bid' } }),
    sql: (w) => touch('Project', w.project.id, `title = title || '!'`),
    pages: (w) => [PAGE_TAGS.project(w.project.id), PAGE_TAGS.ask(w.ask.id), PAGE_TAGS.ask(w.stage.id)],
    dashboards: (w) => [w.owner.id],
  },
  {
    table: 'Organisation',
    app: (db, w) => db.organisation.update({ where: { id: w.organisation.id }, data: { name: 'Renamed Trust' } }),
    sql: (w) => touch('Organisation', w.organisation.id, `name = name || '!'`),
    pages: askPages,
    dashboards: (w) => [w.owner.id],
  },
  {
    table: 'Offer',
    app: (db, w) => db.offer.update({ where: { id: w.offer.id }, data: { message: 'Happy to help, truly.' } }),
    sql: (w) => touch('Offer', w.offer.id, `status = 'WITHDRAWN', "withdrawnBecause" = 'BY_VOLUNTEER'`),
    pages: (w) => [PAGE_TAGS.ask(w.ask.id), PAGE_TAGS.askLists],
    dashboards: (w) => [w.owner.id, w.volunteer.id],
  },
  {
    table: 'Skill',
    app: (db, w) => db.skill.update({ where: { id: w.skill.id }, data: { name: 'Cashbooks' } }),
    sql: (w) => touch('Skill', w.skill.id, `name = name || '!'`),
    pages: () => [PAGE_TAGS.all], // every cached page carries it, the dashboards too
    dashboards: () => [],
  },
  {
    table: 'SkillCategory',
    app: (db, w) => db.skillCategory.update({ where: { id: w.skill.categoryId }, data: { name: 'Money' } }),
    sql: (w) => touch('SkillCategory', w.skill.categoryId, `name = name || '!'`),
    pages: () => [PAGE_TAGS.all],
    dashboards: () => [],
  },
  {
    table: 'User',
    app: (db, w) => db.user.update({ where: { id: w.volunteer.id }, data: { name: 'Renamed Volunteer' } }),
    sql: (w) => touch('User', w.volunteer.id, `name = name || '!'`),
    pages: () => [PAGE_TAGS.home],
    dashboards: (w) => [w.volunteer.id],
  },
  {
    table: 'VolunteerProfile',
    app: (db, w) => db.volunteerProfile.update({ where: { id: w.profile.id }, data: { headline: 'Treasurer' } }),
    sql: (w) => touch('VolunteerProfile', w.profile.id, `"pausedAt" = now()`),
    pages: () => [PAGE_TAGS.home],
    dashboards: (w) => [w.volunteer.id],
  },
  {
    table: 'Meeting',
    app: (db, w) => db.meeting.update({ where: { id: w.meeting.id }, data: { status: 'HELD' } }),
    sql: (w) => touch('Meeting', w.meeting.id, `"joinDetails" = 'https://meet.example/other'`),
    pages: () => [PAGE_TAGS.home],
    dashboards: (w) => [w.owner.id, w.volunteer.id],
  },
  {
    table: 'Membership',
    app: (db, w) => db.membership.update({ where: { id: w.membership.id }, data: { role: 'OWNER' } }),
    sql: (w) => touch('Membership', w.membership.id),
    pages: () => [],
    dashboards: (w) => [w.owner.id],
  },
  {
    table: 'VolunteerSkill',
    app: (db, w) =>
      db.volunteerSkill.update({
        where: { volunteerProfileId_skillId: { volunteerProfileId: w.profile.id, skillId: w.skill.id } },
        data: { level: 'WORKING' },
      }),
    sql: (w) => `UPDATE "VolunteerSkill" SET level = 'EXPERIENCED' WHERE "volunteerProfileId" = ${q(w.profile.id)}`,
    pages: () => [],
    dashboards: (w) => [w.volunteer.id],
  },
  {
    table: 'Invitation',
    app: (db, w) => db.invitation.update({ where: { id: w.invitation.id }, data: { status: 'DECLINED', declineReason: 'Busy' } }),
    sql: (w) => touch('Invitation', w.invitation.id, `status = 'PENDING'`),
    pages: () => [],
    dashboards: (w) => [w.volunteer.id],
  },
  {
    // A block moves the volunteer's "asks that fit you"; no public page shows one (issue 21).
    table: 'Block',
    app: (db, w) => db.block.create({ data: { organisationId: w.organisation.id, volunteerId: w.volunteer.id, by: 'VOLUNTEER' } }),
    sql: (w) => `DELETE FROM "Block" WHERE "organisationId" = ${q(w.organisation.id)} AND "volunteerId" = ${q(w.volunteer.id)}`,
    pages: () => [],
    dashboards: (w) => [w.volunteer.id],
  },
  {
    table: 'MeetingReschedule',
    app: (db, w) => db.meetingReschedule.update({ where: { id: w.move.id }, data: { note: 'Tuesday instead?' } }),
    sql: (w) => touch('MeetingReschedule', w.move.id, `note = 'Wednesday?'`),
    pages: () => [],
    dashboards: (w) => [w.owner.id, w.volunteer.id],
  },
  {
    table: 'Feedback',
    app: (db, w) => db.feedback.update({ where: { id: w.feedback.id }, data: { comment: 'Really useful.' } }),
    sql: (w) => touch('Feedback', w.feedback.id, 'rating = 4'),
    pages: () => [],
    dashboards: (w) => [w.owner.id, w.volunteer.id],
  },
  {
    table: 'FollowUp',
    app: (db, w) => db.followUp.update({ where: { id: w.followUp.id }, data: { status: 'DONE', practiceOutcome: 'YES' } }),
    sql: (w) => touch('FollowUp', w.followUp.id, `status = 'PENDING', "practiceOutcome" = NULL`),
    pages: () => [],
    dashboards: (w) => [w.owner.id, w.volunteer.id],
  },
  {
    // A clinic on the lists of clinics and its page (issue 22); on its volunteer's dashboard and its charities'.
    table: 'Clinic',
    app: (db, w) => db.clinic.update({ where: { id: w.clinic.id }, data: { topic: 'Gift Aid for shops' } }),
    sql: (w) => touch('Clinic', w.clinic.id, `seats = 5`),
    pages: (w) => [PAGE_TAGS.clinicLists, PAGE_TAGS.clinic(w.clinic.id)],
    dashboards: (w) => [w.volunteer.id, w.owner.id],
  },
  {
    table: 'ClinicSkill',
    app: (db, w) => db.clinicSkill.create({ data: { clinicId: w.clinic.id, skillId: w.otherSkill.id } }),
    sql: (w) => `DELETE FROM "ClinicSkill" WHERE "clinicId" = ${q(w.clinic.id)} AND "skillId" = ${q(w.otherSkill.id)}`,
    pages: (w) => [PAGE_TAGS.clinicLists, PAGE_TAGS.clinic(w.clinic.id)],
    dashboards: () => [],
  },
  {
    // Seats left on the lists; the seat on the charity's dashboard and the volunteer's.
    table: 'ClinicSeat',
    app: (db, w) => db.clinicSeat.update({ where: { id: w.seat.id }, data: { question: 'Can we claim on a raffle?' } }),
    sql: (w) => touch('ClinicSeat', w.seat.id, `status = 'CANCELLED', "cancelledAt" = now()`),
    pages: (w) => [PAGE_TAGS.clinicLists, PAGE_TAGS.clinic(w.clinic.id)],
    dashboards: (w) => [w.volunteer.id, w.owner.id],
  },
];

/** Each person's dashboard version (lib/dashboard/versions.ts): newest change and count. */
async function dashboardVersions(db: PrismaClient, people: string[]): Promise<Map<string, string>> {
  const rows = await db.$queryRawUnsafe<Array<{ userId: string; version: string }>>(
    `SELECT "userId", max(id) || '-' || count(*) AS version FROM "DashboardChange" WHERE "userId" = ANY($1) GROUP BY "userId"`,
    people,
  );
  return new Map(rows.map((row) => [row.userId, row.version]));
}

describe.each(testEngines())('cached pages on the $name engine', (engine) => {
  let database: DatabaseClient;
  let listener: PageChangeListener;
  let world: World;
  const heard = new Freshness();

  beforeAll(async () => {
    database = engine.open();
    await database.ready;
    world = await makeWorld(database.db);
    listener = await listenForPageChanges(database, heard);
    expect(await until(() => heard.hearing, 5_000)).toBe(true);
  }, 60_000);

  afterAll(async () => {
    await listener?.stop();
    await database?.close();
  });

  describe.each(CASES)('a write to $table', (entry) => {
    it.each(['app', 'sql'] as const)('made by the %s makes every cached page showing it stale within two seconds', async (way) => {
      // Past the clock allowance of earlier writes, so "fresh before" means something.
      await pause(400);
      const renderedAt = Date.now();
      const pages = entry.pages(world);
      for (const tag of pages) expect(heard.isStale({ renderedAt, tags: [tag] }), `${tag} before the write`).toBe(false);
      const people = entry.dashboards(world);
      const before = await dashboardVersions(database.db, people);

      if (way === 'app') await entry.app(database.db, world);
      else await database.db.$executeRawUnsafe(entry.sql(world));

      const started = Date.now();
      for (const tag of pages) {
        const stale = await until(() => heard.isStale({ renderedAt, tags: [tag] }), FRESH_WITHIN_MS - (Date.now() - started));
        expect(stale, `${tag} stale within ${FRESH_WITHIN_MS} ms`).toBe(true);
      }
      const after = await dashboardVersions(database.db, people);
      for (const person of people) expect(after.get(person), `dashboard of ${person}`).not.toBe(before.get(person));
    });
  });

  it('keeps pages that do not show the row: an offer on one ask leaves another ask’s page and the home page’s figures alone', async () => {
    await pause(400);
    const renderedAt = Date.now();
    const other = await createAsk(database.db, world.organisation.id);
    await pause(400);
    const afterOther = Date.now();
    await createOffer(database.db, world.stage.id, (await createVolunteer(database.db)).id);
    expect(await until(() => heard.isStale({ renderedAt: afterOther, tags: [PAGE_TAGS.ask(world.stage.id)] }), FRESH_WITHIN_MS)).toBe(true);
    expect(heard.isStale({ renderedAt: afterOther, tags: [PAGE_TAGS.ask(other.id)] })).toBe(false);
    expect(heard.isStale({ renderedAt, tags: [PAGE_TAGS.ask(other.id)] })).toBe(true); // its own creation
  });

  it('hears an admin hiding an ask after a report (lib/reports): its page, its project and every list go stale', async () => {
    await pause(400);
    const renderedAt = Date.now();
    await database.db.ask.updateMany({ where: { id: world.ask.id }, data: { hiddenAt: new Date(), hiddenReason: 'An advert.' } });
    const started = Date.now();
    for (const tag of askPages(world)) {
      const stale = await until(() => heard.isStale({ renderedAt, tags: [tag] }), FRESH_WITHIN_MS - (Date.now() - started));
      expect(stale, `${tag} stale within ${FRESH_WITHIN_MS} ms of the hide`).toBe(true);
    }
    await database.db.ask.update({ where: { id: world.ask.id }, data: { hiddenAt: null, hiddenReason: null } });
  });

  it('hears nothing of a write that rolls back', async () => {
    await pause(400);
    const renderedAt = Date.now();
    await expect(
      database.db.$transaction(async (tx) => {
        await tx.ask.update({ where: { id: world.ask.id }, data: { title: 'Never seen' } });
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    await pause(500);
    expect(heard.isStale({ renderedAt, tags: [PAGE_TAGS.ask(world.ask.id)] })).toBe(false);
  });

  it('covers every table that carries the trigger, and every such table has a case here', async () => {
    const rows = await database.db.$queryRawUnsafe<Array<{ table: string }>>(
      `SELECT DISTINCT c.relname AS table FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid WHERE t.tgname LIKE '%\\_cache\\_change'`,
    );
    expect(rows.map((row) => row.table).sort()).toEqual(CASES.map((entry) => entry.table).sort());
  });

  // The statements the cached pages send, captured from the app's own client: only on a PostgreSQL server,
  // where every statement goes through node-postgres.
  it.runIf(engine.name === 'postgres')('covers every table a cached page reads', async () => {
    const tables = new Set(
      (
        await database.db.$queryRawUnsafe<Array<{ name: string }>>(`SELECT tablename AS name FROM pg_tables WHERE schemaname = 'public'`)
      ).map((row) => row.name),
    );
    const read = new Set<string>();
    const original = pg.Client.prototype.query;
    pg.Client.prototype.query = function capture(this: pg.Client, ...args: unknown[]) {
      const text = typeof args[0] === 'string' ? args[0] : (args[0] as { text?: string } | undefined)?.text;
      for (const [, name] of (text ?? '').matchAll(/"([A-Za-z]+)"/g)) if (name && tables.has(name)) read.add(name);
      return (original as (...a: unknown[]) => unknown).apply(this, args);
    } as typeof original;
    try {
      const now = new Date();
      // What each cached page reads (app/cached/*): the home page, the lists of asks and of clinics, an ask, a
      // project, both dashboards.
      await getPublicCounts(now);
      await listLatestOpenAsks(4, now);
      await listBrowseTaxonomy();
      await searchOpenAsks(parseBrowseQuery({}), null, now);
      await getPublicAsk(world.ask.id);
      await getPublicProject(world.project.id);
      await listUpcomingClinics(parseClinicsQuery({}), now);
      await listClinicsComingUp(2, now);
      await listClinicSkills(now);
      for (const id of [world.owner.id, world.volunteer.id]) {
        const user = await findUserAsSignedIn(id);
        if (user) await dashboardData(user, now);
      }
    } finally {
      pg.Client.prototype.query = original;
    }
    const covered = new Set(CASES.map((entry) => entry.table));
    expect([...read].filter((table) => !covered.has(table))).toEqual([]);
    expect(read.size).toBeGreaterThan(8); // the capture saw the pages' statements
  });
});
