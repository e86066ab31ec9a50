// A group clinic's session itself (issue 22), through the lib functions its page's actions and the sweeps call:
// a move raises SEQUENCE and tells every live seat once, with the updated invite to those who hold the event;
// a cancellation gives up every seat and sends METHOD:CANCEL; the reminders and feedback requests go once per
// seat however many sweeps run at once; attendance, feedback and the follow-up are refused to anyone else.
import { describe, expect, it } from 'vitest';
import type { Actor } from '@/lib/auth/actor';
import { bookClinicFollowUp, giveClinicFeedback, markAttendance } from '@/lib/clinics/after';
import { clinicUid } from '@/lib/clinics/calendar';
import { clinicCalendarFor } from '@/lib/clinics/calendar-download';
import { cancelClinic, moveClinic } from '@/lib/clinics/changes';
import { requestClinicFeedback, sendClinicReminders } from '@/lib/clinics/sweeps';
import { db } from '@/lib/db';
import { volunteerImpact } from '@/lib/feedback/impact';
import type { EmailContext, EmailMessage } from '@/lib/email/messages';
import { renderEmail } from '@/lib/email/render';
import type { ClinicSeatStatus } from '@/lib/generated/prisma/enums';
import { jobQueue } from '@/lib/jobs/current';
import { clockInZone } from '@/lib/offers/times';
import { createBookingCharity, createClinicVolunteer, createPublishedClinic } from '../support/clinic-factories';
import { createUser } from '../support/factories';
import { parseEverywhere } from '../support/ics-parsers';
import { withJobQueue } from '../support/jobs';
import { addMember, createAskBy } from '../support/meeting-factories';

withJobQueue();

const HOUR = 3_600_000;
const APP = 'https://halfhour.test';
const sweepContext = () => ({ db, boss: jobQueue(), appUrl: APP });
const renderContext: EmailContext = {
  appUrl: APP,
  recipientName: 'Jo',
  preferencesUrl: `${APP}/account`,
  messageId: '<t@halfhour.test>',
  sender: 'HalfHour <no-reply@halfhour.test>',
};

type Charity = Awaited<ReturnType<typeof createBookingCharity>>;

/** A published clinic with a booked seat for each of `booked`, and seats in the other states for the rest. */
async function clinicWith(
  places: Array<{ status: ClinicSeatStatus; charity?: Charity }>,
  options: Parameters<typeof createPublishedClinic>[2] = {},
) {
  const volunteer = await createClinicVolunteer(db);
  const clinic = await createPublishedClinic(db, volunteer.id, { seats: 4, ...options });
  const seats = [];
  for (const [index, place] of places.entries()) {
    const charity = place.charity ?? (await createBookingCharity(db));
    const seat = await db.clinicSeat.create({
      data: {
        clinicId: clinic.id,
        organisationId: charity.organisation.id,
        bookedById: charity.owner.id,
        question: `How do we claim Gift Aid on a sponsored walk, question ${index}?`,
        status: place.status,
        offeredAt: place.status === 'OFFERED' ? new Date() : null,
        offerExpiresAt: place.status === 'OFFERED' ? new Date(Date.now() + 24 * HOUR) : null,
        cancelledAt: place.status === 'CANCELLED' ? new Date() : null,
        // Booked long before the start, so the 24-hour reminder is due.
        createdAt: new Date(Date.now() - 30 * 24 * HOUR),
      },
    });
    seats.push({ seat, charity });
  }
  return { volunteer, clinic, seats };
}

/** A date and time the volunteer would type for `instant`, in the clinic's zone. */
function typed(instant: Date) {
  const { date, time } = clockInZone(instant, 'Europe/London');
  return { date, time };
}

const onTheHour = (fromNow: number) => new Date(Math.ceil((Date.now() + fromNow) / HOUR) * HOUR);

async function outbox(kind: string, prefix: string) {
  return db.emailOutbox.findMany({ where: { kind, dedupeKey: { startsWith: prefix } }, orderBy: { createdAt: 'asc' } });
}

async function invitesOf(rows: Array<{ kind: string; data: unknown }>) {
  return Promise.all(
    rows.map(async (row) => (await renderEmail({ kind: row.kind, data: row.data } as EmailMessage, renderContext)).attachments),
  );
}

async function admin(): Promise<Actor> {
  return createUser(db, { role: 'ADMIN', name: 'Ada Admin' });
}

describe('moving a clinic', () => {
  it('raises SEQUENCE and tells every live seat and the volunteer exactly once, with the invite to those who hold the event', async () => {
    const { volunteer, clinic, seats } = await clinicWith([
      { status: 'BOOKED' },
      { status: 'BOOKED' },
      { status: 'OFFERED' },
      { status: 'WAITING' },
      { status: 'CANCELLED' },
    ]);
    const target = onTheHour(30 * HOUR);

    // Two moves to the same time at once: one moves it, the other is told it already has that time.
    const results = await Promise.all([0, 1].map(() => moveClinic(volunteer, clinic.id, typed(target))));
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ fieldErrors: { date: [expect.stringMatching(/already has/)] } });

    const moved = await db.clinic.findUniqueOrThrow({ where: { id: clinic.id } });
    expect(moved.sequence).toBe(1);
    expect(moved.startsAt.toISOString()).toBe(target.toISOString());
    expect(moved.endsAt.getTime() - moved.startsAt.getTime()).toBe(HOUR);

    const rows = await outbox('clinic-moved', `clinic-moved:${clinic.id}:`);
    const live = seats.filter(({ seat }) => seat.status !== 'CANCELLED');
    expect(rows.map((row) => row.to).sort()).toEqual([volunteer.email, ...live.map(({ charity }) => charity.owner.email)].sort());
    expect(rows.map((row) => (row.data as { audience: string }).audience).sort()).toEqual([
      'booked',
      'booked',
      'offered',
      'volunteer',
      'waiting',
    ]);

    // The invites: the same UID and the raised SEQUENCE; each charity's copy names the volunteer and itself only.
    const attachments = await invitesOf(rows);
    const withInvite = rows.flatMap((row, index) =>
      attachments[index]!.length > 0 ? [{ row, ics: attachments[index]![0]!.content }] : [],
    );
    expect(withInvite.map(({ row }) => (row.data as { audience: string }).audience).sort()).toEqual(['booked', 'booked', 'volunteer']);
    for (const { row, ics } of withInvite) {
      const reading = parseEverywhere(ics);
      expect(reading).toMatchObject({ method: 'REQUEST', uid: clinicUid(clinic.id), sequence: 1 });
      const listed = reading.attendees.map((person) => person.address);
      if (row.to === volunteer.email) {
        expect(listed.sort()).toEqual(
          [volunteer.email, seats[0]!.charity.owner.email, seats[1]!.charity.owner.email].map((email) => `mailto:${email}`).sort(),
        );
      } else {
        expect(listed).toEqual([`mailto:${volunteer.email}`, `mailto:${row.to}`]);
      }
    }
    // Each charity can give up its seat in one click from the email.
    const booked = rows.find((row) => row.to === seats[0]!.charity.owner.email)!;
    expect((booked.data as { giveUpUrl: string }).giveUpUrl).toMatch(
      new RegExp(`/clinics/${clinic.id}/give-up\\?seat=${seats[0]!.seat.id}$`),
    );
    // The offered seat is still held no later than the new start.
    const offered = await db.clinicSeat.findUniqueOrThrow({ where: { id: seats[2]!.seat.id } });
    expect(offered.offerExpiresAt!.getTime()).toBeLessThanOrEqual(target.getTime());
  });

  it('is refused to everyone but the volunteer, and checks the new time', async () => {
    const { volunteer, clinic, seats } = await clinicWith([{ status: 'BOOKED' }]);
    const other = await createClinicVolunteer(db);
    const time = typed(onTheHour(50 * HOUR));
    for (const actor of [seats[0]!.charity.owner, other, await admin()]) {
      await expect(moveClinic(actor, clinic.id, time)).rejects.toThrow('Not allowed');
    }
    await db.user.update({ where: { id: volunteer.id }, data: { status: 'SUSPENDED' } });
    await expect(moveClinic({ ...volunteer, status: 'SUSPENDED' }, clinic.id, time)).rejects.toThrow();
    await db.user.update({ where: { id: volunteer.id }, data: { status: 'ACTIVE' } });

    expect(await moveClinic(volunteer, clinic.id, typed(new Date(Date.now() + HOUR)))).toMatchObject({
      ok: false,
      fieldErrors: { date: ['Choose a date and time at least two hours from now.'] },
    });
    expect(await moveClinic(volunteer, clinic.id, { date: '2027-02-30', time: '10:00' })).toMatchObject({
      ok: false,
      fieldErrors: { date: [expect.stringMatching(/real date/)] },
    });
    expect(await db.clinic.findUniqueOrThrow({ where: { id: clinic.id } })).toMatchObject({ sequence: 0 });
    expect(await db.emailOutbox.count({ where: { kind: 'clinic-moved', dedupeKey: { startsWith: `clinic-moved:${clinic.id}:` } } })).toBe(
      0,
    );
  });
});

describe('cancelling a clinic', () => {
  it('gives up every seat and sends METHOD:CANCEL to the volunteer and each booked charity, once', async () => {
    const { volunteer, clinic, seats } = await clinicWith([{ status: 'BOOKED' }, { status: 'BOOKED' }, { status: 'WAITING' }]);
    const results = await Promise.all(
      [0, 1].map(() => cancelClinic(volunteer, clinic.id, { reason: 'I have been called away & am sorry.' })),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ formError: 'This clinic is already cancelled.' });

    expect(await db.clinic.findUniqueOrThrow({ where: { id: clinic.id } })).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    const statuses = await db.clinicSeat.findMany({ where: { clinicId: clinic.id }, select: { status: true } });
    expect(statuses.every((seat) => seat.status === 'CANCELLED')).toBe(true);

    const rows = await outbox('clinic-cancelled', `clinic-cancelled:${clinic.id}:`);
    expect(rows.map((row) => row.to).sort()).toEqual([volunteer.email, ...seats.map(({ charity }) => charity.owner.email)].sort());
    const attachments = await invitesOf(rows);
    for (const [index, row] of rows.entries()) {
      const audience = (row.data as { audience: string }).audience;
      if (audience === 'waiting') {
        expect(attachments[index]).toEqual([]);
        continue;
      }
      const reading = parseEverywhere(attachments[index]![0]!.content);
      expect(reading).toMatchObject({ method: 'CANCEL', uid: clinicUid(clinic.id), sequence: 1 });
    }
  });

  it('is open to an admin, and refused to the charities and other volunteers', async () => {
    const { clinic, seats } = await clinicWith([{ status: 'BOOKED' }]);
    const other = await createClinicVolunteer(db);
    for (const actor of [seats[0]!.charity.owner, other]) {
      await expect(cancelClinic(actor, clinic.id, { reason: 'No.' })).rejects.toThrow('Not allowed');
    }
    expect(await cancelClinic(await admin(), clinic.id, { reason: '' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: [expect.any(String)] },
    });
    expect(await cancelClinic(await admin(), clinic.id, { reason: 'The volunteer asked us to.' })).toMatchObject({ ok: true });
    const [row] = await outbox('clinic-cancelled', `clinic-cancelled:${clinic.id}:`);
    expect(row!.data).toMatchObject({ cancelledByName: 'The HalfHour team' });
  });
});

describe('the calendar download', () => {
  it('gives each attendee their own copy of the one event, and METHOD:CANCEL once the clinic is cancelled', async () => {
    const { volunteer, clinic, seats } = await clinicWith([{ status: 'BOOKED' }, { status: 'BOOKED' }, { status: 'WAITING' }]);
    const [first, second, waiting] = seats;
    const mine = parseEverywhere((await clinicCalendarFor(volunteer, clinic.id)).content);
    const theirs = parseEverywhere((await clinicCalendarFor(first!.charity.owner, clinic.id)).content);
    expect(theirs).toMatchObject({ method: 'REQUEST', uid: clinicUid(clinic.id), sequence: 0 });
    expect(mine.uid).toBe(theirs.uid);
    expect(theirs.attendees.map((person) => person.address)).toEqual([`mailto:${volunteer.email}`, `mailto:${first!.charity.owner.email}`]);
    expect(mine.attendees.map((person) => person.address).sort()).toEqual(
      [volunteer.email, first!.charity.owner.email, second!.charity.owner.email].map((email) => `mailto:${email}`).sort(),
    );
    // Nobody else holds the event: a charity only waiting, another volunteer, an admin.
    for (const actor of [waiting!.charity.owner, await createClinicVolunteer(db), await admin()]) {
      await expect(clinicCalendarFor(actor, clinic.id)).rejects.toThrow('Not allowed');
    }

    expect((await cancelClinic(volunteer, clinic.id, { reason: 'Unwell.' })).ok).toBe(true);
    for (const actor of [volunteer, first!.charity.owner, second!.charity.owner]) {
      const file = await clinicCalendarFor(actor, clinic.id);
      expect(file.method).toBe('CANCEL');
      expect(parseEverywhere(file.content)).toMatchObject({ method: 'CANCEL', uid: clinicUid(clinic.id), sequence: 1 });
    }
  });
});

describe('the sweeps', () => {
  it('queue each reminder once per booked seat and the volunteer, even when two run at once', async () => {
    const { volunteer, clinic, seats } = await clinicWith(
      [{ status: 'BOOKED' }, { status: 'BOOKED' }, { status: 'OFFERED' }, { status: 'WAITING' }],
      {
        startsInHours: 20,
        publishedAt: new Date(Date.now() - 10 * 24 * HOUR),
      },
    );
    const expected = [volunteer.email, seats[0]!.charity.owner.email, seats[1]!.charity.owner.email].sort();

    await Promise.all([sendClinicReminders(sweepContext()), sendClinicReminders(sweepContext())]);
    await sendClinicReminders(sweepContext());
    const day = await outbox('clinic-reminder', `clinic-reminder-24h:${clinic.id}:`);
    expect(day.map((row) => row.to).sort()).toEqual(expected);

    // An hour before: the 1-hour reminder, once each, however often the sweep runs.
    const hourBefore = new Date(clinic.startsAt.getTime() - 40 * 60_000);
    await Promise.all([sendClinicReminders(sweepContext(), hourBefore), sendClinicReminders(sweepContext(), hourBefore)]);
    const hour = await outbox('clinic-reminder', `clinic-reminder-1h:${clinic.id}:`);
    expect(hour.map((row) => row.to).sort()).toEqual(expected);
    expect(hour[0]!.data).toMatchObject({ url: `${APP}/clinics/${clinic.id}`, lead: '1h' });
  });

  it('ask each booked seat for feedback once after the clinic, not those who gave it or did not come', async () => {
    const { clinic, seats } = await clinicWith([{ status: 'BOOKED' }, { status: 'BOOKED' }, { status: 'BOOKED' }, { status: 'WAITING' }], {
      startsInHours: -3,
    });
    await db.clinicSeat.update({ where: { id: seats[1]!.seat.id }, data: { rating: 5, feedbackAt: new Date() } });
    await db.clinicSeat.update({ where: { id: seats[2]!.seat.id }, data: { attendance: 'NO_SHOW', attendanceAt: new Date() } });

    await Promise.all([requestClinicFeedback(sweepContext()), requestClinicFeedback(sweepContext())]);
    await requestClinicFeedback(sweepContext());
    const rows = await outbox('clinic-feedback-request', `clinic-feedback-request:${clinic.id}:`);
    expect(rows.map((row) => row.to)).toEqual([seats[0]!.charity.owner.email]);
  });
});

describe('after the clinic', () => {
  async function pastClinic() {
    const colleagueCharity = await createBookingCharity(db);
    const made = await clinicWith([{ status: 'BOOKED', charity: colleagueCharity }, { status: 'BOOKED' }], { startsInHours: -2 });
    const colleague = await addMember(db, colleagueCharity.organisation.id, { name: 'Cal Colleague' });
    return { ...made, colleague };
  }

  it('attendance is the volunteer’s to mark, after the start; nobody else may', async () => {
    const { volunteer, seats } = await pastClinic();
    const seatId = seats[0]!.seat.id;
    for (const actor of [seats[0]!.charity.owner, seats[1]!.charity.owner, await createClinicVolunteer(db), await admin()]) {
      await expect(markAttendance(actor, seatId, { attendance: 'ATTENDED' })).rejects.toThrow('Not allowed');
    }
    expect(await markAttendance(volunteer, seatId, { attendance: 'maybe' })).toMatchObject({
      ok: false,
      fieldErrors: { attendance: [expect.any(String)] },
    });
    expect(await markAttendance(volunteer, seatId, { attendance: 'ATTENDED' })).toMatchObject({ ok: true });
    expect(await db.clinicSeat.findUniqueOrThrow({ where: { id: seatId } })).toMatchObject({ attendance: 'ATTENDED' });

    const upcoming = await clinicWith([{ status: 'BOOKED' }]);
    expect(await markAttendance(upcoming.volunteer, upcoming.seats[0]!.seat.id, { attendance: 'ATTENDED' })).toMatchObject({
      ok: false,
      formError: 'This clinic has not started yet. Come back after it has.',
    });
  });

  it('feedback is the charity’s own, once, and its thank-you reaches the volunteer once', async () => {
    const { volunteer, seats, colleague } = await pastClinic();
    const seatId = seats[0]!.seat.id;
    for (const actor of [seats[1]!.charity.owner, volunteer, await admin()]) {
      await expect(giveClinicFeedback(actor, seatId, { rating: '5' })).rejects.toThrow('Not allowed');
    }
    expect(await giveClinicFeedback(seats[0]!.charity.owner, seatId, { rating: '9' })).toMatchObject({
      ok: false,
      fieldErrors: { rating: ['Choose how useful the clinic was, from 1 to 5.'] },
      values: { rating: '9' },
    });
    const feedback = { rating: '5', changes: 'We will claim on our spring appeal.', thanks: 'Thank you, Ruth!' };
    const both = await Promise.all([
      giveClinicFeedback(seats[0]!.charity.owner, seatId, feedback),
      giveClinicFeedback(colleague, seatId, feedback),
    ]);
    expect(both.filter((result) => result.ok)).toHaveLength(1);
    expect(both.find((result) => !result.ok)).toMatchObject({ formError: expect.stringMatching(/already given feedback/) });
    expect(await db.clinicSeat.findUniqueOrThrow({ where: { id: seatId } })).toMatchObject({ rating: 5, thanks: 'Thank you, Ruth!' });
    expect(
      await db.emailOutbox.count({ where: { kind: 'thank-you-received', to: volunteer.email, dedupeKey: `clinic-thank-you:${seatId}` } }),
    ).toBe(1);
  });

  it('a follow-up is booked from a seat that came, by its own staff, once', async () => {
    const { volunteer, seats, colleague } = await pastClinic();
    const seatId = seats[0]!.seat.id;
    const organisationId = seats[0]!.charity.organisation.id;
    const ask = await createAskBy(db, organisationId, seats[0]!.charity.owner.id, { title: 'Set up Gift Aid on our online giving page' });
    const withdrawn = await createAskBy(db, organisationId, seats[0]!.charity.owner.id, {
      title: 'An old ask we withdrew',
      status: 'WITHDRAWN',
    });
    const otherAsk = await createAskBy(db, seats[1]!.charity.organisation.id, seats[1]!.charity.owner.id);
    const when = typed(onTheHour(72 * HOUR));
    const input = { askId: ask.id, ...when };

    expect(await bookClinicFollowUp(seats[0]!.charity.owner, seatId, input)).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/marked your organisation as having come/),
    });
    await markAttendance(volunteer, seatId, { attendance: 'ATTENDED' });
    for (const actor of [seats[1]!.charity.owner, volunteer, await admin()]) {
      await expect(bookClinicFollowUp(actor, seatId, input)).rejects.toThrow('Not allowed');
    }
    for (const askId of [withdrawn.id, otherAsk.id]) {
      expect(await bookClinicFollowUp(seats[0]!.charity.owner, seatId, { ...input, askId })).toMatchObject({
        ok: false,
        fieldErrors: { askId: ['Choose one of your organisation’s asks.'] },
      });
    }

    // Two colleagues at once: one follow-up, and the other is told where it is.
    const second = { askId: ask.id, ...typed(onTheHour(100 * HOUR)) };
    const results = await Promise.all([
      bookClinicFollowUp(seats[0]!.charity.owner, seatId, input),
      bookClinicFollowUp(colleague, seatId, second),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ formError: expect.stringMatching(/already booked/) });
    const linked = await db.clinicSeat.findUniqueOrThrow({ where: { id: seatId }, select: { followUpMeeting: true } });
    expect(linked.followUpMeeting).toMatchObject({ askId: ask.id, volunteerId: volunteer.id, organisationId, status: 'SCHEDULED' });
    expect(await db.meeting.count({ where: { volunteerId: volunteer.id } })).toBe(1);
    // Booked through the meetings' path: both sides get the booking email with its invite.
    expect(
      await db.emailOutbox.count({
        where: { kind: 'offer-accepted', dedupeKey: { startsWith: `meeting-booked:${linked.followUpMeeting!.id}` } },
      }),
    ).toBeGreaterThanOrEqual(2);
  });
});

describe('the volunteer’s impact', () => {
  it('counts a clinic that charities came to as one session of its length, and each charity that came as helped', async () => {
    const { volunteer, clinic, seats } = await clinicWith([{ status: 'BOOKED' }, { status: 'BOOKED' }, { status: 'BOOKED' }], {
      startsInHours: -5,
    });
    // Another clinic of theirs nobody was marked as coming to does not count, nor one still to come.
    const quiet = await createPublishedClinic(db, volunteer.id, { startsInHours: -30 });
    await createPublishedClinic(db, volunteer.id, { startsInHours: 30 });
    await db.clinicSeat.create({
      data: {
        clinicId: quiet.id,
        organisationId: seats[0]!.charity.organisation.id,
        question: 'A question nobody came to ask?',
        status: 'BOOKED',
      },
    });
    expect(await volunteerImpact(volunteer)).toMatchObject({ sessions: 0, minutes: 0, organisations: 0, clinicThanks: [] });

    await markAttendance(volunteer, seats[0]!.seat.id, { attendance: 'ATTENDED' });
    await markAttendance(volunteer, seats[1]!.seat.id, { attendance: 'ATTENDED' });
    await markAttendance(volunteer, seats[2]!.seat.id, { attendance: 'NO_SHOW' });
    await giveClinicFeedback(seats[0]!.charity.owner, seats[0]!.seat.id, { rating: '4', thanks: 'Our first claim is in!' });

    const impact = await volunteerImpact(volunteer);
    expect(impact).toMatchObject({ sessions: 1, minutes: 60, organisations: 2 });
    expect(impact.clinicThanks).toEqual([
      {
        clinicId: clinic.id,
        topic: clinic.topic,
        organisationName: seats[0]!.charity.organisation.name,
        heldAt: clinic.startsAt,
        givenAt: expect.any(Date),
        thanks: 'Our first claim is in!',
      },
    ]);
  });
});
