// Who may see which ask. Anonymous visitors see asks that moderation has published, from verified
// organisations; drafts, asks under review and rejected asks stay private to their organisation.
import type { AskStatus, Prisma } from '@/lib/generated/prisma/client';

/** Statuses an ask can be seen in publicly (its detail page). Only OPEN ones are listed. */
export const PUBLIC_ASK_STATUSES = ['OPEN', 'MATCHED', 'COMPLETED'] as const satisfies readonly AskStatus[];


/** The `where` for asks anyone may read. */
export function publicAskWhere(): Prisma.AskWhereInput {
  return { status: { in: [...PUBLIC_ASK_STATUSES] }, organisation: { status: 'VERIFIED' } };
}

/** The `where` for asks that are open for offers right now: published, verified, deadline not passed. */
export function openAskWhere(now: Date): Prisma.AskWhereInput {
  return {
    status: 'OPEN',
    organisation: { status: 'VERIFIED' },
    OR: [{ deadline: null }, { deadline: { gt: now } }],
  };
}
