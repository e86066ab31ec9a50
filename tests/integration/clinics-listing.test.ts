// The public lists of clinics (lib/clinics/listing.ts) and how fast they learn of a change: what anonymous
// visitors see on /clinics and the home page, the filters, pages and seats left, "clinics that fit your open
// asks" for a charity, and the cached list going stale within two seconds of a clinic being published or a seat
// booked (docs/decisions/0024), on whichever engine the run uses (the embedded one, or PostgreSQL in CI).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clinicsKey, clinicsParams } from '@/lib/cache/clinics-key';
import { Freshness } from '@/lib/cache/freshness';
import { listenForPageChanges, type PageChangeListener } from '@/lib/cache/listener';
import { PAGE_TAGS } from '@/lib/cache/page-tags';
import { clinicsFittingOpenAsks, listClinicSkills, listClinicsComingUp, listUpcomingClinics } from '@/lib/clinics/listing';
import { CLINICS_PAGE_SIZE, clinicsHref, parseClinicsQuery } from '@/lib/clinics/listing-query';
import { findUserAsSignedIn } from '@/lib/auth/session';
import { dashboardClinics } from '@/lib/dashboard/clinics';
import { appDatabase, db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { createAsk, createOrganisation, createSkill, createUser, createVolunteer } from '../support/factories';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
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

let volunteerId: string;
let order = 0;

/** A clinic as the volunteer offered it; published unless said otherwise, starting `inDays` from now. */
async function createClinic(inDays: number, data: Partial<Prisma.ClinicUncheckedCreateInput> & { skillIds?: string[] } = {}) {
  const { skillIds = [], ...rest } = data;
  const startsAt = new Date(Date.now() + inDays * DAY + order++ * 60_000);
  return db.clinic.create({
    data: {
      volunteerId,
      topic: `Gift Aid basics ${order}`,
      description: 'What Gift Aid is, who can claim it and how to keep the records HMRC asks for.',
      bring: 'One question about your own Gift Aid claims.',
      startsAt,
      endsAt: new Date(startsAt.getTime() + HOUR),
      timeZone: 'Europe/London',
      medium: 'VIDEO',
      joinDetails: 'https://meet.example/gift-aid',
      seats: 5,
      status: 'PUBLISHED',
      publishedAt: new Date(),
      ...rest,
      skills: { create: skillIds.map((skillId) => ({ skillId })) },
    },
  });
}

async function takeSeat(clinicId: string, status: 'BOOKED' | 'WAITING' | 'OFFERED' | 'CANCELLED') {
  const organisation = await createOrganisation(db);
  return db.clinicSeat.create({
    data: {
      clinicId,
      organisationId: organisation.id,
      question: 'Can we claim on a sponsored walk?',
      status,
      ...(status === 'OFFERED' ? { offeredAt: new Date(), offerExpiresAt: new Date(Date.now() + DAY) } : {}),
    },
  });
}

beforeAll(async () => {
  volunteerId = (await createVolunteer(db)).id;
});

describe('the public list of clinics', () => {
  it('lists published clinics that have not started, soonest first, with seats left and the waiting list', async () => {
    const later = await createClinic(3);
    const sooner = await createClinic(1, { seats: 2 });
    await createClinic(2, { status: 'PENDING_REVIEW', publishedAt: null });
    await createClinic(2, { status: 'CANCELLED' });
    await createClinic(-1); // started yesterday
    const suspended = await createUser(db, { status: 'SUSPENDED' });
    await createClinic(2, { volunteerId: suspended.id });
    await takeSeat(sooner.id, 'BOOKED');
    await takeSeat(sooner.id, 'OFFERED'); // held for the next in line: taken
    await takeSeat(sooner.id, 'WAITING');
    await takeSeat(later.id, 'CANCELLED');

    const list = await listUpcomingClinics(parseClinicsQuery({}));
    const ids = list.clinics.map((clinic) => clinic.id);
    expect(ids.slice(0, 2)).toEqual([sooner.id, later.id]);
    expect(list.total).toBe(2);
    expect(list.clinics[0]).toMatchObject({ seats: 2, seatsLeft: 0, waiting: 1 });
    expect(list.clinics[1]).toMatchObject({ seats: 5, seatsLeft: 5, waiting: 0 });
    expect(list.clinics[0]).not.toHaveProperty('joinDetails'); // only booked charities see where to join

    expect((await listClinicsComingUp(1)).map((clinic) => clinic.id)).toEqual([sooner.id]);
    await db.clinic.updateMany({ where: { id: { in: [sooner.id, later.id] } }, data: { status: 'CANCELLED' } });
    expect((await listUpcomingClinics(parseClinicsQuery({}))).total).toBe(0);
  });

  it('filters by skill and first day, offers only the skills of upcoming clinics, and pages', async () => {
    const giftAid = await createSkill(db);
    const cashbooks = await createSkill(db);
    const unused = await createSkill(db);
    const soon = await createClinic(1, { skillIds: [giftAid.id] });
    const inAWeek = await createClinic(7, { skillIds: [giftAid.id, cashbooks.id] });
    const bySkill = await listUpcomingClinics(parseClinicsQuery({ skill: cashbooks.slug }));
    expect(bySkill.clinics.map((clinic) => clinic.id)).toEqual([inAWeek.id]);
    expect(bySkill.clinics[0]!.skills.map((skill) => skill.slug).sort()).toEqual([giftAid.slug, cashbooks.slug].sort());

    const fromDay = new Date(Date.now() + 4 * DAY).toISOString().slice(0, 10);
    const later = await listUpcomingClinics(parseClinicsQuery({ skill: giftAid.slug, from: fromDay }));
    expect(later.clinics.map((clinic) => clinic.id)).toEqual([inAWeek.id]);
    const both = await listUpcomingClinics(parseClinicsQuery({ skill: giftAid.slug }));
    expect(both.clinics.map((clinic) => clinic.id)).toEqual([soon.id, inAWeek.id]);

    const skills = (await listClinicSkills()).map((skill) => skill.slug);
    expect(skills).toEqual(expect.arrayContaining([giftAid.slug, cashbooks.slug]));
    expect(skills).not.toContain(unused.slug);

    const paged = await createSkill(db);
    for (let i = 0; i < CLINICS_PAGE_SIZE + 1; i++) await createClinic(10 + i, { skillIds: [paged.id] });
    const first = await listUpcomingClinics(parseClinicsQuery({ skill: paged.slug }));
    const second = await listUpcomingClinics(parseClinicsQuery({ skill: paged.slug, page: '2' }));
    expect([first.clinics.length, second.clinics.length, first.pageCount]).toEqual([CLINICS_PAGE_SIZE, 1, 2]);
    expect(first.clinics.map((c) => c.id)).not.toContain(second.clinics[0]!.id);
  });

  it('reads junk in the address as no filter, and gives each query one canonical key', () => {
    expect(parseClinicsQuery({ skill: '<script>', from: '2026-02-30', page: '-3' })).toEqual({ page: 1 });
    expect(parseClinicsQuery({ skill: ['a', 'b'], from: '2026-12-24', page: '2' })).toEqual({ from: '2026-12-24', page: 2 });
    expect(clinicsHref({ skill: 'gift-aid', from: '2026-12-24', page: 1 })).toBe('/clinics?skill=gift-aid&from=2026-12-24');

    const key = clinicsKey(new URLSearchParams('from=2026-12-24&utm=x&skill=Gift-Aid'));
    expect(clinicsKey(new URLSearchParams('skill=gift-aid&from=2026-12-24'))).toBe(key);
    expect(clinicsParams(key)?.toString()).toBe('skill=gift-aid&from=2026-12-24');
    expect(clinicsKey(new URLSearchParams('page=1&utm=x'))).toBe('all');
    // Another spelling of the same query is not a key: it would be a second copy of the same page.
    expect(clinicsParams(Buffer.from('from=2026-12-24&skill=gift-aid').toString('base64url'))).toBeUndefined();
    expect(clinicsParams('not a key!')).toBeUndefined();
  });
});

describe('clinics that fit a charity’s open asks', () => {
  it('puts a clinic teaching an ask’s own skill first, says why, and leaves out clinics already booked or blocked', async () => {
    const giftAid = await createSkill(db, undefined, 'fit-finance');
    const payroll = await createSkill(db, undefined, 'fit-finance');
    const design = await createSkill(db);
    const organisation = await createOrganisation(db);
    await createAsk(db, organisation.id, { title: 'Claim Gift Aid on our shop', skills: { create: [{ skillId: giftAid.id }] } });

    const related = await createClinic(1, { skillIds: [payroll.id] });
    const exact = await createClinic(5, { skillIds: [giftAid.id] });
    await createClinic(2, { skillIds: [design.id] });
    const booked = await createClinic(3, { skillIds: [giftAid.id] });
    await db.clinicSeat.create({
      data: { clinicId: booked.id, organisationId: organisation.id, question: 'Shop sales?', status: 'BOOKED' },
    });
    const blockedVolunteer = await createVolunteer(db);
    await createClinic(4, { volunteerId: blockedVolunteer.id, skillIds: [giftAid.id] });
    await db.block.create({ data: { organisationId: organisation.id, volunteerId: blockedVolunteer.id, by: 'ORGANISATION' } });

    const fits = await clinicsFittingOpenAsks([organisation.id], new Date(), 5);
    expect(fits.map((fit) => fit.id)).toEqual([exact.id, related.id]);
    expect(fits[0]!.reason).toBe(`Covers ${giftAid.name}, which your ask “Claim Gift Aid on our shop” needs`);
    expect(fits[1]!.reason).toContain('Close to what your ask');
    expect(await clinicsFittingOpenAsks([(await createOrganisation(db)).id])).toEqual([]);
  });
});

describe('the dashboard’s clinics', () => {
  it('lists a volunteer’s own clinics with seats booked, and a charity’s seats and places, but no one else’s', async () => {
    const volunteer = await createVolunteer(db, { onboardedAt: new Date() });
    const own = await createClinic(2, { volunteerId: volunteer.id, seats: 3 });
    const inReview = await createClinic(6, { volunteerId: volunteer.id, status: 'PENDING_REVIEW', publishedAt: null });
    await createClinic(3, { volunteerId: volunteer.id, status: 'WITHDRAWN' });
    const seat = await takeSeat(own.id, 'BOOKED');
    await takeSeat(own.id, 'WAITING');
    const staff = await createUser(db, { onboardedAt: new Date() });
    await db.membership.create({ data: { userId: staff.id, organisationId: seat.organisationId, role: 'OWNER' } });

    const asVolunteer = await dashboardClinics((await findUserAsSignedIn(volunteer.id))!);
    expect(asVolunteer.given?.map((clinic) => [clinic.id, clinic.taken, clinic.waiting])).toEqual([
      [own.id, 1, 1],
      [inReview.id, 0, 0],
    ]);
    expect(asVolunteer.seats).toBeNull();

    const asStaff = await dashboardClinics((await findUserAsSignedIn(staff.id))!);
    expect(asStaff.given).toBeNull();
    expect(asStaff.seats?.map((held) => [held.clinic.id, held.status])).toEqual([[own.id, 'BOOKED']]);
    expect(asStaff.fitting).toEqual([]); // the charity has no asks yet
  });
});

describe('freshness of the cached lists', () => {
  let listener: PageChangeListener;
  const heard = new Freshness();

  beforeAll(async () => {
    const database = appDatabase();
    if (!database) throw new Error('the app database is not open');
    listener = await listenForPageChanges(database, heard);
    expect(await until(() => heard.hearing, 5_000)).toBe(true);
  });

  afterAll(async () => {
    await listener?.stop();
  });

  /** Every page showing the clinic goes stale within two seconds of the write, and not before it. */
  async function expectStaleAfter(write: () => Promise<unknown>, clinicId: string) {
    await pause(400); // past the clock allowance of earlier writes
    const renderedAt = Date.now();
    const tags = [PAGE_TAGS.clinicLists, PAGE_TAGS.clinic(clinicId)];
    for (const tag of tags) expect(heard.isStale({ renderedAt, tags: [tag] }), `${tag} before the write`).toBe(false);
    await write();
    const started = Date.now();
    for (const tag of tags) {
      const stale = await until(() => heard.isStale({ renderedAt, tags: [tag] }), FRESH_WITHIN_MS - (Date.now() - started));
      expect(stale, `${tag} stale within ${FRESH_WITHIN_MS} ms`).toBe(true);
    }
  }

  it('shows a clinic within two seconds of an admin publishing it, and a booked seat within two seconds of the booking', async () => {
    const clinic = await createClinic(2, { status: 'PENDING_REVIEW', publishedAt: null, seats: 3 });
    const listed = async () => (await listUpcomingClinics(parseClinicsQuery({}))).clinics.find((c) => c.id === clinic.id);
    expect(await listed()).toBeUndefined();

    await expectStaleAfter(
      () => db.clinic.update({ where: { id: clinic.id }, data: { status: 'PUBLISHED', publishedAt: new Date() } }),
      clinic.id,
    );
    expect(await listed()).toMatchObject({ seatsLeft: 3 });

    await expectStaleAfter(() => takeSeat(clinic.id, 'BOOKED'), clinic.id);
    expect(await listed()).toMatchObject({ seatsLeft: 2 });

    // Typed by an operator: the database tells the pages all the same.
    await expectStaleAfter(() => db.$executeRaw`UPDATE "ClinicSeat" SET status = 'CANCELLED' WHERE "clinicId" = ${clinic.id}`, clinic.id);
    expect(await listed()).toMatchObject({ seatsLeft: 3 });
  });

  it('takes a suspended volunteer’s clinics off the lists within two seconds', async () => {
    const volunteer = await createVolunteer(db);
    const clinic = await createClinic(2, { volunteerId: volunteer.id });
    await pause(400);
    const renderedAt = Date.now();
    await db.user.update({ where: { id: volunteer.id }, data: { status: 'SUSPENDED' } });
    expect(await until(() => heard.isStale({ renderedAt, tags: [PAGE_TAGS.clinicLists] }), FRESH_WITHIN_MS)).toBe(true);
    expect((await listUpcomingClinics(parseClinicsQuery({}))).clinics.map((c) => c.id)).not.toContain(clinic.id);
  });
});
