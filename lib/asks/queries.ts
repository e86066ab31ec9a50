// Reads of asks: the public pages (the newest open asks, one ask's detail, a project) and the staff's
// own ("my asks", one ask with its history). Browsing and search live in lib/asks/browse.ts.
import 'server-only';
import { auditPeople } from '@/lib/audit/people';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { AskCardData } from './browse';
import { openAskWhere } from './listed';
import { publicAskWhere, staffAskWhere } from './policy';

const askCardSelect = {
  id: true,
  title: true,
  question: true,
  durationMinutes: true,
  media: true,
  deadline: true,
  publishedAt: true,
  organisation: { select: { name: true, region: true } },
  skills: { select: { skill: { select: { slug: true, name: true } } }, orderBy: { skill: { name: 'asc' } } },
} satisfies Prisma.AskSelect;

/**
 * Offers waiting on each ask, counted for just these asks with the Offer(askId, ...) index. (Prisma's
 * filtered `_count` aggregates the whole Offer table before joining, which is slow at scale.)
 */
export async function countPendingOffers(askIds: string[]): Promise<Map<string, number>> {
  if (askIds.length === 0) return new Map();
  const rows = await db.offer.groupBy({ by: ['askId'], where: { askId: { in: askIds }, status: 'PENDING' }, _count: true });
  return new Map(rows.map((row) => [row.askId, row._count]));
}

/** The newest open asks, for the home page, in the browse list's card shape. */
export async function listLatestOpenAsks(count: number, now = new Date()): Promise<AskCardData[]> {
  const asks = await db.ask.findMany({
    where: openAskWhere(now),
    select: askCardSelect,
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
    take: count,
  });
  const offers = await countPendingOffers(asks.map((ask) => ask.id));
  return asks.map((ask) => ({ ...ask, _count: { offers: offers.get(ask.id) ?? 0 } }));
}

/** What an ask says and how it is to be answered: read for its page, for the moderation queue and for the coach. */
export const askContentSelect = {
  id: true,
  title: true,
  question: true,
  outcome: true,
  context: true,
  prepLink: true,
  durationMinutes: true,
  media: true,
} satisfies Prisma.AskSelect;

const askDetailSelect = {
  ...askContentSelect,
  location: true,
  availability: true,
  timeZone: true,
  deadline: true,
  status: true,
  publishedAt: true,
  stage: true,
  organisation: {
    // vouchedAt: an admin vouched for it (a community group with no registration number): a "Vouched" badge.
    // hiddenAt: its description hidden by an admin after a report (lib/reports).
    select: {
      id: true,
      name: true,
      type: true,
      region: true,
      sizeBand: true,
      causeAreas: true,
      description: true,
      website: true,
      vouchedAt: true,
      hiddenAt: true,
    },
  },
  project: {
    select: {
      id: true,
      title: true,
      asks: {
        where: publicAskWhere(),
        select: { id: true, title: true, stage: true, status: true },
        orderBy: { stage: 'asc' },
      },
    },
  },
  skills: {
    select: { skill: { select: { slug: true, name: true, category: { select: { name: true } } } } },
    orderBy: { skill: { name: 'asc' } },
  },
} satisfies Prisma.AskSelect;

export type PublicAsk = Prisma.AskGetPayload<{ select: typeof askDetailSelect }> & { _count: { offers: number } };

/** One ask as anyone may see it, or null when it does not exist or is not public. */
export async function getPublicAsk(id: string): Promise<PublicAsk | null> {
  const [ask, pending] = await Promise.all([
    db.ask.findFirst({ where: { id, ...publicAskWhere() }, select: askDetailSelect }),
    db.offer.count({ where: { askId: id, status: 'PENDING' } }),
  ]);
  return ask ? { ...ask, _count: { offers: pending } } : null;
}

// ---------------------------------------------------------------- staff of the asking organisation

/** Every ask of the actor's organisations, most recently changed first: "my asks". */
export async function listMyAsks(actor: Actor) {
  assertActive(actor);
  const asks = await db.ask.findMany({
    where: staffAskWhere(actor),
    select: {
      id: true,
      title: true,
      status: true,
      deadline: true,
      qualityScore: true,
      moderationNote: true,
      updatedAt: true,
      stage: true,
      organisation: { select: { id: true, name: true, status: true } },
      project: { select: { id: true, title: true } },
    },
    orderBy: [{ updatedAt: 'desc' }, { id: 'asc' }],
    take: 200,
  });
  const offers = await countPendingOffers(asks.map((ask) => ask.id));
  return asks.map((ask) => ({ ...ask, _count: { offers: offers.get(ask.id) ?? 0 } }));
}

export type MyAsk = Awaited<ReturnType<typeof listMyAsks>>[number];

/** One ask as its organisation's staff see it: everything, with its history and offers; null for anyone else. */
export async function getAskForStaff(actor: Actor, askId: string) {
  assertActive(actor);
  const ask = await db.ask.findFirst({
    where: staffAskWhere(actor, askId),
    select: {
      ...askDetailSelect,
      prepLink: true,
      version: true,
      qualityScore: true,
      moderationNote: true,
      moderatedAt: true,
      hiddenAt: true,
      hiddenReason: true,
      submittedAt: true,
      organisationId: true,
      projectId: true,
      organisation: { select: { ...askDetailSelect.organisation.select, id: true, status: true } },
      project: {
        select: {
          id: true,
          title: true,
          asks: { select: { id: true, title: true, stage: true, status: true }, orderBy: [{ stage: 'asc' }, { createdAt: 'asc' }] },
        },
      },
      skills: {
        select: { skill: { select: { slug: true, name: true, category: { select: { name: true } } } } },
        orderBy: { skill: { name: 'asc' } },
      },
      offers: {
        select: {
          id: true,
          message: true,
          hiddenAt: true,
          status: true,
          withdrawnBecause: true, // BLOCKED: staff blocked the volunteer (lib/blocks), not the volunteer's own withdrawal
          createdAt: true,
          volunteerId: true,
          volunteer: { select: { name: true, volunteerProfile: { select: { headline: true, hiddenAt: true } } } },
        },
        orderBy: { createdAt: 'asc' },
      },
    },
  });
  if (!ask) return null;
  const entries = await db.auditLog.findMany({
    where: { entityType: 'Ask', entityId: askId },
    select: { id: true, action: true, createdAt: true, data: true, actorId: true },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    take: 100,
  });
  // The audit log keeps no foreign key to its actors: their names are looked up, and a deleted account has none.
  const people = await auditPeople(entries.map((entry) => entry.actorId));
  const history = entries.map(({ actorId, ...entry }) => {
    const person = actorId ? people.get(actorId) : undefined;
    return { ...entry, actor: person ? { name: person.name, role: person.role } : null, actorDeleted: Boolean(actorId && !person) };
  });
  return { ...ask, history };
}

export type StaffAsk = NonNullable<Awaited<ReturnType<typeof getAskForStaff>>>;

// ---------------------------------------------------------------- projects

/** A project (a big problem split into stages) as anyone may see it: its public stages in order. */
export async function getPublicProject(projectId: string) {
  const project = await db.project.findFirst({
    where: { id: projectId, organisation: { status: 'VERIFIED' }, asks: { some: publicAskWhere() } },
    select: {
      id: true,
      title: true,
      description: true,
      organisation: { select: { name: true, region: true } },
      asks: {
        where: { ...publicAskWhere(), stage: { not: null } },
        select: {
          id: true,
          title: true,
          question: true,
          stage: true,
          status: true,
          durationMinutes: true,
          skills: { select: { skill: { select: { slug: true, name: true } } }, orderBy: { skill: { name: 'asc' } } },
        },
        orderBy: { stage: 'asc' },
      },
    },
  });
  return project;
}
