// The meeting's .ics as a calendar app reads it (parsed with ical.js): one UID for every version, SEQUENCE
// from the meeting, REQUEST while it stands and CANCEL once cancelled, and the right instants either side
// of the UK clock changes (29 March and 25 October 2026).
import ICAL from 'ical.js';
import { describe, expect, it, vi } from 'vitest';
import { zonedTimeToUtc } from '@/lib/time-zones';

// buildMeetingCalendar is pure; its module also holds the database read, which these tests never call.
vi.mock('@/lib/db', () => ({ db: {} }));

const { buildMeetingCalendar, CALENDAR_FILENAME } = await import('@/lib/meetings/calendar');
type CalendarMeeting = Parameters<typeof buildMeetingCalendar>[0];

const URL = 'https://halfhour.test/meetings/meeting-abc';
const SENDER = 'HalfHour <no-reply@halfhour.test>';

function meeting(overrides: Partial<CalendarMeeting> = {}): CalendarMeeting {
  const startsAt = zonedTimeToUtc('2026-03-29', '09:30', 'Europe/London');
  return {
    id: 'meeting-abc',
    status: 'SCHEDULED',
    sequence: 0,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 30 * 60_000),
    medium: 'VIDEO',
    joinDetails: 'https://meet.example/abc',
    askTitle: 'Check our cashbook',
    withName: 'Riverside Food Bank',
    changedAt: new Date('2026-03-01T12:00:00Z'),
    attendees: [
      { name: 'Dev Patel', email: 'dev@example.org' },
      { name: 'Jo Owner', email: 'jo@riverside.example' },
    ],
    ...overrides,
  };
}

function parse(content: string) {
  const calendar = new ICAL.Component(ICAL.parse(content));
  const vevent = calendar.getFirstSubcomponent('vevent')!;
  const event = new ICAL.Event(vevent);
  return {
    method: calendar.getFirstPropertyValue('method'),
    uid: event.uid,
    sequence: event.sequence,
    status: vevent.getFirstPropertyValue('status'),
    start: event.startDate.toJSDate(),
    end: event.endDate.toJSDate(),
    description: String(vevent.getFirstPropertyValue('description') ?? ''),
  };
}

describe('the meeting calendar file', () => {
  it('is a REQUEST with the current sequence while the meeting stands', () => {
    const file = buildMeetingCalendar(meeting({ sequence: 2 }), URL, SENDER);
    expect(file.filename).toBe(CALENDAR_FILENAME);
    expect(file.method).toBe('REQUEST');
    const event = parse(file.content);
    expect(event).toMatchObject({ method: 'REQUEST', uid: 'meeting-meeting-abc@halfhour', sequence: 2, status: 'CONFIRMED' });
    expect(event.description).toContain('https://meet.example/abc');
  });

  it('keeps one UID across a move, with the sequence raised, so the calendar updates the same event', () => {
    const first = parse(buildMeetingCalendar(meeting(), URL, SENDER).content);
    const movedStart = zonedTimeToUtc('2026-04-02', '14:00', 'Europe/London');
    const moved = parse(
      buildMeetingCalendar(
        meeting({ sequence: 1, startsAt: movedStart, endsAt: new Date(movedStart.getTime() + 30 * 60_000) }),
        URL,
        SENDER,
      ).content,
    );
    expect(moved.uid).toBe(first.uid);
    expect(moved.sequence).toBe(first.sequence + 1);
    expect(moved.start.toISOString()).toBe('2026-04-02T13:00:00.000Z');
  });

  it('is a CANCEL with STATUS:CANCELLED once the meeting is cancelled, and no longer says how to join', () => {
    const file = buildMeetingCalendar(meeting({ status: 'CANCELLED', sequence: 3 }), URL, SENDER);
    expect(file.method).toBe('CANCEL');
    const event = parse(file.content);
    expect(event).toMatchObject({ method: 'CANCEL', uid: 'meeting-meeting-abc@halfhour', sequence: 3, status: 'CANCELLED' });
    expect(event.description).not.toContain('https://meet.example/abc');
  });

  it('downloads the same bytes twice for the same version', () => {
    expect(buildMeetingCalendar(meeting(), URL, SENDER).content).toBe(buildMeetingCalendar(meeting(), URL, SENDER).content);
  });

  it.each([
    // 29 March 2026: clocks go forward at 01:00 GMT. 09:30 BST is 08:30 UTC.
    {
      label: 'after the March change',
      date: '2026-03-29',
      time: '09:30',
      minutes: 30,
      start: '2026-03-29T08:30:00.000Z',
      end: '2026-03-29T09:00:00.000Z',
    },
    // 00:30 GMT for an hour ends at 02:30 BST: one real hour across the change.
    {
      label: 'across the March change',
      date: '2026-03-29',
      time: '00:30',
      minutes: 60,
      start: '2026-03-29T00:30:00.000Z',
      end: '2026-03-29T01:30:00.000Z',
    },
    {
      label: 'the day before the March change',
      date: '2026-03-28',
      time: '09:30',
      minutes: 30,
      start: '2026-03-28T09:30:00.000Z',
      end: '2026-03-28T10:00:00.000Z',
    },
    // 25 October 2026: clocks go back at 02:00 BST. 09:30 GMT is 09:30 UTC.
    {
      label: 'after the October change',
      date: '2026-10-25',
      time: '09:30',
      minutes: 30,
      start: '2026-10-25T09:30:00.000Z',
      end: '2026-10-25T10:00:00.000Z',
    },
    // 01:30 happens twice that night; the first (BST) is meant. An hour later is 01:30 GMT.
    {
      label: 'across the October change',
      date: '2026-10-25',
      time: '01:30',
      minutes: 60,
      start: '2026-10-25T00:30:00.000Z',
      end: '2026-10-25T01:30:00.000Z',
    },
    {
      label: 'the day before the October change',
      date: '2026-10-24',
      time: '09:30',
      minutes: 45,
      start: '2026-10-24T08:30:00.000Z',
      end: '2026-10-24T09:15:00.000Z',
    },
  ])('puts DTSTART and DTEND at the right instants $label (Europe/London)', ({ date, time, minutes, start, end }) => {
    const startsAt = zonedTimeToUtc(date, time, 'Europe/London');
    const event = parse(
      buildMeetingCalendar(meeting({ startsAt, endsAt: new Date(startsAt.getTime() + minutes * 60_000) }), URL, SENDER).content,
    );
    expect(event.start.toISOString()).toBe(start);
    expect(event.end.toISOString()).toBe(end);
    expect(event.end.getTime() - event.start.getTime()).toBe(minutes * 60_000);
  });
});
