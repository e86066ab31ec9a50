// Who may block whom, and whether a pair is blocked. Staff (any member) block a volunteer for their own
// organisation; a volunteer blocks an organisation for themselves. A block in either direction keeps the two apart:
// no offer, no invitation, no suggestion either way. The blocked side is never told: what it sees is the same
// as for any other refusal (docs/decisions/0026-blocks-and-vouching.md).
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

/** What a volunteer the organisation blocked reads where the offer form would be: neutral, never "blocked". */
export const NOT_TAKING_OFFERS_FROM_YOU = 'This ask is not taking offers from you.';
/** What a volunteer who blocked the organisation reads there: it is their own choice, so it says how to undo it. */
export const YOU_BLOCKED_THIS_ORGANISATION =
  'You chose not to see this organisation’s asks. To offer on this one, unblock the organisation on your account page.';

export interface PairBlocks {
  /** The organisation's staff blocked the volunteer. */
  byOrganisation: boolean;
  /** The volunteer blocked the organisation. */
  byVolunteer: boolean;
}

/** Which sides have blocked the other (Block's unique (organisationId, volunteerId, by) index). */
export async function blocksBetween(db: Db, organisationId: string, volunteerId: string): Promise<PairBlocks> {
  const rows = await db.block.findMany({ where: { organisationId, volunteerId }, select: { by: true } });
  return { byOrganisation: rows.some((row) => row.by === 'ORGANISATION'), byVolunteer: rows.some((row) => row.by === 'VOLUNTEER') };
}

export const isBlocked = (blocks: PairBlocks) => blocks.byOrganisation || blocks.byVolunteer;

/** Why a volunteer cannot offer because of a block, in words for them; null when no block stands between. */
export function blockRefusal(blocks: PairBlocks): string | null {
  if (blocks.byVolunteer) return YOU_BLOCKED_THIS_ORGANISATION;
  if (blocks.byOrganisation) return NOT_TAKING_OFFERS_FROM_YOU;
  return null;
}

/** The actor is staff (any member) of the organisation; AccessDenied (a 404) otherwise. */
export async function assertOrganisationStaff(db: Db, actor: Actor, organisationId: string): Promise<void> {
  assertActive(actor);
  const membership = await db.membership.findFirst({ where: { userId: actor.id, organisationId }, select: { id: true } });
  if (!membership) throw new AccessDenied();
}
