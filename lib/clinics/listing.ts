// The public lists of clinics: /clinics (filtered by skill and first day, a page at a time), the home page's
// "Clinics coming up", and a charity's "clinics that fit your open asks" on the staff dashboard, scored with the
// matching module's skill rules. Only what anyone may see: topic, description, skills, time, seats left.
import 'server-only';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import type { Medium } from '@/lib/generated/prisma/enums';
import { matchingTaxonomy } from '@/lib/matching/candidate-sql';
import { bestMatches, buildSkillBook, indexAskSkills, isExactFit } from '@/lib/matching/skills';
import { zonedTimeToUtc } from '@/lib/time-zones';
import { CLINICS_PAGE_SIZE, type ClinicsQuery } from './listing-query';

/** A seat counts as taken when booked, or held for someone next in line to confirm. */
export const TAKEN_SEAT_STATUSES = ['BOOKED', 'OFFERED'] as const;

export interface ClinicCardData {
  id: string;
  topic: string;
  description: string;
  startsAt: Date;
  endsAt: Date;
  medium: Medium;
  seats: number;
  seatsLeft: number;
  /** Charities on the waiting list. */
  waiting: number;
  skills: Array<{ slug: string; name: string }>;
}

/** A clinic anyone may see: published, not started, offered by a volunteer whose account is active. */
export function publicClinicWhere(now: Date): Prisma.ClinicWhereInput {
  return { status: 'PUBLISHED', startsAt: { gt: now }, volunteer: { status: 'ACTIVE' } };
}

const cardSelect = {
  id: true,
  topic: true,
  description: true,
  startsAt: true,
  endsAt: true,
  medium: true,
  seats: true,
  skills: { select: { skill: { select: { slug: true, name: true } } }, orderBy: { skill: { name: 'asc' } } },
} satisfies Prisma.ClinicSelect;

type CardRow = Prisma.ClinicGetPayload<{ select: typeof cardSelect }>;

/** Seats taken and places waiting for each clinic, in one grouped read. */
export async function seatCounts(clinicIds: string[]): Promise<Map<string, { taken: number; waiting: number }>> {
  const counts = new Map<string, { taken: number; waiting: number }>();
  if (clinicIds.length === 0) return counts;
  const rows = await db.clinicSeat.groupBy({
    by: ['clinicId', 'status'],
    where: { clinicId: { in: clinicIds }, status: { in: [...TAKEN_SEAT_STATUSES, 'WAITING'] } },
    _count: { _all: true },
  });
  for (const row of rows) {
    const entry = counts.get(row.clinicId) ?? { taken: 0, waiting: 0 };
    if (row.status === 'WAITING') entry.waiting += row._count._all;
    else entry.taken += row._count._all;
    counts.set(row.clinicId, entry);
  }
  return counts;
}

async function toCards(rows: CardRow[]): Promise<ClinicCardData[]> {
  const counts = await seatCounts(rows.map((row) => row.id));
  return rows.map(({ skills, ...row }) => {
    const count = counts.get(row.id) ?? { taken: 0, waiting: 0 };
    return { ...row, seatsLeft: Math.max(0, row.seats - count.taken), waiting: count.waiting, skills: skills.map(({ skill }) => skill) };
  });
}

export interface ClinicList {
  clinics: ClinicCardData[];
  total: number;
  pageCount: number;
}

/** One page of upcoming clinics, soonest first. The first day is read in UK time: the page is one for everyone. */
export async function listUpcomingClinics(query: ClinicsQuery, now = new Date()): Promise<ClinicList> {
  const from = query.from ? zonedTimeToUtc(query.from, '00:00', DEFAULT_TIME_ZONE) : undefined;
  const where: Prisma.ClinicWhereInput = {
    ...publicClinicWhere(now),
    ...(from && from > now ? { startsAt: { gte: from } } : {}),
    ...(query.skill ? { skills: { some: { skill: { slug: query.skill } } } } : {}),
  };
  const [total, rows] = await Promise.all([
    db.clinic.count({ where }),
    db.clinic.findMany({
      where,
      select: cardSelect,
      orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
      skip: (query.page - 1) * CLINICS_PAGE_SIZE,
      take: CLINICS_PAGE_SIZE,
    }),
  ]);
  return { clinics: await toCards(rows), total, pageCount: Math.max(1, Math.ceil(total / CLINICS_PAGE_SIZE)) };
}

/** The next few clinics, for the home page. */
export async function listClinicsComingUp(count: number, now = new Date()): Promise<ClinicCardData[]> {
  const rows = await db.clinic.findMany({
    where: publicClinicWhere(now),
    select: cardSelect,
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: count,
  });
  return toCards(rows);
}

/** The skills of upcoming clinics, for the list's skill filter: choosing one always finds something. */
export async function listClinicSkills(now = new Date()): Promise<Array<{ slug: string; name: string }>> {
  return db.skill.findMany({
    where: { clinics: { some: { clinic: publicClinicWhere(now) } } },
    select: { slug: true, name: true },
    orderBy: { name: 'asc' },
  });
}

export interface FittingClinic extends ClinicCardData {
  /** The charity's ask it fits best, and the skills it shares with it, for "why it fits". */
  ask: { id: string; title: string };
  reason: string;
}

/** Asks whose questions a clinic may answer: not yet answered or closed. */
const LIVE_ASK_STATUSES = ['PENDING_REVIEW', 'CHANGES_REQUESTED', 'OPEN'] as const;
/** Read at most this many of a charity's asks and upcoming clinics: enough to find the best few. */
const MAX_ASKS = 50;
const MAX_CANDIDATES = 200;

/**
 * Upcoming clinics that fit the organisations' live asks, best first: each clinic's skills are scored against
 * each ask as a volunteer's would be (lib/matching/skills.ts: exact skills beat related ones), taking the best ask.
 * Clinics the organisations already hold a seat or place in, or whose volunteer is blocked either way, are left out.
 */
export async function clinicsFittingOpenAsks(organisationIds: string[], now = new Date(), limit = 3): Promise<FittingClinic[]> {
  if (organisationIds.length === 0) return [];
  const asks = await db.ask.findMany({
    where: { organisationId: { in: organisationIds }, status: { in: [...LIVE_ASK_STATUSES] }, skills: { some: {} } },
    select: { id: true, title: true, skills: { select: { skillId: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'asc' }],
    take: MAX_ASKS,
  });
  if (asks.length === 0) return [];
  const candidates = await db.clinic.findMany({
    where: {
      ...publicClinicWhere(now),
      seatRows: { none: { organisationId: { in: organisationIds }, status: { in: [...TAKEN_SEAT_STATUSES, 'WAITING'] } } },
      volunteer: { status: 'ACTIVE', blocksOn: { none: { organisationId: { in: organisationIds } } } },
    },
    select: { ...cardSelect, skills: { select: { skillId: true, skill: { select: { slug: true, name: true } } } } },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: MAX_CANDIDATES,
  });
  if (candidates.length === 0) return [];

  const book = buildSkillBook(await matchingTaxonomy(db));
  const indexed = asks.map((ask) => ({
    ask,
    index: indexAskSkills(
      ask.skills.map((s) => s.skillId),
      book,
    ),
  }));
  const scored = candidates.flatMap((clinic) => {
    // The clinic teaches its skills: each counts as an expert's would.
    const taught = clinic.skills.map(({ skillId }) => ({ skillId, level: 'EXPERT' as const }));
    let best: { score: number; exact: boolean; ask: (typeof asks)[number]; shared: string[] } | null = null;
    for (const { ask, index } of indexed) {
      const matches = bestMatches(taught, index);
      const score = matches.reduce((sum, match) => sum + (match?.fit ?? 0), 0) / Math.max(1, index.skillIds.length);
      const exact = matches.some((match) => match && isExactFit(match.fit));
      const shared = matches.flatMap((match) => (match ? [book.names.get(match.skillId) ?? ''] : [])).filter(Boolean);
      if (score > 0 && (!best || Number(exact) > Number(best.exact) || (exact === best.exact && score > best.score))) {
        best = { score, exact, ask, shared: [...new Set(shared)] };
      }
    }
    return best ? [{ clinic, ...best }] : [];
  });
  scored.sort(
    (a, b) => Number(b.exact) - Number(a.exact) || b.score - a.score || a.clinic.startsAt.getTime() - b.clinic.startsAt.getTime(),
  );
  const chosen = scored.slice(0, limit);
  const cards = await toCards(chosen.map(({ clinic }) => ({ ...clinic, skills: clinic.skills.map(({ skill }) => ({ skill })) })));
  return cards.map((card, i) => {
    const { ask, exact, shared } = chosen[i]!;
    const skills = shared.join(', ');
    return {
      ...card,
      ask: { id: ask.id, title: ask.title },
      reason: exact ? `Covers ${skills}, which your ask “${ask.title}” needs` : `Close to what your ask “${ask.title}” needs (${skills})`,
    };
  });
}
