// Who may do what with a clinic (issue 22), through the lib functions every clinic server action calls: each
// action refused to every kind of person who may not use it, as a 404 (AccessDenied) or a clear message, with
// nothing changed and no email queued; what each kind of person sees on the clinic page; and each clinic email
// queued exactly once for the change that causes it.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { editClinic, offerClinic, withdrawClinic } from '@/lib/clinics/mutations';
import { clinicForEdit, clinicPage } from '@/lib/clinics/queries';
import { bookSeat, cancelSeat, confirmSeat, declineSeat, joinWaitingList } from '@/lib/clinics/seats';
import { db } from '@/lib/db';
import { approveClinic, rejectClinic, requestClinicChanges } from '@/lib/moderation/clinics';
import { addDays, dateInZone } from '@/lib/time-zones';
import { createBookingCharity, createClinicVolunteer, createPublishedClinic } from '../support/clinic-factories';
import { createSkill, createUser, createVolunteer } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { addMember } from '../support/meeting-factories';

withJobQueue();

const LONDON = 'Europe/London';
type User = Awaited<ReturnType<typeof createUser>>;

let skill: { slug: string };
let volunteer: User; // runs the clinics
let otherVolunteer: User;
let admin: User;
let suspended: User; // a suspended member of the booking charity
let charity: Awaited<ReturnType<typeof createBookingCharity>>; // books
let member: User; // a colleague at the same charity
let otherCharity: Awaited<ReturnType<typeof createBookingCharity>>;
let unverified: Awaited<ReturnType<typeof createBookingCharity>>;
let blocking: Awaited<ReturnType<typeof createBookingCharity>>; // blocked the volunteer
let noOrg: User; // signed in, staff of nothing, no volunteer profile

const question = 'Can we claim Gift Aid on our raffle tickets this spring?';

function clinicForm(overrides: Record<string, unknown> = {}) {
  return {
    topic: 'Gift Aid basics for small charities',
    description: 'What Gift Aid is, who can claim it, and how to make a first claim without fear.',
    bring: 'One question about your own Gift Aid claims.',
    skills: skill.slug,
    date: addDays(dateInZone(new Date(), LONDON), 5),
    time: '14:00',
    durationMinutes: '60',
    medium: 'VIDEO',
    joinDetails: 'https://meet.example/gift-aid',
    seats: '4',
    ...overrides,
  };
}

/** What a refusal must leave alone: seats, clinics' statuses and the outbox. */
async function snapshot() {
  const [seats, clinics, emails] = await Promise.all([
    db.clinicSeat.findMany({ select: { id: true, status: true }, orderBy: { id: 'asc' } }),
    db.clinic.findMany({ select: { id: true, status: true, updatedAt: true }, orderBy: { id: 'asc' } }),
    db.emailOutbox.count(),
  ]);
  return { seats, clinics, emails };
}

/** Runs `call` and expects a refusal: AccessDenied (a 404) when `as` is '404', else ok: false with a message matching it. */
async function expectRefused(call: () => Promise<unknown>, as: '404' | RegExp) {
  const before = await snapshot();
  if (as === '404') await expect(call()).rejects.toMatchObject({ name: 'AccessDenied' });
  else await expect(call()).resolves.toMatchObject({ ok: false, formError: expect.stringMatching(as) });
  expect(await snapshot()).toEqual(before);
}

beforeAll(async () => {
  skill = await createSkill(db);
  volunteer = await createClinicVolunteer(db, 4);
  otherVolunteer = await createClinicVolunteer(db, 4);
  admin = await createUser(db, { name: 'Ada Admin', role: 'ADMIN' });
  charity = await createBookingCharity(db);
  member = await addMember(db, charity.organisation.id, { name: 'Colleague' });
  suspended = await addMember(db, charity.organisation.id, { name: 'Gone Quiet', status: 'SUSPENDED' });
  otherCharity = await createBookingCharity(db);
  unverified = await createBookingCharity(db, { organisation: { status: 'PENDING_VERIFICATION' } });
  blocking = await createBookingCharity(db);
  await db.block.create({
    data: { organisationId: blocking.organisation.id, volunteerId: volunteer.id, by: 'ORGANISATION', createdById: blocking.owner.id },
  });
  noOrg = await createUser(db, { name: 'Just Browsing' });
});

describe('offering and moderating a clinic', () => {
  it('refuses an offer to someone without a volunteer profile, a paused volunteer, a suspended one, and past the month’s capacity', async () => {
    await expectRefused(() => offerClinic(noOrg, clinicForm()), /Create your volunteer profile/);
    const paused = await createVolunteer(db, { name: 'Paused' });
    await db.volunteerProfile.update({ where: { userId: paused.id }, data: { pausedAt: new Date() } });
    await expectRefused(() => offerClinic(paused, clinicForm()), /paused volunteering/);
    const gone = await createClinicVolunteer(db);
    await expectRefused(() => offerClinic({ ...gone, status: 'SUSPENDED' }, clinicForm()), '404');
    const full = await createClinicVolunteer(db, 1);
    expect((await offerClinic(full, clinicForm())).ok).toBe(true);
    await expectRefused(() => offerClinic(full, clinicForm({ time: '16:00' })), /reached your limit of 1 session a month/);
  });

  it('lets only the volunteer edit or withdraw their clinic, and only admins decide it; each decision emails the volunteer once', async () => {
    const offered = await offerClinic(volunteer, clinicForm());
    if (!offered.ok) throw new Error(JSON.stringify(offered));
    const clinicId = offered.data.id;
    for (const person of [otherVolunteer, charity.owner, admin]) {
      await expectRefused(() => editClinic(person, clinicId, clinicForm({ topic: 'Someone else’s clinic topic' })), '404');
      await expectRefused(() => withdrawClinic(person, clinicId), '404');
      await expect(clinicForEdit(person, clinicId)).rejects.toMatchObject({ name: 'AccessDenied' });
    }
    // Before it is published nobody but the volunteer and admins sees it.
    for (const person of [null, otherVolunteer, charity.owner]) expect(await clinicPage(person, clinicId)).toBeNull();
    expect(await clinicPage(admin, clinicId)).toMatchObject({ viewer: 'admin' });
    // Staff cannot book it, not even by its id.
    await expectRefused(() => bookSeat(charity.owner, clinicId, { question }), '404');

    for (const person of [volunteer, otherVolunteer, charity.owner, { ...admin, status: 'SUSPENDED' as const }]) {
      await expectRefused(() => approveClinic(person as Actor, clinicId), '404');
      await expectRefused(() => requestClinicChanges(person as Actor, clinicId, { note: 'Say who it is for, please.' }), '404');
      await expectRefused(() => rejectClinic(person as Actor, clinicId, { note: 'Not advice: advertising.' }), '404');
    }

    expect(await requestClinicChanges(admin, clinicId, { note: 'Say who the clinic is for, please.' })).toMatchObject({ ok: true });
    // Decided: a second decision is refused, and nothing is sent twice.
    await expectRefused(() => approveClinic(admin, clinicId), /already decided/);
    expect(await db.emailOutbox.count({ where: { kind: 'clinic-changes-requested', to: volunteer.email } })).toBe(1);

    expect(await editClinic(volunteer, clinicId, clinicForm({ topic: 'Gift Aid basics for village halls' }))).toMatchObject({ ok: true });
    expect(await db.clinic.findUniqueOrThrow({ where: { id: clinicId } })).toMatchObject({
      status: 'PENDING_REVIEW',
      topic: 'Gift Aid basics for village halls',
    });
    expect(await approveClinic(admin, clinicId)).toMatchObject({ ok: true });
    expect(await db.emailOutbox.count({ where: { kind: 'clinic-approved', to: volunteer.email } })).toBe(1);
    // Published: no more editing or withdrawing (cancelling tells the charities instead).
    await expectRefused(() => editClinic(volunteer, clinicId, clinicForm()), /can no longer be edited/);
    await expectRefused(() => withdrawClinic(volunteer, clinicId), /Cancel it instead/);

    const rejected = await offerClinic(volunteer, clinicForm({ time: '10:00' }));
    if (!rejected.ok) throw new Error('offer failed');
    expect(await rejectClinic(admin, rejected.data.id, { note: 'This reads as advertising for a paid course.' })).toMatchObject({
      ok: true,
    });
    expect(await db.emailOutbox.count({ where: { kind: 'clinic-rejected', to: volunteer.email } })).toBe(1);
    expect(await clinicPage(charity.owner, rejected.data.id)).toBeNull();
  });
});

describe('booking a seat', () => {
  it('is refused to anyone who is not staff of a verified organisation, to the volunteer, across a block and after the start', async () => {
    const clinic = await createPublishedClinic(db, volunteer.id, { seats: 3 });
    await expectRefused(() => bookSeat(otherVolunteer, clinic.id, { question }), '404');
    await expectRefused(() => bookSeat(noOrg, clinic.id, { question }), '404');
    await expectRefused(() => bookSeat(suspended, clinic.id, { question }), '404');
    await expectRefused(() => joinWaitingList(noOrg, clinic.id, { question }), '404');
    await expectRefused(() => bookSeat(unverified.owner, clinic.id, { question }), /must be verified/);
    await expectRefused(() => bookSeat(blocking.owner, clinic.id, { question }), /blocked this volunteer/);
    // The volunteer, were they staff of a charity too, still cannot book their own clinic.
    await db.membership.create({ data: { userId: volunteer.id, organisationId: otherCharity.organisation.id } });
    await expectRefused(
      () => bookSeat(volunteer, clinic.id, { question, organisationId: otherCharity.organisation.id }),
      /your own clinic/,
    );
    await db.membership.deleteMany({ where: { userId: volunteer.id } });
    // Someone else's organisation cannot be named.
    await expectRefused(
      () => bookSeat(charity.owner, clinic.id, { question, organisationId: otherCharity.organisation.id }),
      /correct the problems/,
    );
    // The question is needed, and what was typed is kept.
    await expect(bookSeat(charity.owner, clinic.id, { question: 'Help?' })).resolves.toMatchObject({
      ok: false,
      fieldErrors: { question: [expect.stringMatching(/10 characters or more/)] },
      values: { question: 'Help?' },
    });
    // A suspended volunteer's clinic takes no bookings (it has left the lists too).
    const suspendedVolunteer = await createClinicVolunteer(db);
    const theirs = await createPublishedClinic(db, suspendedVolunteer.id);
    await db.user.update({ where: { id: suspendedVolunteer.id }, data: { status: 'SUSPENDED' } });
    await expectRefused(() => bookSeat(charity.owner, theirs.id, { question }), /not open for booking/);
    const started = await createPublishedClinic(db, volunteer.id, { startsInHours: -0.5 });
    await expectRefused(() => bookSeat(charity.owner, started.id, { question }), /no longer taking bookings/);
  });

  it('lets only the seat’s own organisation confirm, decline or give it up; each seat email is queued once', async () => {
    const clinic = await createPublishedClinic(db, volunteer.id, { seats: 2 });
    const seat = await bookSeat(charity.owner, clinic.id, { question });
    if (!seat.ok) throw new Error(JSON.stringify(seat));
    expect((await bookSeat(otherCharity.owner, clinic.id, { question })).ok).toBe(true);
    const third = await createBookingCharity(db);
    const waiting = await joinWaitingList(third.owner, clinic.id, { question });
    if (!waiting.ok) throw new Error(JSON.stringify(waiting));

    for (const person of [otherCharity.owner, volunteer, admin, noOrg, suspended]) {
      await expectRefused(() => cancelSeat(person, seat.data.seatId), '404');
      await expectRefused(() => confirmSeat(person, seat.data.seatId), '404');
      await expectRefused(() => declineSeat(person, seat.data.seatId), '404');
    }
    // A seat never offered cannot be confirmed or declined by its own charity either.
    await expectRefused(() => confirmSeat(third.owner, waiting.data.seatId), /no longer being held/);
    await expectRefused(() => declineSeat(member, seat.data.seatId), /no longer being held/);

    // A colleague may give up the organisation's seat: the first in line is offered it, once.
    expect(await cancelSeat(member, seat.data.seatId)).toMatchObject({ ok: true, data: { offeredTo: [waiting.data.seatId] } });
    await expectRefused(() => cancelSeat(charity.owner, seat.data.seatId), /already given up/);
    expect(await confirmSeat(third.owner, waiting.data.seatId)).toMatchObject({ ok: true });
    await expectRefused(() => confirmSeat(third.owner, waiting.data.seatId), /already booked/);

    const keyed = async (kind: string, seatId: string) => db.emailOutbox.count({ where: { kind, dedupeKey: `${kind}:${seatId}` } });
    expect(await keyed('clinic-seat-booked', seat.data.seatId)).toBe(1);
    expect(await keyed('clinic-waiting-list-joined', waiting.data.seatId)).toBe(1);
    expect(await keyed('clinic-seat-offered', waiting.data.seatId)).toBe(1);
    expect(await keyed('clinic-seat-booked', waiting.data.seatId)).toBe(1);
    // The booking email goes to the booker, with the joining details and the volunteer's email.
    const booked = await db.emailOutbox.findFirstOrThrow({ where: { dedupeKey: `clinic-seat-booked:${waiting.data.seatId}` } });
    expect(booked).toMatchObject({
      to: third.owner.email,
      data: expect.objectContaining({ joinDetails: clinic.joinDetails, volunteerEmail: volunteer.email }),
    });
  });
});

describe('the clinic page', () => {
  it('shows each charity only its own seat and question, and joining details only once booked', async () => {
    const clinic = await createPublishedClinic(db, volunteer.id, { seats: 2 });
    const mine = await bookSeat(charity.owner, clinic.id, { question: 'Our question about Gift Aid on raffles?' });
    expect(mine.ok).toBe(true);
    expect((await bookSeat(otherCharity.owner, clinic.id, { question: 'Their private question about legacies?' })).ok).toBe(true);
    const third = await createBookingCharity(db);
    expect((await joinWaitingList(third.owner, clinic.id, { question: 'A waiting question about trading income?' })).ok).toBe(true);

    const anonymous = (await clinicPage(null, clinic.id))!;
    expect(anonymous).toMatchObject({
      viewer: 'public',
      seats: null,
      ownSeat: null,
      joinDetails: null,
      volunteerEmail: null,
      booking: null,
    });
    expect(anonymous.clinic).toMatchObject({ seatsLeft: 0, waiting: 1, topic: clinic.topic });
    expect(JSON.stringify(anonymous)).not.toMatch(/private question|Our question|raffles/);

    const staff = (await clinicPage(member, clinic.id))!;
    expect(staff).toMatchObject({ viewer: 'staff', seats: null, joinDetails: clinic.joinDetails, volunteerEmail: volunteer.email });
    expect(staff.ownSeat).toMatchObject({ question: 'Our question about Gift Aid on raffles?', status: 'BOOKED' });
    const seen = JSON.stringify(staff);
    for (const hidden of [
      'Their private question',
      'trading income',
      otherCharity.organisation.name,
      third.organisation.name,
      otherCharity.owner.email,
    ]) {
      expect(seen).not.toContain(hidden);
    }

    const waitingView = (await clinicPage(third.owner, clinic.id))!;
    expect(waitingView).toMatchObject({ joinDetails: null, volunteerEmail: null, waitingPosition: 1, ownSeat: { status: 'WAITING' } });
    expect(JSON.stringify(waitingView)).not.toMatch(/Our question|private question|meet\.example|@/);

    const outsider = (await clinicPage(noOrg, clinic.id))!;
    expect(outsider).toMatchObject({ viewer: 'public', seats: null, joinDetails: null });
    const other = (await clinicPage(unverified.owner, clinic.id))!;
    expect(other).toMatchObject({
      viewer: 'staff',
      joinDetails: null,
      booking: { full: true, refusal: expect.stringMatching(/must be verified/) },
    });

    for (const person of [volunteer, admin]) {
      const page = (await clinicPage(person, clinic.id))!;
      expect(page.seats?.map((seat) => seat.question).sort()).toEqual(
        [
          'A waiting question about trading income?',
          'Our question about Gift Aid on raffles?',
          'Their private question about legacies?',
        ].sort(),
      );
      expect(page.joinDetails).toBe(clinic.joinDetails);
    }
  });
});
