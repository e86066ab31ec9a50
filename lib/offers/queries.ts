// Reading offers: the volunteer's offer form (or their offer) on an ask, the staff's side-by-side
// comparison of an ask's offers, and a volunteer's own offers. Contact details (email addresses, join
// details) are never read here: they appear only on the meeting page once an offer is accepted.
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { parseAvailability } from '@/lib/asks/availability';
import { PUBLIC_ASK_STATUSES, staffAskWhere } from '@/lib/asks/policy';
import { db } from '@/lib/db';
import type { SkillLevel } from '@/lib/generated/prisma/enums';
import { blocksBetween } from '@/lib/blocks/policy';
import { myInvitationTo } from '@/lib/invitations/queries';
import { volunteerLoad } from './capacity';
import { offerRefusal } from './policy';
import { describeWindowsForVolunteer } from './times';

const timesSelect = { select: { id: true, startsAt: true, endsAt: true }, orderBy: { startsAt: 'asc' } } as const;

/**
 * What /asks/[id]/offer shows: the ask, its windows in the volunteer's zone, the staff's invitation (when
 * they were invited), and either the volunteer's offer on it or whether they may offer (with the reason when not). Null when there is no such published ask.
 */
export async function getOfferForm(actor: Actor, askId: string, now = new Date()) {
  assertActive(actor);
  const ask = await db.ask.findFirst({
    where: {
      id: askId,
      publishedAt: { not: null },
      // What anyone may read (lib/asks/policy.ts), or an ask the volunteer offered on, whatever became of it.
      OR: [{ organisationVerified: true, status: { in: [...PUBLIC_ASK_STATUSES] } }, { offers: { some: { volunteerId: actor.id } } }],
    },
    select: {
      id: true,
      title: true,
      question: true,
      status: true,
      deadline: true,
      publishedAt: true,
      organisationVerified: true,
      organisationId: true,
      media: true,
      location: true,
      availability: true,
      timeZone: true,
      durationMinutes: true,
      organisation: { select: { name: true } },
    },
  });
  if (!ask) return null;
  const [profile, membership, offer, load, invitation, blocks] = await Promise.all([
    db.volunteerProfile.findUnique({ where: { userId: actor.id }, select: { timeZone: true } }),
    db.membership.findFirst({ where: { userId: actor.id, organisationId: ask.organisationId }, select: { id: true } }),
    db.offer.findUnique({
      where: { askId_volunteerId: { askId, volunteerId: actor.id } },
      select: {
        id: true,
        status: true,
        message: true,
        medium: true,
        joinDetails: true,
        createdAt: true,
        declineNote: true,
        withdrawnBecause: true,
        times: timesSelect,
        meeting: { select: { id: true } },
      },
    }),
    // An invitation to this ask holds the place its offer would take, so it does not count against offering here.
    volunteerLoad(db, actor.id, now, { exceptInvitationTo: askId }),
    myInvitationTo(actor, askId),
    blocksBetween(db, ask.organisationId, actor.id),
  ]);
  const volunteerZone = profile?.timeZone ?? 'Europe/London';
  const refusal = offer
    ? null
    : offerRefusal({ hasProfile: profile !== null, ask, ownOrganisation: membership !== null, blocks, load, now });
  return {
    ask,
    volunteerZone,
    windows: describeWindowsForVolunteer(parseAvailability(ask.availability), ask.timeZone, volunteerZone, now),
    offer,
    refusal,
    load,
    /** The staff's invitation to this volunteer, with their line; null when they came by themselves. */
    invitation,
    /** The volunteer may block the ask's organisation here: not their own, and not blocked by them already. */
    mayBlockOrganisation: membership === null && !blocks.byVolunteer,
  };
}

export type OfferFormContext = NonNullable<Awaited<ReturnType<typeof getOfferForm>>>;

const LEVEL_ORDER: Record<SkillLevel, number> = { EXPERT: 0, EXPERIENCED: 1, WORKING: 2 };

/**
 * An ask's offers for its organisation's staff to compare: each volunteer's headline, skills with
 * levels, sessions given (HELD meetings), rating (the average of charities' feedback), message, medium
 * and times. Waiting offers first. AccessDenied for anyone who is not staff of the ask's organisation.
 */
export async function listOffersForStaff(actor: Actor, askId: string) {
  assertActive(actor);
  const ask = await db.ask.findFirst({
    where: staffAskWhere(actor, askId),
    select: {
      id: true,
      organisationId: true,
      title: true,
      status: true,
      timeZone: true,
      durationMinutes: true,
      media: true,
      location: true,
      deadline: true,
    },
  });
  if (!ask) throw new AccessDenied();
  const [offers, meeting] = await Promise.all([
    db.offer.findMany({
      where: { askId },
      select: {
        id: true,
        status: true,
        message: true,
        hiddenAt: true,
        medium: true,
        createdAt: true,
        respondedAt: true,
        declineReason: true,
        withdrawnBecause: true,
        volunteerId: true,
        volunteer: {
          select: {
            name: true,
            volunteerProfile: {
              select: {
                headline: true,
                hiddenAt: true,
                skills: { select: { level: true, skill: { select: { slug: true, name: true } } } },
              },
            },
          },
        },
        times: timesSelect,
      },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: 100,
    }),
    db.meeting.findFirst({
      where: { askId, status: { not: 'CANCELLED' } },
      select: { id: true, startsAt: true, status: true },
      orderBy: { createdAt: 'desc' },
    }),
  ]);
  const volunteerIds = [...new Set(offers.map((offer) => offer.volunteerId))];
  const [held, ratings] = await Promise.all([
    volunteerIds.length
      ? db.meeting.groupBy({ by: ['volunteerId'], where: { volunteerId: { in: volunteerIds }, status: 'HELD' }, _count: { _all: true } })
      : [],
    volunteerIds.length
      ? db.$queryRaw<Array<{ volunteerId: string; average: number | null; count: number }>>`
          SELECT m."volunteerId", AVG(f."rating")::float8 AS "average", COUNT(f."rating")::int AS "count"
            FROM "Feedback" f JOIN "Meeting" m ON m."id" = f."meetingId"
           WHERE f."party" = 'CHARITY' AND f."rating" IS NOT NULL AND m."volunteerId" = ANY(${volunteerIds})
           GROUP BY m."volunteerId"`
      : [],
  ]);
  const sessions = new Map(held.map((row) => [row.volunteerId, row._count._all]));
  const rated = new Map(ratings.map((row) => [row.volunteerId, row]));
  const rows = offers.map(({ volunteer, volunteerId, ...offer }) => ({
    ...offer,
    /** For staff's forms on the card (blocking, lib/blocks): bound to a server action, never shown. */
    volunteerId,
    volunteerName: volunteer.name?.trim() || 'A volunteer',
    // Hidden by an admin after a report (lib/reports): staff read that it was hidden, never the words.
    message: offer.hiddenAt ? '' : offer.message,
    headline: volunteer.volunteerProfile?.hiddenAt ? null : (volunteer.volunteerProfile?.headline ?? null),
    skills: [...(volunteer.volunteerProfile?.skills ?? [])]
      .sort((a, b) => LEVEL_ORDER[a.level] - LEVEL_ORDER[b.level] || a.skill.name.localeCompare(b.skill.name))
      .map((entry) => ({ slug: entry.skill.slug, name: entry.skill.name, level: entry.level })),
    sessionsGiven: sessions.get(volunteerId) ?? 0,
    rating: rated.get(volunteerId)?.count
      ? { average: Number(rated.get(volunteerId)!.average), count: Number(rated.get(volunteerId)!.count) }
      : null,
  }));
  rows.sort((a, b) => Number(b.status === 'PENDING') - Number(a.status === 'PENDING'));
  return { ask, offers: rows, meeting };
}

export type StaffOffer = Awaited<ReturnType<typeof listOffersForStaff>>['offers'][number];

/** For the ask's own page: how many offers wait, and the booked meeting once matched. */
export async function offerSummaryForStaff(actor: Actor, askId: string) {
  assertActive(actor);
  const [pending, meeting] = await Promise.all([
    db.offer.count({ where: { askId, status: 'PENDING', ask: staffAskWhere(actor) } }),
    db.meeting.findFirst({
      where: { askId, status: { not: 'CANCELLED' }, ask: staffAskWhere(actor) },
      select: { id: true, startsAt: true },
      orderBy: { createdAt: 'desc' },
    }),
  ]);
  return { pending, meeting };
}

/** The volunteer's own offers, newest first, with the ask and (once accepted) the meeting. */
export async function listMyOffers(actor: Actor) {
  assertActive(actor);
  return db.offer.findMany({
    where: { volunteerId: actor.id },
    select: {
      id: true,
      status: true,
      medium: true,
      createdAt: true,
      respondedAt: true,
      declineNote: true,
      times: timesSelect,
      ask: { select: { id: true, title: true, timeZone: true, organisation: { select: { name: true } } } },
      meeting: { select: { id: true, startsAt: true, status: true } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 100,
  });
}
