// A volunteer is in one place at a time: a group clinic they run and a one-to-one session hold the same calendar
// (lib/meetings/booking.ts calendarClash, under the calendar lock every booking, move and clinic takes). A clinic
// cannot be offered, edited or moved over a booked session or another clinic; a session cannot be booked or
// moved over a clinic; and a clinic offered while a session is accepted at the same time leaves exactly one.
import { beforeAll, describe, expect, it } from 'vitest';
import { moveClinic } from '@/lib/clinics/changes';
import { offerClinic } from '@/lib/clinics/mutations';
import { appDatabase, db } from '@/lib/db';
import { acceptOffer } from '@/lib/offers/mutations';
import { addDays, dateInZone, zonedTimeToUtc } from '@/lib/time-zones';
import { createClinicVolunteer, createPublishedClinic } from '../support/clinic-factories';
import { createMeeting, createOffer, createSkill } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { createAskBy, createCharity } from '../support/meeting-factories';

withJobQueue();

const LONDON = 'Europe/London';
const MINUTE = 60_000;
// Five races on PostgreSQL, where the transactions truly run at once; two on the embedded engine.
const RUNS = appDatabase()?.engine === 'postgres' ? 5 : 2;

let skill: { slug: string };
let charity: Awaited<ReturnType<typeof createCharity>>;

/** A date `days` from today in London, as the forms take it. */
const day = (days: number) => addDays(dateInZone(new Date(), LONDON), days);

function clinicForm(date: string, time = '14:00') {
  return {
    topic: 'Gift Aid basics for small charities',
    description: 'What Gift Aid is, who can claim it, and how to make a first claim without fear.',
    bring: 'One question about your own Gift Aid claims.',
    skills: skill.slug,
    date,
    time,
    durationMinutes: '60',
    medium: 'VIDEO',
    joinDetails: 'https://meet.example/gift-aid',
    seats: '4',
  };
}

/** An open ask of the charity and the volunteer's pending offer on it, for half an hour from `startsAt`. */
async function offerAt(volunteerId: string, startsAt: Date) {
  const ask = await createAskBy(db, charity.organisation.id, charity.owner.id, { media: ['VIDEO'], timeZone: LONDON, durationMinutes: 30 });
  const offer = await createOffer(db, ask.id, volunteerId, {
    times: { create: [{ startsAt, endsAt: new Date(startsAt.getTime() + 30 * MINUTE) }] },
  });
  const time = await db.offerTime.findFirstOrThrow({ where: { offerId: offer.id } });
  return { ask, offerId: offer.id, timeId: time.id };
}

beforeAll(async () => {
  skill = await createSkill(db);
  charity = await createCharity(db);
});

describe('a clinic over a session', () => {
  it('cannot be offered over a booked session, or over another clinic, and can beside them', async () => {
    const volunteer = await createClinicVolunteer(db, 6);
    const date = day(5);
    const { ask } = await offerAt(volunteer.id, zonedTimeToUtc(date, '14:30', LONDON));
    await createMeeting(db, ask, volunteer.id, zonedTimeToUtc(date, '14:30', LONDON));

    const over = await offerClinic(volunteer, clinicForm(date, '14:00'));
    expect(over).toMatchObject({
      ok: false,
      fieldErrors: { date: ['You have a session booked at an overlapping time. Choose a time that is free.'] },
    });
    expect(await db.clinic.count({ where: { volunteerId: volunteer.id } })).toBe(0);

    // Ending as the session starts is not an overlap.
    expect(await offerClinic(volunteer, clinicForm(date, '13:30'))).toMatchObject({ ok: true });
    const second = await offerClinic(volunteer, clinicForm(date, '12:45'));
    expect(second).toMatchObject({ ok: false, fieldErrors: { date: [expect.stringMatching(/another group clinic/)] } });
  });

  it('cannot be moved onto a booked session', async () => {
    const volunteer = await createClinicVolunteer(db, 6);
    const clinic = await createPublishedClinic(db, volunteer.id, { startsInHours: 24 * 7 });
    const date = day(9);
    const { ask } = await offerAt(volunteer.id, zonedTimeToUtc(date, '10:00', LONDON));
    await createMeeting(db, ask, volunteer.id, zonedTimeToUtc(date, '10:00', LONDON));

    const moved = await moveClinic(volunteer, clinic.id, { date, time: '09:30' });
    expect(moved).toMatchObject({ ok: false, fieldErrors: { date: [expect.stringMatching(/session booked at an overlapping time/)] } });
    expect(await db.clinic.findUniqueOrThrow({ where: { id: clinic.id } })).toMatchObject({ startsAt: clinic.startsAt, sequence: 0 });
    expect(await moveClinic(volunteer, clinic.id, { date, time: '11:00' })).toMatchObject({ ok: true });
  });
});

describe('a session over a clinic', () => {
  it('cannot be booked over a clinic the volunteer runs: the charity is told, and nothing changes', async () => {
    const volunteer = await createClinicVolunteer(db, 6);
    const clinic = await createPublishedClinic(db, volunteer.id, { startsInHours: 24 * 4 });
    const { ask, offerId, timeId } = await offerAt(volunteer.id, new Date(clinic.startsAt.getTime() + 15 * MINUTE));

    const accepted = await acceptOffer(charity.owner, offerId, { timeId });
    expect(accepted).toMatchObject({ ok: false, formError: expect.stringMatching(/overlaps this time/) });
    expect(await db.meeting.count({ where: { volunteerId: volunteer.id } })).toBe(0);
    expect(await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).toMatchObject({ status: 'OPEN' });
    expect(await db.offer.findUniqueOrThrow({ where: { id: offerId } })).toMatchObject({ status: 'PENDING' });
  });

  it(`offered as a clinic and accepted as a session at once leaves exactly one, every one of ${RUNS} runs`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const volunteer = await createClinicVolunteer(db, 6);
      const date = day(12 + run);
      const { offerId, timeId } = await offerAt(volunteer.id, zonedTimeToUtc(date, '14:15', LONDON));

      const [clinic, session] = await Promise.all([
        offerClinic(volunteer, clinicForm(date, '14:00')),
        acceptOffer(charity.owner, offerId, { timeId }),
      ]);
      expect([clinic.ok, session.ok].filter(Boolean), `run ${run}`).toHaveLength(1);
      const [clinics, meetings] = await Promise.all([
        db.clinic.count({ where: { volunteerId: volunteer.id } }),
        db.meeting.count({ where: { volunteerId: volunteer.id } }),
      ]);
      expect(clinics + meetings).toBe(1);
    }
  });
});
