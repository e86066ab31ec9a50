// Who may see and change which ask. Anonymous visitors see asks that moderation has published, from
// verified organisations; drafts, asks under review and rejected asks stay private to their organisation,
// whose staff (any member) write, submit, edit and withdraw them. Admins moderate (lib/moderation).
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { AskStatus, Prisma } from '@/lib/generated/prisma/client';

/** Statuses an ask can be seen in publicly (its detail page). Only OPEN ones are listed. */
export const PUBLIC_ASK_STATUSES = ['OPEN', 'MATCHED', 'COMPLETED'] as const satisfies readonly AskStatus[];

/**
 * The `where` for asks anyone may read: published by moderation, from an organisation that is verified, and
 * not hidden by an admin after a report (lib/reports; its staff still see it, with the reason).
 * `organisationVerified` is the ask's copy of its organisation's status being VERIFIED, kept by a trigger
 * (migration 20261123164618_ask_listing_columns), so this needs no join to Organisation.
 */
export function publicAskWhere(): Prisma.AskWhereInput {
  return { status: { in: [...PUBLIC_ASK_STATUSES] }, publishedAt: { not: null }, organisationVerified: true, hiddenAt: null };
}

/** The `where` for asks of organisations the actor belongs to: a guessed id of anyone else's finds nothing. */
export function staffAskWhere(actor: Actor, askId?: string): Prisma.AskWhereInput {
  // `undefined` means every ask; an empty id names none (it must not widen the where to all of them).
  return { ...(askId === undefined ? {} : { id: askId }), organisation: { memberships: { some: { userId: actor.id } } } };
}

type Db = Prisma.TransactionClient | typeof db;

/** The ask, if the actor is staff of its organisation; AccessDenied (a 404 to the person) otherwise. */
export async function assertAskStaff(actor: Actor, askId: string, client: Db = db) {
  assertActive(actor);
  const ask = await client.ask.findFirst({
    where: staffAskWhere(actor, askId),
    select: { id: true, organisationId: true, status: true, version: true, projectId: true },
  });
  if (!ask) throw new AccessDenied();
  return ask;
}
