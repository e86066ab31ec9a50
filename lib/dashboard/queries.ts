// What /dashboard shows. Staff: for every organisation they belong to, open asks with offers waiting,
// upcoming sessions, sessions owed feedback and practice checks waiting. Volunteers: invitations waiting
// for their answer, their offers, upcoming sessions, feedback owed and this month's capacity. Each list is one bounded, indexed query
// (no per-row queries); times are returned as instants and shown in the viewer's zone by the page.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { openAskWhere } from '@/lib/asks/policy';
import { db } from '@/lib/db';
import type { MeetingParty, MeetingStatus, OfferStatus } from '@/lib/generated/prisma/client';
import { volunteerLoad, type VolunteerLoad } from '@/lib/offers/capacity';

const DAY_MS = 86_400_000;
/** Feedback is asked for sessions in this window; after that a missing one stops being a to-do. */
export const FEEDBACK_OWED_DAYS = 60;
/** The most rows any one list shows. */
export const DASHBOARD_LIST_LIMIT = 10;
const OFFER_LIST_LIMIT = 30;

export interface DashboardMeeting {
  id: string;
  askTitle: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  /** The other side as the viewer reads it: the volunteer's name for staff, the organisation's for volunteers. */
  withName: string | null;
  organisationName: string;
  /** The session is over and nobody has marked it held yet. */
  needsMarking: boolean;
  /** A new time is waiting for an answer: from the viewer's side ('ours') or from the other ('theirs'). */
  pendingMove: 'ours' | 'theirs' | null;
}

export interface StaffDashboard {
  asksWithOffers: Array<{ id: string; title: string; organisationName: string; deadline: Date; pendingOffers: number }>;
  upcoming: DashboardMeeting[];
  feedbackOwed: DashboardMeeting[];
  /** Sessions of the last 60 days that are over (held, missed, unmarked) or were cancelled. */
  recent: DashboardMeeting[];
  practiceChecks: Array<{
    id: string;
    meetingId: string;
    askTitle: string;
    volunteerName: string | null;
    organisationName: string;
    heldAt: Date;
  }>;
}

export interface DashboardInvitation {
  id: string;
  askId: string;
  askTitle: string;
  organisationName: string;
  /** The staff member's own line, if they wrote one. */
  message: string | null;
  invitedByName: string | null;
  createdAt: Date;
  deadline: Date;
}

export interface VolunteerDashboard {
  timeZone: string;
  /** Invitations waiting for an answer, on asks still open for offers; oldest first. */
  invitations: DashboardInvitation[];
  offers: Array<{
    id: string;
    askId: string;
    askTitle: string;
    organisationName: string;
    status: OfferStatus;
    createdAt: Date;
    meetingId: string | null;
  }>;
  upcoming: DashboardMeeting[];
  feedbackOwed: DashboardMeeting[];
  recent: DashboardMeeting[];
  load: VolunteerLoad;
}

const meetingSelect = {
  id: true,
  startsAt: true,
  endsAt: true,
  status: true,
  ask: { select: { title: true } },
  volunteer: { select: { name: true } },
  organisation: { select: { name: true } },
  // MeetingReschedule_one_pending_per_meeting: at most one row.
  moves: { where: { status: 'PENDING' as const }, select: { proposedByParty: true }, take: 1 },
} as const;

type MeetingRow = {
  id: string;
  startsAt: Date;
  endsAt: Date;
  status: MeetingStatus;
  ask: { title: string };
  volunteer: { name: string | null };
  organisation: { name: string };
  moves: Array<{ proposedByParty: MeetingParty }>;
};

function toMeeting(row: MeetingRow, viewer: 'CHARITY' | 'VOLUNTEER', now: Date): DashboardMeeting {
  return {
    id: row.id,
    askTitle: row.ask.title,
    startsAt: row.startsAt,
    endsAt: row.endsAt,
    status: row.status,
    withName: viewer === 'CHARITY' ? row.volunteer.name : row.organisation.name,
    organisationName: row.organisation.name,
    needsMarking: row.status === 'SCHEDULED' && row.endsAt <= now,
    pendingMove: row.moves[0] ? (row.moves[0].proposedByParty === viewer ? 'ours' : 'theirs') : null,
  };
}

/**
 * Sessions owed feedback: recent, without this side's feedback, and either held or over without anyone
 * marking them held (those are asked to say whether it took place first). A session still going on is
 * under "upcoming", not here.
 */
function feedbackOwedWhere(now: Date) {
  return {
    startsAt: { gte: new Date(now.getTime() - FEEDBACK_OWED_DAYS * DAY_MS), lte: now },
    OR: [{ status: 'HELD' as const }, { status: 'SCHEDULED' as const, endsAt: { lte: now } }],
  };
}

/**
 * Sessions of the last 60 days that are over (held, missed, or ended unmarked), and cancelled ones
 * from then on, future ones included: what happened, for the record, newest first.
 */
function recentWhere(now: Date) {
  const since = new Date(now.getTime() - FEEDBACK_OWED_DAYS * DAY_MS);
  return {
    startsAt: { gte: since },
    OR: [
      { status: 'CANCELLED' as const },
      { status: { in: ['HELD' as const, 'NO_SHOW' as const] }, startsAt: { lte: now } },
      { status: 'SCHEDULED' as const, endsAt: { lte: now } },
    ],
  };
}

/** The staff view across every organisation the actor belongs to; empty lists when they belong to none. */
export async function staffDashboard(actor: Actor, now = new Date()): Promise<StaffDashboard> {
  assertActive(actor);
  const memberships = await db.membership.findMany({ where: { userId: actor.id }, select: { organisationId: true } });
  const organisationIds = memberships.map((membership) => membership.organisationId);
  if (organisationIds.length === 0) return { asksWithOffers: [], upcoming: [], feedbackOwed: [], recent: [], practiceChecks: [] };
  const inMyOrganisations = { organisationId: { in: organisationIds } };

  const [asks, upcoming, owed, recent, checks] = await Promise.all([
    // Ask(organisationId, status), then Offer's unique (askId, volunteerId) for the count.
    db.ask.findMany({
      where: { ...inMyOrganisations, status: 'OPEN', offers: { some: { status: 'PENDING' } } },
      select: {
        id: true,
        title: true,
        deadline: true,
        organisation: { select: { name: true } },
        _count: { select: { offers: { where: { status: 'PENDING' } } } },
      },
      orderBy: [{ deadline: 'asc' }, { id: 'asc' }],
      take: DASHBOARD_LIST_LIMIT,
    }),
    // Meeting(organisationId, startsAt).
    db.meeting.findMany({
      where: { ...inMyOrganisations, status: 'SCHEDULED', endsAt: { gt: now } },
      select: meetingSelect,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: DASHBOARD_LIST_LIMIT,
    }),
    db.meeting.findMany({
      where: { ...inMyOrganisations, ...feedbackOwedWhere(now), feedback: { none: { party: 'CHARITY' } } },
      select: meetingSelect,
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take: DASHBOARD_LIST_LIMIT,
    }),
    db.meeting.findMany({
      where: { ...inMyOrganisations, ...recentWhere(now) },
      select: meetingSelect,
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take: DASHBOARD_LIST_LIMIT,
    }),
    // FollowUp(status, dueAt).
    db.followUp.findMany({
      where: {
        kind: 'PRACTICE_CHECK',
        status: 'PENDING',
        dueAt: { lte: now },
        meeting: { ...inMyOrganisations, status: { in: ['HELD', 'SCHEDULED'] } },
      },
      select: { id: true, meeting: { select: meetingSelect } },
      orderBy: [{ dueAt: 'asc' }, { id: 'asc' }],
      take: DASHBOARD_LIST_LIMIT,
    }),
  ]);

  return {
    asksWithOffers: asks.map((ask) => ({
      id: ask.id,
      title: ask.title,
      organisationName: ask.organisation.name,
      deadline: ask.deadline,
      pendingOffers: ask._count.offers,
    })),
    upcoming: upcoming.map((row) => toMeeting(row, 'CHARITY', now)),
    feedbackOwed: owed.map((row) => toMeeting(row, 'CHARITY', now)),
    recent: recent.map((row) => toMeeting(row, 'CHARITY', now)),
    practiceChecks: checks.map((check) => ({
      id: check.id,
      meetingId: check.meeting.id,
      askTitle: check.meeting.ask.title,
      volunteerName: check.meeting.volunteer.name,
      organisationName: check.meeting.organisation.name,
      heldAt: check.meeting.startsAt,
    })),
  };
}

/** The volunteer view of the actor's own invitations, offers and sessions; null when they have no volunteer profile. */
export async function volunteerDashboard(actor: Actor, now = new Date()): Promise<VolunteerDashboard | null> {
  assertActive(actor);
  const profile = await db.volunteerProfile.findUnique({ where: { userId: actor.id }, select: { timeZone: true } });
  if (!profile) return null;
  const mine = { volunteerId: actor.id };

  const [invitations, offers, upcoming, owed, recent, load] = await Promise.all([
    // Invitation(volunteerId, status).
    db.invitation.findMany({
      where: { ...mine, status: 'PENDING', ask: openAskWhere(now) },
      select: {
        id: true,
        askId: true,
        message: true,
        createdAt: true,
        invitedBy: { select: { name: true } },
        ask: { select: { title: true, deadline: true, organisation: { select: { name: true } } } },
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: DASHBOARD_LIST_LIMIT,
    }),
    // Offer(volunteerId, status).
    db.offer.findMany({
      where: mine,
      select: {
        id: true,
        askId: true,
        status: true,
        createdAt: true,
        ask: { select: { title: true, organisation: { select: { name: true } } } },
        meeting: { select: { id: true } },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: OFFER_LIST_LIMIT,
    }),
    // Meeting(volunteerId, startsAt).
    db.meeting.findMany({
      where: { ...mine, status: 'SCHEDULED', endsAt: { gt: now } },
      select: meetingSelect,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      take: DASHBOARD_LIST_LIMIT,
    }),
    db.meeting.findMany({
      where: { ...mine, ...feedbackOwedWhere(now), feedback: { none: { party: 'VOLUNTEER' } } },
      select: meetingSelect,
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take: DASHBOARD_LIST_LIMIT,
    }),
    db.meeting.findMany({
      where: { ...mine, ...recentWhere(now) },
      select: meetingSelect,
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take: DASHBOARD_LIST_LIMIT,
    }),
    volunteerLoad(db, actor.id, now),
  ]);

  return {
    timeZone: profile.timeZone,
    invitations: invitations.map((invitation) => ({
      id: invitation.id,
      askId: invitation.askId,
      askTitle: invitation.ask.title,
      organisationName: invitation.ask.organisation.name,
      message: invitation.message,
      invitedByName: invitation.invitedBy?.name?.trim() || null,
      createdAt: invitation.createdAt,
      deadline: invitation.ask.deadline,
    })),
    offers: offers.map((offer) => ({
      id: offer.id,
      askId: offer.askId,
      askTitle: offer.ask.title,
      organisationName: offer.ask.organisation.name,
      status: offer.status,
      createdAt: offer.createdAt,
      meetingId: offer.meeting?.id ?? null,
    })),
    upcoming: upcoming.map((row) => toMeeting(row, 'VOLUNTEER', now)),
    feedbackOwed: owed.map((row) => toMeeting(row, 'VOLUNTEER', now)),
    recent: recent.map((row) => toMeeting(row, 'VOLUNTEER', now)),
    load,
  };
}
