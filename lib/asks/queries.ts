// Reads of asks for the public pages: the open list and one ask's detail.
import 'server-only';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { openAskWhere, publicAskWhere } from './policy';

export const ASKS_PER_PAGE = 20;

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
  _count: { select: { offers: { where: { status: 'PENDING' } } } },
} satisfies Prisma.AskSelect;

export type AskCardData = Prisma.AskGetPayload<{ select: typeof askCardSelect }>;

export interface OpenAskFilters {
  page: number;
  /** A skill category slug. */
  category?: string;
}

export interface OpenAskPage {
  asks: AskCardData[];
  total: number;
  page: number;
  pageCount: number;
}

/** Open asks, newest first, a page at a time. A page past the end returns the last page. */
export async function listOpenAsks(filters: OpenAskFilters, now = new Date()): Promise<OpenAskPage> {
  const where: Prisma.AskWhereInput = {
    ...openAskWhere(now),
    ...(filters.category ? { skills: { some: { skill: { category: { slug: filters.category } } } } } : {}),
  };
  const total = await db.ask.count({ where });
  const pageCount = Math.max(1, Math.ceil(total / ASKS_PER_PAGE));
  const page = Math.min(Math.max(1, filters.page), pageCount);
  const asks = await db.ask.findMany({
    where,
    select: askCardSelect,
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    skip: (page - 1) * ASKS_PER_PAGE,
    take: ASKS_PER_PAGE,
  });
  return { asks, total, page, pageCount };
}

/** The newest open asks, for the home page. */
export async function listLatestOpenAsks(count: number, now = new Date()): Promise<AskCardData[]> {
  return db.ask.findMany({
    where: openAskWhere(now),
    select: askCardSelect,
    orderBy: [{ publishedAt: 'desc' }, { id: 'asc' }],
    take: count,
  });
}

const askDetailSelect = {
  id: true,
  title: true,
  question: true,
  outcome: true,
  context: true,
  durationMinutes: true,
  media: true,
  location: true,
  availability: true,
  timeZone: true,
  deadline: true,
  status: true,
  publishedAt: true,
  stage: true,
  organisation: {
    select: { name: true, type: true, region: true, sizeBand: true, causeAreas: true, description: true, website: true },
  },
  project: {
    select: {
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
  _count: { select: { offers: { where: { status: 'PENDING' } } } },
} satisfies Prisma.AskSelect;

export type PublicAsk = Prisma.AskGetPayload<{ select: typeof askDetailSelect }>;

/** One ask as anyone may see it, or null when it does not exist or is not public. */
export async function getPublicAsk(id: string): Promise<PublicAsk | null> {
  return db.ask.findFirst({ where: { id, ...publicAskWhere() }, select: askDetailSelect });
}
