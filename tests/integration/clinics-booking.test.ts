// Booking seats at a group clinic (issue 22), through the lib functions the clinic page's actions call. Seats
// never exceed capacity: fifty charities booking five seats at once get exactly five seats and forty-five clear
// answers, on whichever engine this run has (CI runs the file on PostgreSQL and on the embedded engine). Then the
// waiting list: a seat given up is offered to the first in line, who confirms, declines or lets it lapse.
import { beforeAll, describe, expect, it } from 'vitest';
import { appDatabase, db } from '@/lib/db';
import { clinicPage } from '@/lib/clinics/queries';
import { bookSeat, cancelSeat, confirmSeat, declineSeat, joinWaitingList } from '@/lib/clinics/seats';
import { lapseOfferedSeats } from '@/lib/clinics/waiting-list';
import { createBookingCharity, createClinicVolunteer, createPublishedClinic } from '../support/clinic-factories';
import { withJobQueue } from '../support/jobs';

const { runner } = withJobQueue();

const CHARITIES = 50;
const SEATS = 5;
const HOUR = 3_600_000;
// Five runs on PostgreSQL, where the transactions truly run at once; the embedded engine has one connection,
// so a couple of runs there prove the same code is right on it too.
const RUNS = appDatabase()?.engine === 'postgres' ? 5 : 2;

type Charity = Awaited<ReturnType<typeof createBookingCharity>>;
const question = (index: number) => `How do we claim Gift Aid on our spring appeal, charity ${index}?`;

/** Runs every call at once; fails the test if any of them threw instead of answering. */
async function allAnswer<T>(calls: Array<() => Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const thrown = settled.filter((result) => result.status === 'rejected');
  expect(thrown.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

async function seatStatuses(clinicId: string) {
  const rows = await db.clinicSeat.groupBy({ by: ['status'], where: { clinicId }, _count: { _all: true } });
  return Object.fromEntries(rows.map((row) => [row.status, row._count._all]));
}

const emailsKeyed = (prefix: string) => db.emailOutbox.count({ where: { dedupeKey: { startsWith: prefix } } });

let charities: Charity[];

beforeAll(async () => {
  charities = [];
  for (let index = 0; index < CHARITIES; index += 1) charities.push(await createBookingCharity(db));
});

describe('racing for the last seats', () => {
  it(`${CHARITIES} charities booking ${SEATS} seats at once get exactly ${SEATS} seats and ${CHARITIES - SEATS} clear answers, every one of ${RUNS} runs`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const volunteer = await createClinicVolunteer(db);
      const clinic = await createPublishedClinic(db, volunteer.id, { seats: SEATS });

      const results = await allAnswer(
        charities.map(
          ({ owner }, index) =>
            () =>
              bookSeat(owner, clinic.id, { question: question(index) }),
        ),
      );

      const winners = results.filter((result) => result.ok);
      expect(winners, `run ${run}`).toHaveLength(SEATS);
      const losers = results.filter((result) => !result.ok);
      expect(losers).toHaveLength(CHARITIES - SEATS);
      for (const loser of losers) {
        expect(loser).toMatchObject({ ok: false, formError: `All ${SEATS} seats are taken. You can join the waiting list.` });
      }
      expect(await seatStatuses(clinic.id)).toEqual({ BOOKED: SEATS });
      // Each booked charity is told once, with how to join; nobody else is.
      const seats = await db.clinicSeat.findMany({ where: { clinicId: clinic.id }, select: { id: true } });
      const booked = await db.emailOutbox.findMany({ where: { dedupeKey: { in: seats.map((seat) => `clinic-seat-booked:${seat.id}`) } } });
      expect(booked).toHaveLength(SEATS);
      expect(booked.every((email) => email.kind === 'clinic-seat-booked')).toBe(true);
    }
  });

  it('one charity booking twice at once gets one seat and is told it already has one', async () => {
    const volunteer = await createClinicVolunteer(db);
    const clinic = await createPublishedClinic(db, volunteer.id, { seats: SEATS });
    const { owner } = charities[0]!;
    const results = await allAnswer([0, 1, 2].map(() => () => bookSeat(owner, clinic.id, { question: question(0) })));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const loser of results.filter((result) => !result.ok)) {
      expect(loser).toMatchObject({ formError: expect.stringMatching(/already has a seat/) });
    }
    expect(await seatStatuses(clinic.id)).toEqual({ BOOKED: 1 });
  });
});

describe('the waiting list', () => {
  it('a seat given up goes to the first in line, who has 24 hours; declining passes it on; confirming books it', async () => {
    const volunteer = await createClinicVolunteer(db);
    const clinic = await createPublishedClinic(db, volunteer.id, { seats: 2 });
    const [first, second, third, fourth, fifth] = charities;
    const one = await bookSeat(first!.owner, clinic.id, { question: question(1) });
    expect(one.ok).toBe(true);
    expect(await joinWaitingList(third!.owner, clinic.id, { question: question(3) })).toMatchObject({
      ok: false,
      formError: 'A seat is free at this clinic, so there is no need to wait: book it instead.',
    });
    expect((await bookSeat(second!.owner, clinic.id, { question: question(2) })).ok).toBe(true);
    expect(await bookSeat(third!.owner, clinic.id, { question: question(3) })).toMatchObject({
      ok: false,
      formError: 'All 2 seats are taken. You can join the waiting list.',
    });

    // Three in line, in the order they joined.
    const waiting = [];
    for (const [index, charity] of [third!, fourth!, fifth!].entries()) {
      const joined = await joinWaitingList(charity.owner, clinic.id, { question: question(3 + index) });
      expect(joined).toMatchObject({ ok: true, message: expect.stringContaining(`number ${index + 1} in line`) });
      if (joined.ok) waiting.push(joined.data.seatId);
    }
    expect(await emailsKeyed('clinic-waiting-list-joined:')).toBeGreaterThanOrEqual(3);
    // A second place for the same organisation is refused.
    expect(await joinWaitingList(third!.owner, clinic.id, { question: question(3) })).toMatchObject({
      ok: false,
      formError: 'Your organisation is already on the waiting list for this clinic.',
    });

    // The first seat is given up: the first in line is offered it, in the same transaction, for 24 hours.
    const before = Date.now();
    const cancelled = await cancelSeat(first!.owner, one.ok ? one.data.seatId : '');
    expect(cancelled).toMatchObject({ ok: true, data: { offeredTo: [waiting[0]] } });
    const offered = await db.clinicSeat.findUniqueOrThrow({ where: { id: waiting[0]! } });
    expect(offered.status).toBe('OFFERED');
    expect(offered.offerExpiresAt!.getTime()).toBeGreaterThanOrEqual(before + 24 * HOUR);
    expect(offered.offerExpiresAt!.getTime()).toBeLessThanOrEqual(Date.now() + 24 * HOUR);
    expect(await db.emailOutbox.count({ where: { dedupeKey: `clinic-seat-offered:${waiting[0]}`, kind: 'clinic-seat-offered' } })).toBe(1);
    // The offered seat counts as taken: nobody can book past it.
    expect(await bookSeat(charities[10]!.owner, clinic.id, { question: question(10) })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/All 2 seats are taken/),
    });
    // Another charity cannot confirm it; a guessed id is a 404.
    await expect(confirmSeat(fourth!.owner, waiting[0]!)).rejects.toThrow('Not allowed');

    // The first in line declines: the next is offered it at once.
    expect(await declineSeat(third!.owner, waiting[0]!)).toMatchObject({ ok: true });
    expect(await db.clinicSeat.findUniqueOrThrow({ where: { id: waiting[1]! } })).toMatchObject({ status: 'OFFERED' });

    // The next lets it lapse: the sweep, a day later, passes it on to the third. Two sweeps at once (two
    // workers) lapse it once, offer it on once and tell the charity once.
    const dayLater = new Date(Date.now() + 24 * HOUR + 60_000);
    const heldUntil = (await db.clinicSeat.findUniqueOrThrow({ where: { id: waiting[1]! } })).offerExpiresAt!;
    const sweeps = await allAnswer(
      [0, 1].map(() => () => lapseOfferedSeats({ db, boss: runner().boss, appUrl: 'http://localhost:3999' }, dayLater)),
    );
    expect({
      lapsed: sweeps.flatMap((sweep) => sweep.lapsed),
      offered: sweeps.flatMap((sweep) => sweep.offered),
    }).toEqual({ lapsed: [waiting[1]], offered: [waiting[2]] });
    expect(await db.clinicSeat.findUniqueOrThrow({ where: { id: waiting[1]! } })).toMatchObject({ status: 'LAPSED' });
    // The charity whose hold ended is told, once, when it ended and that the seat went to the next in line.
    const lapsedEmails = await db.emailOutbox.findMany({ where: { dedupeKey: { startsWith: `clinic-seat-lapsed:${waiting[1]}` } } });
    expect(lapsedEmails).toHaveLength(1);
    expect(lapsedEmails[0]).toMatchObject({
      kind: 'clinic-seat-lapsed',
      to: fourth!.owner.email,
      data: { clinicId: clinic.id, seatId: waiting[1], heldUntil: heldUntil.toISOString(), outcome: 'offered' },
    });
    expect(await emailsKeyed(`clinic-seat-offered:${waiting[2]}`)).toBe(1);
    // Running it again changes and sends nothing.
    expect(await lapseOfferedSeats({ db, boss: runner().boss, appUrl: 'http://localhost:3999' }, dayLater)).toEqual({
      lapsed: [],
      offered: [],
    });
    // A confirmation that came too late is told so.
    expect(await confirmSeat(fourth!.owner, waiting[1]!)).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/24 hours to confirm/),
    });
    expect(await emailsKeyed(`clinic-seat-lapsed:${waiting[1]}`)).toBe(1);
    // The clinic's page tells that charity its hold ended and offers the waiting list again, which it may join:
    // a lapsed seat is not a live place, so the one-place-per-organisation index lets it back in line.
    expect(await clinicPage(fourth!.owner, clinic.id)).toMatchObject({
      ownSeat: { id: waiting[1], status: 'LAPSED', offerExpiresAt: heldUntil },
      booking: { full: true, refusal: null },
    });
    const rejoined = await joinWaitingList(fourth!.owner, clinic.id, { question: question(4) });
    expect(rejoined).toMatchObject({ ok: true, message: expect.stringContaining('number 1 in line') });
    expect(await clinicPage(fourth!.owner, clinic.id)).toMatchObject({
      ownSeat: { id: rejoined.ok ? rejoined.data.seatId : '', status: 'WAITING' },
      waitingPosition: 1,
    });

    // The third confirms in time: booked, with the booking email and its join details.
    expect(await confirmSeat(fifth!.owner, waiting[2]!)).toMatchObject({ ok: true });
    expect(await seatStatuses(clinic.id)).toEqual({ BOOKED: 2, CANCELLED: 2, LAPSED: 1, WAITING: 1 });
    const email = await db.emailOutbox.findFirstOrThrow({ where: { dedupeKey: `clinic-seat-booked:${waiting[2]}` } });
    expect(email.data).toMatchObject({ joinDetails: 'https://meet.example/gift-aid-clinic', question: question(5) });
    expect(await emailsKeyed(`clinic-seat-booked:${waiting[2]}`)).toBe(1);
  });

  // The seat is handed on in the transaction that frees it, so no racer ever reads it free: were the offer made
  // afterwards (by a job, or a second transaction), a racer could take it from the charity first in line.
  it('a seat given up while ten others race to book it goes to the first in line, every run', async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const volunteer = await createClinicVolunteer(db);
      const clinic = await createPublishedClinic(db, volunteer.id, { seats: 2 });
      const [holder, other, waiter, ...racers] = charities.slice(30, 43);
      const held = await bookSeat(holder!.owner, clinic.id, { question: question(30) });
      expect((await bookSeat(other!.owner, clinic.id, { question: question(31) })).ok).toBe(true);
      const waiting = await joinWaitingList(waiter!.owner, clinic.id, { question: question(32) });
      if (!held.ok || !waiting.ok) throw new Error('setting up the full clinic failed');

      const [cancelled, ...bookings] = await allAnswer<{ ok: boolean }>([
        () => cancelSeat(holder!.owner, held.data.seatId),
        ...racers.map(
          ({ owner }, index) =>
            () =>
              bookSeat(owner, clinic.id, { question: question(33 + index) }),
        ),
      ]);
      expect(cancelled, `run ${run}`).toMatchObject({ ok: true });
      // Before the seat was given up the clinic was full; after, the seat was the first in line's.
      expect(bookings.filter((booking) => booking.ok)).toEqual([]);
      expect(await db.clinicSeat.findUniqueOrThrow({ where: { id: waiting.data.seatId } })).toMatchObject({ status: 'OFFERED' });
      expect(await seatStatuses(clinic.id)).toEqual({ BOOKED: 1, OFFERED: 1, CANCELLED: 1 });
    }
  });

  it('a seat given up with nobody in line stays free for the next booking', async () => {
    const volunteer = await createClinicVolunteer(db);
    const clinic = await createPublishedClinic(db, volunteer.id, { seats: 2 });
    const booked = await bookSeat(charities[20]!.owner, clinic.id, { question: question(20) });
    expect(await cancelSeat(charities[20]!.owner, booked.ok ? booked.data.seatId : '')).toMatchObject({
      ok: true,
      data: { offeredTo: [] },
    });
    expect((await bookSeat(charities[20]!.owner, clinic.id, { question: question(20) })).ok).toBe(true);
  });
});
