// The health page's figures against a small marketplace whose every number is worked out by hand below: seven asks
// over two weeks (plus one before the twelve weeks and one in the current week, which must not count), five
// sessions, two ratings and two practice answers, and five volunteers of whom only two can take an ask now.
// Each expected value is a literal, with the sum that gives it beside it. And only admins get any of it.
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { getWeeklyHealth, type WeeklyHealth } from '@/lib/health/queries';
import { getSkillsGap } from '@/lib/health/skills-gap';
import { countVolunteerSupply } from '@/lib/health/supply';
import { getHealthTable } from '@/lib/health/tables';
import { toCsv } from '@/lib/health/csv';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createOrganisation, createUser, createVolunteer } from '../support/factories';

const NOW = new Date('2026-06-17T12:00:00Z'); // a Wednesday: the twelve weeks run 23 Mar to 14 Jun
const t = (iso: string) => new Date(`2026-${iso}Z`);

let admin: Actor;
let health: WeeklyHealth;
const ids = { v1: '', v2: '', staff: '', orgA: '', orgB: '' };

async function ask(id: string, data: Partial<Prisma.AskUncheckedCreateInput> & { skills: string[] }) {
  const { skills, ...rest } = data;
  await db.ask.create({
    data: {
      id,
      organisationId: ids.orgA,
      createdById: ids.staff,
      title: `Ask ${id}`,
      question: 'A question for the health test.',
      outcome: 'An answer.',
      media: ['VIDEO'],
      deadline: t('07-01T17:00:00'),
      ...rest,
      skills: { create: skills.map((skillId) => ({ skillId })) },
    },
  });
}

async function offer(
  id: string,
  askId: string,
  volunteerId: string,
  createdAt: string,
  status: Prisma.OfferUncheckedCreateInput['status'] = 'PENDING',
) {
  await db.offer.create({ data: { id, askId, volunteerId, message: 'Happy to help.', medium: 'VIDEO', status, createdAt: t(createdAt) } });
}

async function meeting(
  id: string,
  askId: string,
  volunteerId: string,
  startsAt: string,
  minutes: number,
  data: Partial<Prisma.MeetingUncheckedCreateInput>,
) {
  const start = t(startsAt);
  const { organisationId } = await db.ask.findUniqueOrThrow({ where: { id: askId }, select: { organisationId: true } });
  await db.meeting.create({
    data: {
      id,
      askId,
      organisationId,
      volunteerId,
      startsAt: start,
      endsAt: new Date(start.getTime() + minutes * 60_000),
      medium: 'VIDEO',
      ...data,
    },
  });
}

beforeAll(async () => {
  admin = await createUser(db, { role: 'ADMIN' });
  ids.staff = (await createUser(db)).id;
  ids.orgA = (await createOrganisation(db, { region: 'SOUTH_WEST' })).id;
  ids.orgB = (await createOrganisation(db, { region: 'LONDON' })).id;
  const category = await db.skillCategory.create({
    data: { slug: 'health-test', name: 'Health test', description: 'Skills for the health test' },
  });
  for (const [id, name] of [
    ['s-legacy', 'Gifts in wills'],
    ['s-social', 'Social media'],
    ['s-gdpr', 'GDPR'],
  ] as const) {
    await db.skill.create({ data: { id, slug: id, name, keywords: [], categoryId: category.id } });
  }
  const volunteer = (
    region: Prisma.VolunteerProfileCreateWithoutUserInput['region'],
    skills: string[],
    extra: object = {},
    user: object = {},
  ) =>
    createVolunteer(db, {
      ...user,
      volunteerProfile: {
        create: {
          headline: 'Tester',
          bio: 'Helps in tests.',
          media: ['VIDEO'],
          region,
          ...extra,
          skills: { create: skills.map((skillId) => ({ skillId, level: 'EXPERT' as const })) },
        },
      },
    });
  // Available: V1 (South West) and V2 (London). Not: V3 paused, V4 suspended, V5 with no capacity. All three hold gifts in wills.
  ids.v1 = (await volunteer('SOUTH_WEST', ['s-social'])).id;
  ids.v2 = (await volunteer('LONDON', ['s-social', 's-gdpr'])).id;
  await volunteer('SOUTH_WEST', ['s-legacy'], { pausedAt: t('06-01T00:00:00') });
  await volunteer('LONDON', ['s-legacy'], {}, { status: 'SUSPENDED' });
  await volunteer('SOUTH_WEST', ['s-legacy'], { monthlyCapacity: 0 });

  const approved = (at: string, status: Prisma.AskUncheckedCreateInput['status']) => ({
    status,
    moderatedAt: t(at),
    publishedAt: t(at),
    moderatedById: admin.id,
  });

  // Week of 1 June.
  await ask('a1', {
    skills: ['s-social'],
    submittedAt: t('06-01T09:00:00'),
    ...approved('06-01T12:00:00', 'COMPLETED'),
    matchedAt: t('06-03T12:00:00'),
  });
  await offer('o1', 'a1', ids.v1, '06-02T12:00:00', 'ACCEPTED'); // 24 h after approval
  await offer('o2', 'a1', ids.v2, '06-03T00:00:00', 'DECLINED');
  await meeting('m1', 'a1', ids.v1, '06-08T15:00:00', 30, { offerId: 'o1', status: 'HELD', createdAt: t('06-03T12:00:00') }); // booked 48 h after
  await ask('a2', { skills: ['s-legacy', 's-social'], submittedAt: t('06-02T10:00:00'), ...approved('06-02T10:00:00', 'EXPIRED') });
  await offer('o3', 'a2', ids.v2, '06-04T10:00:00', 'DECLINED'); // 48 h, never booked
  await ask('a3', { skills: ['s-gdpr'], submittedAt: t('06-03T08:00:00'), status: 'REJECTED', moderatedAt: t('06-03T10:00:00') }); // posted, not approved
  await ask('a4', {
    organisationId: ids.orgB,
    skills: ['s-gdpr'],
    submittedAt: t('05-31T20:00:00'),
    ...approved('06-01T08:00:00', 'EXPIRED'),
    matchedAt: t('06-02T08:00:00'),
  });
  await offer('o4', 'a4', ids.v2, '06-01T20:00:00', 'WITHDRAWN'); // 12 h
  await meeting('m2', 'a4', ids.v2, '06-09T10:00:00', 30, {
    offerId: 'o4',
    status: 'CANCELLED',
    cancelledAt: t('06-09T06:00:00'),
    cancelledLate: true,
    createdAt: t('06-02T08:00:00'), // booked 24 h after
  });

  // Week of 8 June.
  await ask('a5', {
    skills: ['s-social'],
    submittedAt: t('06-08T09:00:00'),
    ...approved('06-08T12:00:00', 'COMPLETED'),
    matchedAt: t('06-09T12:00:00'),
  });
  await offer('o5', 'a5', ids.v1, '06-08T18:00:00', 'ACCEPTED'); // 6 h
  await meeting('m3', 'a5', ids.v1, '06-10T15:00:00', 60, { offerId: 'o5', status: 'HELD', createdAt: t('06-09T12:00:00') }); // 24 h
  await meeting('m5', 'a5', ids.v2, '06-12T15:00:00', 30, { status: 'HELD', createdAt: t('06-10T12:00:00') }); // a catch-up: no offer
  await ask('a6', {
    skills: ['s-legacy'],
    submittedAt: t('06-08T10:00:00'),
    ...approved('06-09T10:00:00', 'EXPIRED'),
    matchedAt: t('06-10T22:00:00'),
  });
  await offer('o6', 'a6', ids.v1, '06-10T10:00:00', 'ACCEPTED'); // 24 h
  await meeting('m4', 'a6', ids.v1, '06-12T09:00:00', 30, {
    offerId: 'o6',
    status: 'NO_SHOW',
    noShowParty: 'VOLUNTEER',
    createdAt: t('06-10T22:00:00'),
  }); // 36 h
  await ask('a7', { skills: ['s-legacy'], submittedAt: t('06-11T09:00:00'), ...approved('06-11T12:00:00', 'OPEN') }); // listed now, no offer

  // Outside the twelve weeks: before them, and in the current week.
  await ask('a8', {
    skills: ['s-social'],
    submittedAt: t('03-15T09:00:00'),
    ...approved('03-16T09:00:00', 'COMPLETED'),
    matchedAt: t('03-17T09:00:00'),
  });
  await offer('o8', 'a8', ids.v1, '03-16T20:00:00', 'ACCEPTED');
  await meeting('m8', 'a8', ids.v1, '03-20T15:00:00', 30, { offerId: 'o8', status: 'HELD', createdAt: t('03-17T09:00:00') });
  await ask('a9', { skills: ['s-gdpr'], submittedAt: t('06-15T10:00:00'), status: 'PENDING_REVIEW' });

  await db.feedback.createMany({
    data: [
      { meetingId: 'm1', party: 'CHARITY', authorId: ids.staff, rating: 4 },
      { meetingId: 'm3', party: 'CHARITY', authorId: ids.staff, rating: 5 },
      { meetingId: 'm3', party: 'VOLUNTEER', authorId: ids.v1, rating: 1 }, // the volunteer's rating is not the charity's
      { meetingId: 'm8', party: 'CHARITY', authorId: ids.staff, rating: 1 }, // before the weeks
    ],
  });
  await db.followUp.createMany({
    data: [
      { meetingId: 'm1', kind: 'PRACTICE_CHECK', dueAt: t('06-22T15:30:00'), status: 'DONE', practiceOutcome: 'YES' },
      { meetingId: 'm3', kind: 'PRACTICE_CHECK', dueAt: t('06-24T16:00:00'), status: 'DONE', practiceOutcome: 'PARTLY' },
    ],
  });

  health = await getWeeklyHealth(admin, NOW);
  await countVolunteerSupply(db, NOW); // as the schedule would
});

const week = (monday: string) => health.weeks.find((w) => w.week.toISOString() === `2026-${monday}T00:00:00.000Z`)!;

describe('the weekly figures', () => {
  it('covers the twelve complete weeks before the current one', () => {
    expect(health.weeks.map((w) => w.week.toISOString().slice(0, 10))).toEqual([
      '2026-03-23', '2026-03-30', '2026-04-06', '2026-04-13', '2026-04-20', '2026-04-27',
      '2026-05-04', '2026-05-11', '2026-05-18', '2026-05-25', '2026-06-01', '2026-06-08',
    ]); // prettier-ignore
  });

  it('counts asks posted, approved, matched and held', () => {
    expect(week('05-25')).toMatchObject({ posted: 1, approved: 0, matched: 0, held: 0 }); // a4, sent on Sunday 31 May
    expect(week('06-01')).toMatchObject({ posted: 3, approved: 3, matched: 2, held: 0 }); // a1 a2 a3; a1 a2 a4 (a3 rejected); a1 a4
    expect(week('06-08')).toMatchObject({ posted: 3, approved: 3, matched: 2, held: 3 }); // a5 a6 a7; a5 a6 a7; a5 a6; m1 m3 m5
    // a8 (March) and a9 (this week) are outside; every other week is empty.
    const others = health.weeks.filter((w) => !['2026-05-25', '2026-06-01', '2026-06-08'].includes(w.week.toISOString().slice(0, 10)));
    for (const w of others)
      expect([w.posted, w.approved, w.matched, w.held, w.volunteersActive, w.sessionsDue]).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('counts volunteers active and hours given', () => {
    expect(week('06-01')).toMatchObject({ volunteersActive: 2, hoursGiven: 0 }); // offers by V1 (o1) and V2 (o2 o3 o4)
    expect(week('06-08')).toMatchObject({ volunteersActive: 2, hoursGiven: 2 }); // V1 (o5 o6, m1 m3) and V2 (m5); 0.5 + 1 + 0.5
  });

  it('follows the asks approved each week to their first offer and first booked session', () => {
    // 1 June: a1 offer 24 h, booked 48 h; a2 offer 48 h, never booked; a4 offer 12 h, booked 24 h (later cancelled).
    expect(week('06-01')).toMatchObject({
      withOffer: 3,
      offerShare: 1,
      withSession: 2,
      sessionShare: 2 / 3,
      medianHoursToOffer: 24, // 12, 24, 48
      medianHoursToSession: 36, // (24 + 48) / 2
    });
    // 8 June: a5 offer 6 h, booked 24 h; a6 offer 24 h, booked 36 h; a7 nothing yet. The catch-up m5 is no booking.
    expect(week('06-08')).toMatchObject({
      withOffer: 2,
      offerShare: 2 / 3,
      withSession: 2,
      sessionShare: 2 / 3,
      medianHoursToOffer: 15, // (6 + 24) / 2
      medianHoursToSession: 30, // (24 + 36) / 2
    });
    expect(week('05-25')).toMatchObject({ withOffer: 0, offerShare: null, medianHoursToOffer: null, medianHoursToSession: null });
  });

  it('gives cancellation, late cancellation and no-show rates of the sessions due each week', () => {
    // 8 June: m1 m2 m3 m4 m5 due; m2 cancelled late, m4 missed.
    expect(week('06-08')).toMatchObject({
      sessionsDue: 5,
      cancelled: 1,
      lateCancelled: 1,
      noShows: 1,
      cancellationRate: 0.2,
      lateCancellationRate: 0.2,
      noShowRate: 0.2,
    });
    expect(week('06-01')).toMatchObject({ sessionsDue: 0, cancellationRate: null, noShowRate: null });
  });

  it('averages the charities’ ratings and counts the practice answers of the sessions held', () => {
    // m1 rated 4 (yes), m3 rated 5 (partly), m5 not rated; the volunteer's 1 for m3 and March's 1 for m8 do not count.
    expect(week('06-08')).toMatchObject({
      ratings: 2,
      averageRating: 4.5,
      practiceAnswered: 2,
      practiceYes: 1,
      practicePartly: 1,
      practiceNotYet: 0,
      practiceShare: 1,
    });
  });

  it('shows the same figures in the tables and their CSV, rounded for reading', async () => {
    const speed = await getHealthTable(admin, 'speed', null, NOW);
    expect(speed.rows.slice(-2)).toEqual([
      { week: '1 Jun', toOffer: 1, toSession: 1.5 }, // 24 h, 36 h
      { week: '8 Jun', toOffer: 0.6, toSession: 1.3 }, // 15 h = 0.625 days, 30 h = 1.25 days
    ]);
    const reach = await getHealthTable(admin, 'reach', null, NOW);
    expect(toCsv(reach).split('\r\n').slice(-3)).toEqual(['1 Jun,3,3,100,2,66.7', '8 Jun,3,2,66.7,2,66.7', '']);
  });
});

describe('the skills gap', () => {
  it('reads the available volunteers as last counted, and says when', async () => {
    await db.volunteerSupply.deleteMany();
    const before = await getSkillsGap(admin, null, NOW);
    expect(before.volunteersCountedAt).toBeNull();
    expect(before.skills.every((row) => row.volunteers === 0)).toBe(true);
    // Counted as the schedule does (every five minutes): V1 V2 hold social media, V2 GDPR; nobody else counts.
    expect(await countVolunteerSupply(db, NOW)).toBeGreaterThan(0);
    const after = await getSkillsGap(admin, null, NOW);
    expect(after.volunteersCountedAt).toEqual(NOW);
    expect(after.skills.map((row) => [row.skillId, row.volunteers])).toEqual([
      ['s-legacy', 0],
      ['s-social', 2],
      ['s-gdpr', 1],
    ]);
    // Two counts at once take turns and leave one whole snapshot.
    await Promise.all([countVolunteerSupply(db, NOW), countVolunteerSupply(db, NOW), countVolunteerSupply(db, NOW)]);
    expect((await getSkillsGap(admin, null, NOW)).skills).toEqual(after.skills);
  });

  it('lists the skills most asked for against available volunteers, open asks with nobody first', async () => {
    const gap = await getSkillsGap(admin, null, NOW);
    expect(gap.skills).toEqual([
      // a2 a6 a7; a7 listed; V3 paused, V4 suspended, V5 no capacity
      { skillId: 's-legacy', name: 'Gifts in wills', asks: 3, openAsks: 1, volunteers: 0, asksPerVolunteer: null, gap: true },
      // a1 a2 a5 (not a8: March); V1 V2
      { skillId: 's-social', name: 'Social media', asks: 3, openAsks: 0, volunteers: 2, asksPerVolunteer: 1.5, gap: false },
      // a3 a4 (not a9: this week); V2
      { skillId: 's-gdpr', name: 'GDPR', asks: 2, openAsks: 0, volunteers: 1, asksPerVolunteer: 2, gap: false },
    ]);
  });

  it('gives the same by region, counting each ask once', async () => {
    const gap = await getSkillsGap(admin, null, NOW);
    const byRegion = Object.fromEntries(gap.regions.map((row) => [row.region, row]));
    expect(gap.regions).toHaveLength(12);
    // South West: a1 a2 a3 a5 a6 a7; a7 open; V1 (V3 paused, V5 no capacity); gifts in wills open and nobody there.
    expect(byRegion.SOUTH_WEST).toEqual({
      region: 'SOUTH_WEST',
      asks: 6,
      openAsks: 1,
      volunteers: 1,
      asksPerVolunteer: 6,
      gapSkills: ['Gifts in wills'],
    });
    // London: a4; V2 (V4 suspended).
    expect(byRegion.LONDON).toEqual({ region: 'LONDON', asks: 1, openAsks: 0, volunteers: 1, asksPerVolunteer: 1, gapSkills: [] });
    expect(byRegion.WALES).toEqual({ region: 'WALES', asks: 0, openAsks: 0, volunteers: 0, asksPerVolunteer: null, gapSkills: [] });

    const southWest = await getSkillsGap(admin, 'SOUTH_WEST', NOW);
    expect(southWest.skills.map((row) => [row.name, row.asks, row.openAsks, row.volunteers, row.gap])).toEqual([
      ['Gifts in wills', 3, 1, 0, true], // a2 a6 a7
      ['Social media', 3, 0, 1, false], // a1 a2 a5; V1
      ['GDPR', 1, 0, 0, false], // a3; nobody there, but nothing open
    ]);
  });

  it('downloads as CSV, with a skill name that looks like a formula made harmless', async () => {
    await db.skill.update({ where: { id: 's-gdpr' }, data: { name: '=GDPR' } });
    try {
      const csv = toCsv(await getHealthTable(admin, 'skills', null, NOW));
      expect(csv.split('\r\n')).toEqual([
        '\uFEFFSkill,Asks (12 weeks),Open asks now,Available volunteers,Asks per volunteer,"Open asks, no volunteer"',
        'Gifts in wills,3,1,0,,Yes',
        'Social media,3,0,2,1.5,No',
        "'=GDPR,2,0,1,2,No",
        '',
      ]);
    } finally {
      await db.skill.update({ where: { id: 's-gdpr' }, data: { name: 'GDPR' } });
    }
  });
});

describe('who may see it', () => {
  it('refuses everyone but an active admin, in lib, whatever page or route asks', async () => {
    const volunteer: Actor = { id: ids.v1, role: 'USER', status: 'ACTIVE' };
    const suspendedAdmin: Actor = { id: admin.id, role: 'ADMIN', status: 'SUSPENDED' };
    for (const actor of [volunteer, suspendedAdmin]) {
      await expect(getWeeklyHealth(actor, NOW)).rejects.toBeInstanceOf(AccessDenied);
      await expect(getSkillsGap(actor, null, NOW)).rejects.toBeInstanceOf(AccessDenied);
      await expect(getHealthTable(actor, 'skills', null, NOW)).rejects.toBeInstanceOf(AccessDenied);
    }
  });
});
