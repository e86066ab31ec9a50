// Reading meetings: everything the meeting page shows, for its two parties and admins only. Contact
// details (both sides' emails, the join details) are read here and nowhere else (docs/decisions/0011).
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { askContacts } from '@/lib/email/recipients';
import type { MeetingParty, MeetingStatus, Prisma } from '@/lib/generated/prisma/client';
import { volunteerDisplayName } from './audience';
import { assertMeetingReader, meetingStateOf, partyMeetingWhere } from './policy';
import { meetingActions, type MeetingActions, type MeetingViewer } from './transitions';

export interface MeetingContact {
  name: string | null;
  email: string;
  /** Why they are listed: the volunteer, the ask's writer, an owner standing in, or who booked it. */
  role: 'volunteer' | 'ask-writer' | 'owner' | 'booker';
}

export interface MeetingMove {
  id: string;
  status: 'PENDING' | 'ACCEPTED' | 'DECLINED' | 'WITHDRAWN' | 'SUPERSEDED';
  proposedByParty: MeetingParty;
  proposedByName: string | null;
  startsAt: Date;
  endsAt: Date;
  previousStartsAt: Date;
  note: string | null;
  createdAt: Date;
  respondedAt: Date | null;
  respondedByName: string | null;
}

export interface MeetingPageData {
  id: string;
  viewer: MeetingViewer;
  status: MeetingStatus;
  sequence: number;
  startsAt: Date;
  endsAt: Date;
  durationMinutes: number;
  medium: Prisma.MeetingGetPayload<{ select: { medium: true } }>['medium'];
  joinDetails: string | null;
  /** The volunteer's own phone number or video link from their offer, when the meeting came from one. */
  offerJoinDetails: string | null;
  /** The viewer's zone, and the other side's (for an admin: the charity's and the volunteer's). */
  viewerZone: string;
  otherZone: string;
  otherZoneLabel: string;
  ask: { id: string; title: string; question: string; outcome: string; context: string | null; prepLink: string | null };
  organisation: { id: string; name: string };
  volunteer: { id: string; name: string; email: string; timeZone: string };
  charityContacts: MeetingContact[];
  pendingMove: MeetingMove | null;
  moves: MeetingMove[];
  cancellation: { at: Date; byName: string | null; byParty: MeetingParty | null; reason: string | null; late: boolean } | null;
  noShowParty: MeetingParty | null;
  charityHeldAt: Date | null;
  volunteerHeldAt: Date | null;
  /** The further catch-up booked from this meeting, and the meeting this one follows up. */
  catchUp: { meetingId: string; startsAt: Date; status: MeetingStatus } | null;
  followsUp: { meetingId: string; startsAt: Date } | null;
  actions: MeetingActions;
}

/** Everything the meeting page shows, as `actor` may see it; AccessDenied for anyone but the parties and admins. */
export async function getMeetingForViewer(actor: Actor, meetingId: string, now = new Date()): Promise<MeetingPageData> {
  const { meeting: base, viewer } = await assertMeetingReader(actor, meetingId);
  const meeting = await db.meeting.findUniqueOrThrow({
    where: { id: base.id },
    select: {
      id: true,
      status: true,
      sequence: true,
      startsAt: true,
      endsAt: true,
      medium: true,
      joinDetails: true,
      noShowParty: true,
      charityHeldAt: true,
      volunteerHeldAt: true,
      cancelledAt: true,
      cancelReason: true,
      cancelledLate: true,
      cancelledById: true,
      cancelledBy: { select: { name: true } },
      ask: { select: { id: true, title: true, question: true, outcome: true, context: true, prepLink: true, timeZone: true } },
      organisation: { select: { id: true, name: true } },
      offer: { select: { joinDetails: true } },
      volunteer: { select: { id: true, name: true, email: true, timeZone: true, volunteerProfile: { select: { timeZone: true } } } },
      bookedBy: { select: { id: true, name: true, email: true, status: true, memberships: { select: { organisationId: true } } } },
      moves: {
        orderBy: { createdAt: 'asc' },
        select: {
          id: true,
          status: true,
          proposedByParty: true,
          proposedBy: { select: { name: true } },
          startsAt: true,
          endsAt: true,
          previousStartsAt: true,
          note: true,
          createdAt: true,
          respondedAt: true,
          respondedBy: { select: { name: true } },
        },
      },
      followUps: {
        where: { kind: 'CATCH_UP' },
        select: { nextMeeting: { select: { id: true, startsAt: true, status: true } } },
      },
      followUpOf: { select: { kind: true, meeting: { select: { id: true, startsAt: true } } } },
    },
  });

  const contacts = (await askContacts(db, [meeting.ask.id])).get(meeting.ask.id) ?? [];
  const charityContacts: MeetingContact[] = contacts.map((contact) => ({
    name: contact.name,
    email: contact.email,
    role: contact.isCreator ? 'ask-writer' : 'owner',
  }));
  const booker = meeting.bookedBy;
  if (
    booker &&
    booker.status === 'ACTIVE' &&
    booker.memberships.some((membership) => membership.organisationId === meeting.organisation.id) &&
    !contacts.some((contact) => contact.id === booker.id)
  ) {
    charityContacts.push({ name: booker.name, email: booker.email, role: 'booker' });
  }

  const volunteerZone = meeting.volunteer.volunteerProfile?.timeZone ?? meeting.volunteer.timeZone;
  // The charity's zone: their contact's account zone, else the zone the ask's windows were written in.
  const charityZone = contacts[0]?.timeZone ?? meeting.ask.timeZone;
  const me = await db.user.findUnique({ where: { id: actor.id }, select: { timeZone: true } });
  const viewerZone =
    viewer === 'VOLUNTEER' ? volunteerZone : viewer === 'CHARITY' ? (me?.timeZone ?? charityZone) : (me?.timeZone ?? charityZone);
  const [otherZone, otherZoneLabel] =
    viewer === 'VOLUNTEER' ? [charityZone, meeting.organisation.name] : [volunteerZone, volunteerDisplayName(meeting.volunteer.name)];

  const moves: MeetingMove[] = meeting.moves.map((move) => ({
    id: move.id,
    status: move.status,
    proposedByParty: move.proposedByParty,
    proposedByName: move.proposedBy?.name ?? null,
    startsAt: move.startsAt,
    endsAt: move.endsAt,
    previousStartsAt: move.previousStartsAt,
    note: move.note,
    createdAt: move.createdAt,
    respondedAt: move.respondedAt,
    respondedByName: move.respondedBy?.name ?? null,
  }));

  const state = await meetingStateOf(db, base, now);
  const catchUpMeeting = meeting.followUps[0]?.nextMeeting ?? null;
  const origin = meeting.followUpOf?.kind === 'CATCH_UP' ? meeting.followUpOf.meeting : null;

  return {
    id: meeting.id,
    viewer,
    status: meeting.status,
    sequence: meeting.sequence,
    startsAt: meeting.startsAt,
    endsAt: meeting.endsAt,
    durationMinutes: Math.round((meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000),
    medium: meeting.medium,
    joinDetails: meeting.joinDetails,
    offerJoinDetails: meeting.offer?.joinDetails ?? null,
    viewerZone,
    otherZone,
    otherZoneLabel,
    ask: {
      id: meeting.ask.id,
      title: meeting.ask.title,
      question: meeting.ask.question,
      outcome: meeting.ask.outcome,
      context: meeting.ask.context,
      prepLink: meeting.ask.prepLink,
    },
    organisation: meeting.organisation,
    volunteer: {
      id: meeting.volunteer.id,
      name: volunteerDisplayName(meeting.volunteer.name),
      email: meeting.volunteer.email,
      timeZone: volunteerZone,
    },
    charityContacts,
    pendingMove: moves.find((move) => move.status === 'PENDING') ?? null,
    moves,
    cancellation: meeting.cancelledAt
      ? {
          at: meeting.cancelledAt,
          byName: meeting.cancelledBy?.name ?? null,
          byParty: meeting.cancelledById ? (meeting.cancelledById === meeting.volunteer.id ? 'VOLUNTEER' : 'CHARITY') : null,
          reason: meeting.cancelReason,
          late: meeting.cancelledLate,
        }
      : null,
    noShowParty: meeting.noShowParty,
    charityHeldAt: meeting.charityHeldAt,
    volunteerHeldAt: meeting.volunteerHeldAt,
    catchUp: catchUpMeeting ? { meetingId: catchUpMeeting.id, startsAt: catchUpMeeting.startsAt, status: catchUpMeeting.status } : null,
    followsUp: origin ? { meetingId: origin.id, startsAt: origin.startsAt } : null,
    actions: meetingActions(state, viewer, now),
  };
}

export interface MeetingListItem {
  id: string;
  status: MeetingStatus;
  startsAt: Date;
  endsAt: Date;
  askTitle: string;
  withName: string;
  party: MeetingParty;
}

/**
 * The actor's own meetings (as volunteer or as staff of any of their organisations), upcoming (not yet
 * ended, soonest first) or past (latest first), for the dashboard. Never anyone else's.
 */
export async function listMeetingsFor(
  actor: Actor,
  { when, take = 20 }: { when: 'upcoming' | 'past'; take?: number },
  now = new Date(),
): Promise<MeetingListItem[]> {
  assertActive(actor);
  if (when !== 'upcoming' && when !== 'past') throw new AccessDenied();
  const meetings = await db.meeting.findMany({
    where: {
      AND: [
        partyMeetingWhere(actor),
        when === 'upcoming'
          ? { status: 'SCHEDULED', endsAt: { gt: now } }
          : { OR: [{ endsAt: { lte: now } }, { status: { not: 'SCHEDULED' } }] },
      ],
    },
    orderBy: { startsAt: when === 'upcoming' ? 'asc' : 'desc' },
    take: Math.min(Math.max(take, 1), 100),
    select: {
      id: true,
      status: true,
      startsAt: true,
      endsAt: true,
      volunteerId: true,
      ask: { select: { title: true } },
      organisation: { select: { name: true } },
      volunteer: { select: { name: true } },
    },
  });
  return meetings.map((meeting) => {
    const party: MeetingParty = meeting.volunteerId === actor.id ? 'VOLUNTEER' : 'CHARITY';
    return {
      id: meeting.id,
      status: meeting.status,
      startsAt: meeting.startsAt,
      endsAt: meeting.endsAt,
      askTitle: meeting.ask.title,
      withName: party === 'VOLUNTEER' ? meeting.organisation.name : volunteerDisplayName(meeting.volunteer.name),
      party,
    };
  });
}
