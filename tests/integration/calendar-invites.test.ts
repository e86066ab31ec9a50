// The calendar invites a session's people receive, through the real path: an offer accepted, the session
// moved and then cancelled through the lib functions the pages call, each queued email delivered by the
// worker's own step (deliverEmail) to a mailer that keeps what it is given, and the download. Every invite
// must name HalfHour (the sending address) as organizer and everyone on the session as attendees, as
// ical.js and two Python parsers read it (docs/decisions/0017).
import type { SendMailOptions } from 'nodemailer';
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { deliverEmail, type DeliveryContext } from '@/lib/email/deliver';
import { senderAddress } from '@/lib/email/calendar-people';
import { env } from '@/lib/env';
import { meetingCalendarFor } from '@/lib/meetings/calendar';
import { answerMove, proposeMove } from '@/lib/meetings/moves';
import { cancelMeeting } from '@/lib/meetings/mutations';
import { acceptOffer, makeOffer } from '@/lib/offers/mutations';
import { addDays, dateInZone } from '@/lib/time-zones';
import { createVolunteer } from '../support/factories';
import { parseEverywhere, type ParsedInvite, type ParsedPerson } from '../support/ics-parsers';
import { withJobQueue } from '../support/jobs';
import { addMember, createAskBy, createCharity } from '../support/meeting-factories';

// No worker runs: the emails stay queued, and the test delivers each one itself.
withJobQueue();

const LONDON = 'Europe/London';
const FROM = 'HalfHour <sessions@halfhour.test>';
const inDays = (days: number) => addDays(dateInZone(new Date(), LONDON), days);

interface Sent {
  to: string;
  kind: string;
  invite: ParsedInvite;
}

const CALENDAR_KINDS = ['offer-accepted', 'meeting-rescheduled', 'meeting-cancelled'];

/** Delivers the meeting's queued emails that carry an invite, as the worker would, and returns each invite. */
async function deliverInvites(meetingId: string): Promise<Sent[]> {
  const sent: Sent[] = [];
  const rows = await db.emailOutbox.findMany({ where: { status: 'PENDING', kind: { in: CALENDAR_KINDS } }, orderBy: { createdAt: 'asc' } });
  for (const row of rows.filter((email) => (email.data as { meetingId?: string }).meetingId === meetingId)) {
    const attachments: Array<{ content: string }> = [];
    const delivery: DeliveryContext = {
      db,
      appUrl: 'http://localhost:3999',
      secret: 'integration-test-secret-that-is-long-enough',
      leaseSeconds: 30,
      mailer: {
        from: FROM,
        async send(message: SendMailOptions) {
          attachments.push(...((message.attachments ?? []) as Array<{ content: string }>));
        },
        close() {},
      },
    };
    expect(await deliverEmail(delivery, row.id)).toBe('sent');
    for (const attachment of attachments) sent.push({ to: row.to, kind: row.kind, invite: parseEverywhere(attachment.content) });
  }
  return sent;
}

function attendee(user: { email: string }, name: string): ParsedPerson {
  return {
    address: `mailto:${user.email}`,
    params: { CN: name, CUTYPE: 'INDIVIDUAL', ROLE: 'REQ-PARTICIPANT', PARTSTAT: 'ACCEPTED', RSVP: 'FALSE' },
  };
}

describe('calendar invites through booking, a move and a cancellation', () => {
  let charity: Awaited<ReturnType<typeof createCharity>>;
  let colleague: Awaited<ReturnType<typeof addMember>>;
  let volunteer: Awaited<ReturnType<typeof createVolunteer>>;
  let askId: string;

  beforeAll(async () => {
    charity = await createCharity(db, { organisation: { name: 'Riverside Food Bank' }, owner: { name: 'Jo Owner' } });
    colleague = await addMember(db, charity.organisation.id, { name: 'Cal Colleague' });
    // A name with a quote and a comma: it must stay one parameter in every invite.
    volunteer = await createVolunteer(db, {
      name: 'Dev "DP" Patel, MBE',
      volunteerProfile: { create: { headline: 'Ops', bio: 'Rotas.', media: ['VIDEO'], timeZone: LONDON } },
    });
    askId = (
      await createAskBy(db, charity.organisation.id, charity.owner.id, {
        title: 'Set up our rota',
        media: ['VIDEO'],
        timeZone: LONDON,
        durationMinutes: 30,
      })
    ).id;
  });

  it('every invite and the download name the sender as organizer and the volunteer, the ask’s writer and the booker as attendees', async () => {
    const offer = await makeOffer(volunteer, askId, {
      message: 'I set up rotas for a food bank of forty volunteers and can show you how.',
      medium: 'VIDEO',
      joinDetails: 'https://meet.example/dev',
      time1Date: inDays(3),
      time1Time: '10:00',
      time2Date: inDays(4),
      time2Time: '11:00',
    });
    if (!offer.ok) throw new Error(JSON.stringify(offer));
    const time = await db.offerTime.findFirstOrThrow({ where: { offerId: offer.data.id }, orderBy: { startsAt: 'asc' } });
    // The colleague books it, so the session has three people: the volunteer, the ask's writer and the booker.
    const accepted = await acceptOffer(colleague, offer.data.id, { timeId: time.id });
    if (!accepted.ok) throw new Error(JSON.stringify(accepted));
    const { meetingId } = accepted.data;

    const everyone = [
      attendee(volunteer, `Dev 'DP' Patel, MBE`),
      attendee(charity.owner, 'Jo Owner'),
      attendee(colleague, 'Cal Colleague'),
    ];
    const organizer: ParsedPerson = { address: 'mailto:sessions@halfhour.test', params: { CN: 'HalfHour' } };
    const uid = `meeting-${meetingId}@halfhour`;

    const booked = await deliverInvites(meetingId);
    expect(booked.map((email) => [email.kind, email.to]).sort()).toEqual(
      [volunteer.email, charity.owner.email, colleague.email].map((to) => ['offer-accepted', to]).sort(),
    );
    for (const { invite } of booked) {
      expect(invite).toMatchObject({ method: 'REQUEST', uid, sequence: 0, organizer, attendees: everyone });
    }

    const download = parseEverywhere((await meetingCalendarFor(volunteer, meetingId)).content);
    // The download names the same sender the app's mail goes out from (MAIL_FROM).
    expect(download).toMatchObject({
      method: 'REQUEST',
      uid,
      sequence: 0,
      organizer: { address: `mailto:${senderAddress(env.MAIL_FROM)}`, params: { CN: 'HalfHour' } },
      attendees: everyone,
    });

    const proposed = await proposeMove(volunteer, meetingId, { date: inDays(5), time: '12:00' });
    if (!proposed.ok) throw new Error(JSON.stringify(proposed));
    expect(await answerMove(charity.owner, meetingId, { moveId: proposed.data.moveId, answer: 'accept' })).toMatchObject({ ok: true });
    const moved = await deliverInvites(meetingId);
    expect(moved.map((email) => email.kind)).toEqual(['meeting-rescheduled', 'meeting-rescheduled', 'meeting-rescheduled']);
    for (const { invite } of moved) {
      expect(invite).toMatchObject({ method: 'REQUEST', uid, sequence: 1, organizer, attendees: everyone });
    }

    expect(await cancelMeeting(charity.owner, meetingId, { reason: 'Our treasurer is off sick.' })).toMatchObject({ ok: true });
    const cancelled = await deliverInvites(meetingId);
    // Everyone gets the CANCEL, the owner who cancelled too: their calendar holds the event from the booking.
    expect(cancelled.map((email) => email.to).sort()).toEqual([volunteer.email, colleague.email, charity.owner.email].sort());
    for (const { invite } of cancelled) {
      expect(invite).toMatchObject({ method: 'CANCEL', uid, sequence: 2, organizer, attendees: everyone });
    }
    expect(parseEverywhere((await meetingCalendarFor(colleague, meetingId)).content)).toMatchObject({
      method: 'CANCEL',
      uid,
      sequence: 2,
      attendees: everyone,
    });
  });
});
