// The meeting sweeps: reminders before a session (24 hours and 1 hour ahead) and, once it has ended, a
// request for feedback to each side that has not given it. Both parties are written to in their own
// time zone, naming the other side, with a link to the meeting's page. Idempotent: every email's dedupe key
// names the meeting and the person (and, for reminders, the start, so a moved meeting is reminded again).
import { DAY_MS } from '@/lib/dates';
import { askContacts, type AskContact } from '@/lib/email/recipients';
import { queueSweepEmails, type SweepEmail } from '@/lib/email/outbox';
import type { MeetingDetails } from '@/lib/email/messages';
import type { Medium } from '@/lib/generated/prisma/enums';
import type { TaskContext } from '@/lib/jobs/task-context';

const HOUR_MS = 3_600_000;
/**
 * A meeting booked less than this long before it starts gets no 24-hour reminder: the booking email
 * has only just arrived. One starting within the hour gets only the 1-hour reminder.
 */
const LATE_BOOKING_MS = 2 * HOUR_MS;
/** Feedback is asked for during the week after a session, not for sessions long past. */
const FEEDBACK_DAYS = 7;
const BATCH = 200;

type Lead = '24h' | '1h';

interface Person {
  id: string;
  email: string;
  name: string | null;
  timeZone: string;
}

interface MeetingRow {
  id: string;
  askId: string;
  startsAt: Date;
  endsAt: Date;
  medium: Medium;
  joinDetails: string | null;
  volunteer: Person & { status: string };
  organisation: { name: string };
  ask: { title: string };
}

const meetingSelect = {
  id: true,
  askId: true,
  startsAt: true,
  endsAt: true,
  medium: true,
  joinDetails: true,
  volunteer: { select: { id: true, email: true, name: true, timeZone: true, status: true } },
  organisation: { select: { name: true } },
  ask: { select: { title: true } },
} as const;

/** Each side of a meeting, with the name of the other side as they should read it. */
interface Party {
  person: Person;
  withName: string;
}

/** The meeting's page (lib/meetings/audience.ts meetingUrl), on the address this sweep runs for. */
function meetingPage(appUrl: string, meetingId: string): string {
  return `${appUrl}/meetings/${meetingId}`;
}

function parties(meeting: MeetingRow, contacts: Map<string, AskContact[]>): Party[] {
  const volunteerName = meeting.volunteer.name?.trim() || 'your volunteer';
  const sides: Party[] = (contacts.get(meeting.askId) ?? []).map((person) => ({ person, withName: volunteerName }));
  if (meeting.volunteer.status === 'ACTIVE') sides.unshift({ person: meeting.volunteer, withName: meeting.organisation.name });
  return sides;
}

function details(meeting: MeetingRow, person: Person, withName: string): MeetingDetails {
  return {
    meetingId: meeting.id,
    askTitle: meeting.ask.title,
    withName,
    startsAt: meeting.startsAt.toISOString(),
    endsAt: meeting.endsAt.toISOString(),
    timeZone: person.timeZone,
    medium: meeting.medium,
    joinDetails: meeting.joinDetails,
  };
}

/** Which reminder a meeting is due, if any: within the hour the 1-hour one; within the day the 24-hour one. */
function leadFor(startsAt: Date, bookedAt: Date, now: Date): Lead | null {
  const until = startsAt.getTime() - now.getTime();
  if (until <= 0 || until > DAY_MS) return null;
  if (until <= HOUR_MS) return '1h';
  return startsAt.getTime() - bookedAt.getTime() > LATE_BOOKING_MS ? '24h' : null;
}

/**
 * SCHEDULED meetings starting within 24 hours: a '24h' reminder (unless booked within two hours of the
 * start, or starting within the hour), and within the hour a '1h' one, to the volunteer and to the
 * charity side. Keys `reminder-24h:<meetingId>:<startsAt ISO>:<userId>` and the same with `reminder-1h`:
 * the start is in the key so a meeting moved after its reminder is reminded again for the new time.
 * queueEmail leaves out people who turned reminders off. Meeting.reminderSentAt records the last one.
 */
export async function sendMeetingReminders({ db, boss, appUrl }: TaskContext, now = new Date()): Promise<{ emails: string[] }> {
  const emails: string[] = [];
  let after: string | undefined;
  for (;;) {
    const meetings = await db.meeting.findMany({
      where: {
        status: 'SCHEDULED',
        startsAt: { gt: now, lte: new Date(now.getTime() + DAY_MS) },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { ...meetingSelect, createdAt: true },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (meetings.length === 0) break;
    after = meetings.at(-1)!.id;
    const due = meetings.flatMap((meeting) => {
      const lead = leadFor(meeting.startsAt, meeting.createdAt, now);
      return lead ? [{ meeting, lead }] : [];
    });
    const contacts = await askContacts(db, [...new Set(due.map(({ meeting }) => meeting.askId))]);
    const requests: Array<SweepEmail & { meetingId: string }> = due.flatMap(({ meeting, lead }) =>
      parties(meeting, contacts).map(({ person, withName }) => ({
        meetingId: meeting.id,
        to: person.email,
        userId: person.id,
        dedupeKey: `reminder-${lead}:${meeting.id}:${meeting.startsAt.toISOString()}:${person.id}`,
        message: {
          kind: 'meeting-reminder' as const,
          data: { ...details(meeting, person, withName), lead, url: meetingPage(appUrl, meeting.id) },
        },
      })),
    );
    const queued = await queueSweepEmails({ db, boss }, requests);
    emails.push(...queued.map((email) => email.outboxId));
    const reminded = [...new Set(queued.map((email) => email.meetingId))];
    if (reminded.length > 0) await db.meeting.updateMany({ where: { id: { in: reminded } }, data: { reminderSentAt: now } });
    if (meetings.length < BATCH) break;
  }
  return { emails };
}

/**
 * Meetings that ended in the last seven days and were not cancelled or missed: a 'feedback-request' to
 * each party who has not given feedback (nor has a colleague, for the charity: one entry per side).
 * Key `feedback-request:<meetingId>:<userId>`.
 */
export async function requestMeetingFeedback({ db, boss, appUrl }: TaskContext, now = new Date()): Promise<{ emails: string[] }> {
  const emails: string[] = [];
  let after: string | undefined;
  for (;;) {
    const meetings = await db.meeting.findMany({
      where: {
        status: { in: ['SCHEDULED', 'HELD'] },
        endsAt: { lte: now, gt: new Date(now.getTime() - FEEDBACK_DAYS * DAY_MS) },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { ...meetingSelect, feedback: { select: { authorId: true, party: true } } },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (meetings.length === 0) break;
    after = meetings.at(-1)!.id;
    const contacts = await askContacts(db, [...new Set(meetings.map((meeting) => meeting.askId))]);
    const requests: SweepEmail[] = meetings.flatMap((meeting) =>
      parties(meeting, contacts)
        .filter(({ person }) => {
          const party = person.id === meeting.volunteer.id ? 'VOLUNTEER' : 'CHARITY';
          return !meeting.feedback.some((given) => given.authorId === person.id || given.party === party);
        })
        .map(({ person, withName }) => ({
          to: person.email,
          userId: person.id,
          dedupeKey: `feedback-request:${meeting.id}:${person.id}`,
          message: {
            kind: 'feedback-request' as const,
            data: {
              meetingId: meeting.id,
              askTitle: meeting.ask.title,
              withName,
              heldAt: meeting.startsAt.toISOString(),
              timeZone: person.timeZone,
              url: meetingPage(appUrl, meeting.id),
            },
          },
        })),
    );
    emails.push(...(await queueSweepEmails({ db, boss }, requests)).map((email) => email.outboxId));
    if (meetings.length < BATCH) break;
  }
  return { emails };
}
