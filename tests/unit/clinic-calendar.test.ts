// A group clinic's calendar invites as calendars read them: ical.js, and Debian's python3-vobject and
// python3-icalendar (tests/support/parse-ics.py), which must agree. One UID for every attendee and every
// version, SEQUENCE from the clinic, REQUEST while it stands and CANCEL once cancelled, and each charity's
// copy naming the volunteer and that charity only.
import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { clinicAttendees, clinicInvite, clinicUid } from '@/lib/clinics/calendar';
import type { ClinicAudience, ClinicDetails, EmailContext, EmailMessage, MeetingAttendee } from '@/lib/email/messages';
import { renderEmail } from '@/lib/email/render';
import { zonedTimeToUtc } from '@/lib/time-zones';
import { parseEverywhere, type ParsedPerson } from '../support/ics-parsers';

const APP = 'https://halfhour.example';
const SENDER = 'HalfHour <sessions@halfhour.example>';
const context: EmailContext = {
  appUrl: APP,
  recipientName: 'Jo Owner',
  preferencesUrl: `${APP}/account`,
  messageId: '<c1@halfhour.example>',
  sender: SENDER,
};

const VOLUNTEER: MeetingAttendee = { name: 'Dev "DP" Patel', email: 'dev@example.org' };
const RIVERSIDE: MeetingAttendee = { name: 'Jo Owner', email: 'jo@riverside.example' };
const CANAL: MeetingAttendee = { name: 'Sam Lee', email: 'sam@canal-arts.example' };

// 29 March 2026 is the day the UK's clocks go forward: 10:00 in London is 09:00 UTC.
const startsAt = zonedTimeToUtc('2026-03-29', '10:00', 'Europe/London');

function details(seatPeople: MeetingAttendee[], overrides: Partial<ClinicDetails> = {}): ClinicDetails {
  return {
    clinicId: 'cclinic1',
    seatId: 'cseat1',
    topic: 'Gift Aid basics for small charities',
    volunteerName: 'Dev Patel',
    startsAt: startsAt.toISOString(),
    endsAt: new Date(startsAt.getTime() + 45 * 60_000).toISOString(),
    timeZone: 'Europe/London',
    medium: 'VIDEO',
    joinDetails: 'https://meet.example/gift-aid',
    sequence: 2,
    url: `${APP}/clinics/cclinic1`,
    attendees: clinicAttendees(VOLUNTEER, seatPeople),
    ...overrides,
  };
}

function moved(seatPeople: MeetingAttendee[], audience: ClinicAudience): EmailMessage {
  return {
    kind: 'clinic-moved',
    data: { ...details(seatPeople), audience, previousStartsAt: '2026-03-27T10:00:00.000Z', giveUpUrl: null },
  };
}

async function attachedInvite(message: EmailMessage): Promise<string> {
  const { attachments } = await renderEmail(message, context);
  expect(attachments).toHaveLength(1);
  expect(attachments[0]!.contentType).toMatch(/^text\/calendar; charset=utf-8; method=(REQUEST|CANCEL)$/);
  return attachments[0]!.content;
}

const addresses = (people: ParsedPerson[]) => people.map((person) => person.address);

describe("a clinic's calendar invite", () => {
  it('is the same event for every charity, each copy naming the volunteer and that charity only', async () => {
    const riverside = parseEverywhere(await attachedInvite(moved([RIVERSIDE], 'booked')));
    const canal = parseEverywhere(await attachedInvite(moved([CANAL], 'booked')));
    expect(riverside.uid).toBe(clinicUid('cclinic1'));
    expect(canal.uid).toBe(riverside.uid);
    expect(riverside).toMatchObject({
      method: 'REQUEST',
      sequence: 2,
      events: 1,
      summary: 'HalfHour: Gift Aid basics for small charities',
    });
    expect(addresses(riverside.attendees)).toEqual(['mailto:dev@example.org', 'mailto:jo@riverside.example']);
    expect(addresses(canal.attendees)).toEqual(['mailto:dev@example.org', 'mailto:sam@canal-arts.example']);
    // The volunteer's quoted nickname cannot end the name early (docs/decisions/0017).
    expect(riverside.attendees[0]!.params.CN).toBe("Dev 'DP' Patel");
    expect(riverside.organizer).toEqual({ address: 'mailto:sessions@halfhour.example', params: { CN: 'HalfHour' } });
  });

  it('comes with the booking email, as the same event the later changes update', async () => {
    const booking = parseEverywhere(
      await attachedInvite({
        kind: 'clinic-seat-booked',
        data: {
          ...details([RIVERSIDE], { sequence: 0 }),
          organisationName: 'Riverside Food Bank',
          question: 'Raffles?',
          volunteerEmail: VOLUNTEER.email,
        },
      }),
    );
    const move = parseEverywhere(await attachedInvite(moved([RIVERSIDE], 'booked')));
    expect(booking).toMatchObject({ method: 'REQUEST', uid: move.uid, sequence: 0 });
    expect(move.sequence).toBeGreaterThan(booking.sequence);
    expect(booking.attendees).toEqual(move.attendees);
  });

  it('is at the right instant across the clock change, with how to join while it stands', () => {
    const calendar = new ICAL.Component(ICAL.parse(clinicInvite(details([RIVERSIDE]), { method: 'REQUEST', sender: SENDER })));
    const event = new ICAL.Event(calendar.getFirstSubcomponent('vevent')!);
    expect(event.startDate.toJSDate().toISOString()).toBe('2026-03-29T09:00:00.000Z');
    expect(event.endDate.toJSDate().toISOString()).toBe('2026-03-29T09:45:00.000Z');
    expect(event.description).toContain('How to join: https://meet.example/gift-aid');
    expect(calendar.getFirstSubcomponent('vevent')!.getFirstPropertyValue('status')).toBe('CONFIRMED');
  });

  it('is a CANCEL with the raised sequence once the clinic is cancelled, and no longer says how to join', async () => {
    const ics = await attachedInvite({
      kind: 'clinic-cancelled',
      data: { ...details([RIVERSIDE], { sequence: 3 }), audience: 'booked', cancelledByName: 'Dev Patel', reason: 'Unwell' },
    });
    const reading = parseEverywhere(ics);
    expect(reading).toMatchObject({ method: 'CANCEL', uid: clinicUid('cclinic1'), sequence: 3 });
    expect(addresses(reading.attendees)).toEqual(['mailto:dev@example.org', 'mailto:jo@riverside.example']);
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('status')).toBe('CANCELLED');
    expect(String(vevent.getFirstPropertyValue('description'))).not.toContain('meet.example');
  });

  it("lists every booked charity on the volunteer's own copy, once each", () => {
    const reading = parseEverywhere(
      clinicInvite(
        { ...details([]), attendees: clinicAttendees(VOLUNTEER, [RIVERSIDE, CANAL, { ...RIVERSIDE, email: 'JO@riverside.example' }]) },
        {
          method: 'REQUEST',
          sender: SENDER,
        },
      ),
    );
    expect(addresses(reading.attendees)).toEqual([
      'mailto:dev@example.org',
      'mailto:jo@riverside.example',
      'mailto:sam@canal-arts.example',
    ]);
  });

  it('puts the place of an in-person clinic in the location', () => {
    const ics = clinicInvite(details([RIVERSIDE], { medium: 'IN_PERSON', joinDetails: 'Room 2, 14 Mill Lane, Leeds' }), {
      method: 'REQUEST',
      sender: SENDER,
    });
    const vevent = new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!;
    expect(vevent.getFirstPropertyValue('location')).toBe('Room 2, 14 Mill Lane, Leeds');
  });

  it('goes only to those who hold the event: not to a charity offered a seat or waiting for one', async () => {
    for (const audience of ['offered', 'waiting'] as const) {
      expect((await renderEmail(moved([RIVERSIDE], audience), context)).attachments, audience).toEqual([]);
    }
    expect((await renderEmail(moved([], 'volunteer'), context)).attachments).toHaveLength(1);
  });
});
