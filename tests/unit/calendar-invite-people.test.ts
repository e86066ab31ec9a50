// Who a calendar invite says organises a session and who attends it (RFC 5546 needs both for REQUEST and
// CANCEL), in every version of it: the booking, a move, a cancellation and the download, each read by
// ical.js and by two Python parsers that share no code with it. See docs/decisions/0017.
import { describe, expect, it, vi } from 'vitest';
import { meetingInvite } from '@/lib/email/calendar';
import { senderAddress } from '@/lib/email/calendar-people';
import type { EmailContext, EmailMessage, MeetingAttendee } from '@/lib/email/messages';
import { renderEmail } from '@/lib/email/render';
import { parseEverywhere, parseWithIcalJs, type ParsedPerson } from '../support/ics-parsers';

// buildMeetingCalendar is pure; its module also holds the database read, which these tests never call.
vi.mock('@/lib/db', () => ({ db: {} }));
const { buildMeetingCalendar } = await import('@/lib/meetings/calendar');

const APP = 'https://halfhour.example';
const SENDER = 'HalfHour <sessions@halfhour.example>';
const URL = `${APP}/meetings/cmeet123`;

const ATTENDEES: MeetingAttendee[] = [
  { name: 'Dev Patel', email: 'dev@example.org' },
  { name: 'Jo Owner', email: 'jo@riverside.example' },
  { name: 'Cal Colleague', email: 'cal@riverside.example' },
];

const context: EmailContext = {
  appUrl: APP,
  recipientName: 'Dev Patel',
  preferencesUrl: `${APP}/account`,
  messageId: '<m1@halfhour.example>',
  sender: SENDER,
};

const details = {
  meetingId: 'cmeet123',
  askTitle: 'Set up our volunteer rota',
  withName: 'Riverside Food Bank',
  startsAt: '2026-12-11T15:00:00.000Z',
  endsAt: '2026-12-11T15:30:00.000Z',
  timeZone: 'Europe/London',
  medium: 'VIDEO' as const,
  joinDetails: 'https://meet.example/abc',
  attendees: ATTENDEES,
};

const ORGANIZER: ParsedPerson = { address: 'mailto:sessions@halfhour.example', params: { CN: 'HalfHour' } };

/** Each attendee as the invite should list them: a named person who agreed to the time, asked for no reply. */
function listed(people: MeetingAttendee[]): ParsedPerson[] {
  return people.map((person) => ({
    address: `mailto:${person.email}`,
    params: {
      CUTYPE: 'INDIVIDUAL',
      ROLE: 'REQ-PARTICIPANT',
      PARTSTAT: 'ACCEPTED',
      RSVP: 'FALSE',
      ...(person.name ? { CN: person.name } : {}),
    },
  }));
}

async function emailInvite(message: EmailMessage, ctx: EmailContext = context): Promise<string> {
  const { attachments } = await renderEmail(message, ctx);
  expect(attachments).toHaveLength(1);
  return attachments[0]!.content;
}

const downloadMeeting = {
  id: 'cmeet123',
  status: 'SCHEDULED' as const,
  sequence: 1,
  startsAt: new Date(details.startsAt),
  endsAt: new Date(details.endsAt),
  medium: 'VIDEO' as const,
  joinDetails: details.joinDetails,
  askTitle: details.askTitle,
  withName: 'Dev Patel',
  changedAt: new Date('2026-12-01T09:00:00Z'),
  attendees: ATTENDEES,
};

const variants: Array<{ label: string; method: 'REQUEST' | 'CANCEL'; sequence: number; ics: () => Promise<string> }> = [
  {
    label: 'the booking email',
    method: 'REQUEST',
    sequence: 0,
    ics: () =>
      emailInvite({ kind: 'offer-accepted', data: { ...details, organisationName: 'Riverside Food Bank', sequence: 0, url: URL } }),
  },
  {
    label: 'the email for a move',
    method: 'REQUEST',
    sequence: 1,
    ics: () =>
      emailInvite({
        kind: 'meeting-rescheduled',
        data: { ...details, previousStartsAt: '2026-12-10T15:00:00.000Z', sequence: 1, url: URL },
      }),
  },
  {
    label: 'the cancellation email',
    method: 'CANCEL',
    sequence: 2,
    ics: () =>
      emailInvite({ kind: 'meeting-cancelled', data: { ...details, cancelledByName: 'Jo Owner', reason: 'Ill', sequence: 2, url: URL } }),
  },
  {
    label: 'the download of a booked meeting',
    method: 'REQUEST',
    sequence: 1,
    ics: async () => buildMeetingCalendar(downloadMeeting, URL, SENDER).content,
  },
  {
    label: 'the download of a cancelled meeting',
    method: 'CANCEL',
    sequence: 2,
    ics: async () => buildMeetingCalendar({ ...downloadMeeting, status: 'CANCELLED', sequence: 2 }, URL, SENDER).content,
  },
];

describe('the organizer and attendees of a calendar invite', () => {
  it.each(variants)('$label names HalfHour as organizer and both sides as attendees', async ({ method, sequence, ics }) => {
    const invite = parseEverywhere(await ics());
    expect(invite).toMatchObject({ method, events: 1, uid: 'meeting-cmeet123@halfhour', sequence });
    expect(invite.organizer).toEqual(ORGANIZER);
    expect(invite.attendees).toEqual(listed(ATTENDEES));
  });

  it('gives every recipient the same organizer and attendees, whatever their zone and whoever they are', async () => {
    const data = { ...details, organisationName: 'Riverside Food Bank', sequence: 0, url: URL };
    const volunteer = parseWithIcalJs(await emailInvite({ kind: 'offer-accepted', data }));
    const charity = parseWithIcalJs(
      await emailInvite(
        { kind: 'offer-accepted', data: { ...data, withName: 'Dev Patel', timeZone: 'America/New_York' } },
        { ...context, recipientName: 'Jo Owner' },
      ),
    );
    const download = parseWithIcalJs(buildMeetingCalendar({ ...downloadMeeting, sequence: 0 }, URL, SENDER).content);
    expect(volunteer.organizer).toEqual(ORGANIZER);
    expect(volunteer.attendees).toEqual(listed(ATTENDEES));
    for (const copy of [charity, download]) {
      expect(copy.organizer).toEqual(volunteer.organizer);
      expect(copy.attendees).toEqual(volunteer.attendees);
    }
  });

  it('keeps names with commas, quotes, semicolons, colons, line breaks and accents, and odd addresses, inside their own property', async () => {
    const awkward: MeetingAttendee[] = [
      { name: 'Jo "JJ" Jones, Treasurer; Leeds: North', email: 'jo@riverside.example' },
      { name: 'Ann\r\nEND:VEVENT\r\nBEGIN:VEVENT\r\nATTENDEE:mailto:evil@example.org', email: 'ann@riverside.example' },
      { name: 'Siobhán Ní Bhriain-Ó Súilleabháin of the Friends of St Mary’s Riverside Community Trust', email: 'siobhan@example.org' },
      { name: null, email: 'nameless@example.org' },
      // Addresses are checked when an account is made; even so, one cannot end the line.
      { name: 'Eve', email: 'eve@example.org\r\nX-EVIL:1' },
    ];
    const ics = meetingInvite(
      { ...details, askTitle: 'Rota\r\nATTENDEE:mailto:evil@example.org\r\nEND:VEVENT', attendees: awkward },
      { method: 'REQUEST', sequence: 0, sender: SENDER, url: URL, stamp: new Date('2026-12-01T09:00:00Z') },
    );
    const invite = parseEverywhere(ics);
    expect(invite.events).toBe(1);
    expect(invite.summary).toBe('HalfHour: Rota\nATTENDEE:mailto:evil@example.org\nEND:VEVENT');
    expect(invite.attendees.map((attendee) => [attendee.address, attendee.params.CN])).toEqual([
      // RFC 5545 has no escape for a double quote in a parameter, so it becomes a single one.
      ['mailto:jo@riverside.example', "Jo 'JJ' Jones, Treasurer; Leeds: North"],
      ['mailto:ann@riverside.example', 'Ann END:VEVENT BEGIN:VEVENT ATTENDEE:mailto:evil@example.org'],
      ['mailto:siobhan@example.org', 'Siobhán Ní Bhriain-Ó Súilleabháin of the Friends of St Mary’s Riverside Community Trust'],
      ['mailto:nameless@example.org', undefined],
      ['mailto:eve@example.org%0D%0AX-EVIL:1', 'Eve'],
    ]);
    expect(invite.properties).toEqual([
      'ATTENDEE',
      'DESCRIPTION',
      'DTEND',
      'DTSTAMP',
      'DTSTART',
      'ORGANIZER',
      'SEQUENCE',
      'STATUS',
      'SUMMARY',
      'UID',
      'URL',
      'X-MICROSOFT-CDO-BUSYSTATUS',
    ]);
    // RFC 5545 3.1: lines of at most 75 octets, folded without splitting a character.
    for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line, 'utf8'), line).toBeLessThanOrEqual(75);
  });

  it('still renders a message queued before attendees were recorded: organizer only', async () => {
    const { attendees: _attendees, ...old } = details;
    const invite = parseEverywhere(
      await emailInvite({ kind: 'offer-accepted', data: { ...old, organisationName: 'Riverside Food Bank', sequence: 0, url: URL } }),
    );
    expect(invite).toMatchObject({ method: 'REQUEST', sequence: 0, organizer: ORGANIZER, attendees: [] });
  });

  it.each([
    ['HalfHour <no-reply@halfhour.localhost>', 'no-reply@halfhour.localhost'],
    ['no-reply@halfhour.example', 'no-reply@halfhour.example'],
    ['"HalfHour, sessions" <sessions@halfhour.example>', 'sessions@halfhour.example'],
    ['  HalfHour <Sessions@HalfHour.example>  ', 'Sessions@HalfHour.example'],
  ])('takes the organizer address from the From header %j', (from, address) => {
    expect(senderAddress(from)).toBe(address);
  });
});
