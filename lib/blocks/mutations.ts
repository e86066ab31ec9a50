// Placing and lifting blocks. Staff block a volunteer for their organisation; a volunteer blocks an organisation.
// Placing one withdraws what is waiting between the two (lib/offers/withdrawals.ts, scoped to the organisation), in
// the same transaction. Races are settled by the volunteer's profile row lock, the one making an offer and inviting
// take (lib/offers/mutations.ts, lib/invitations/mutations.ts): an offer committed first is withdrawn here; one
// waiting for the lock reads the block and is refused. The unique (organisationId, volunteerId, by) keeps one each.
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { recordAudit } from '@/lib/audit/record';
import { db } from '@/lib/db';
import type { BlockedBy, Prisma } from '@/lib/generated/prisma/client';
import { formValues, parseForm, type FormResult } from '@/lib/forms';
import { withdrawPendingOffers } from '@/lib/offers/withdrawals';
import { assertOrganisationStaff } from './policy';
import { confirmBlockSchema } from './schema';

type Tx = Prisma.TransactionClient;
type Input = FormData | Record<string, unknown>;

interface Pair {
  organisationId: string;
  volunteerId: string;
  by: BlockedBy;
}

/** Inserts the block (once) and withdraws the pair's waiting offers and invitations; returns what it withdrew. */
async function placeBlock(tx: Tx, actor: Actor, pair: Pair, now: Date) {
  // The lock making an offer and inviting take: whichever commits first, no new offer is left between them.
  await tx.$queryRaw`SELECT "id" FROM "VolunteerProfile" WHERE "userId" = ${pair.volunteerId} FOR UPDATE`;
  const { count } = await tx.block.createMany({ data: [{ ...pair, createdById: actor.id }], skipDuplicates: true });
  if (count === 0) return null; // already blocked: nothing more to do
  const block = await tx.block.findUniqueOrThrow({
    where: { organisationId_volunteerId_by: pair },
    select: { id: true },
  });
  const withdrawn = await withdrawPendingOffers(
    tx,
    pair.volunteerId,
    pair.by === 'VOLUNTEER' ? 'blocked-by-volunteer' : 'blocked-by-organisation',
    now,
    { organisationId: pair.organisationId },
  );
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'block.create',
    target: { type: 'Block', id: block.id },
    after: { organisationId: pair.organisationId, volunteerId: pair.volunteerId, by: pair.by },
    data: { withdrawnOffers: withdrawn },
  });
  return { id: block.id, withdrawn };
}

async function liftBlock(tx: Tx, actor: Actor, pair: Pair) {
  const block = await tx.block.findUnique({ where: { organisationId_volunteerId_by: pair }, select: { id: true } });
  if (!block) return;
  // Conditional on the row: of two tabs lifting it at once, one records it.
  const removed = await tx.block.deleteMany({ where: { id: block.id } });
  if (removed.count === 0) return;
  await recordAudit(tx, {
    actorId: actor.id,
    action: 'block.remove',
    target: { type: 'Block', id: block.id },
    before: { organisationId: pair.organisationId, volunteerId: pair.volunteerId, by: pair.by },
  });
}

// ---------------------------------------------------------------- staff of the organisation

/**
 * Staff block a volunteer for their organisation: no more offers or invitations between them, and the volunteer
 * leaves the organisation's suggestions. The volunteer is not told. Refused (a 404) for anyone who is not staff,
 * and for a person who is no volunteer or belongs to the organisation.
 */
export async function blockVolunteer(
  actor: Actor,
  organisationId: string,
  volunteerId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ blocked: boolean }>> {
  await assertOrganisationStaff(db, actor, organisationId);
  const volunteer = await db.user.findFirst({
    where: { id: volunteerId, volunteerProfile: { isNot: null }, memberships: { none: { organisationId } } },
    select: { name: true },
  });
  if (!volunteer) throw new AccessDenied();
  const parsed = parseForm(confirmBlockSchema, formValues(input));
  if (!parsed.ok) return parsed.result;
  const placed = await db.$transaction((tx) => placeBlock(tx, actor, { organisationId, volunteerId, by: 'ORGANISATION' }, now));
  const name = volunteer.name?.trim() || 'This volunteer';
  return {
    ok: true,
    data: { blocked: true },
    message: placed
      ? `${name} is blocked. They will not be suggested, and cannot offer on your asks or be invited. They are not told.`
      : `${name} was already blocked.`,
  };
}

/** Staff lift their organisation's block on a volunteer. Lifting one that is not there changes nothing. */
export async function unblockVolunteer(actor: Actor, organisationId: string, volunteerId: string): Promise<FormResult> {
  await assertOrganisationStaff(db, actor, organisationId);
  await db.$transaction((tx) => liftBlock(tx, actor, { organisationId, volunteerId, by: 'ORGANISATION' }));
  return { ok: true, data: undefined, message: 'Unblocked. They can be suggested, invited and offer again.' };
}

// ---------------------------------------------------------------- the volunteer

/**
 * A volunteer blocks an organisation: its asks leave their "asks that fit you" and the best-fit sort, its
 * invitations are refused, and their waiting offers on its asks are withdrawn (the charity hears of a
 * withdrawal, as for any other). The organisation is not told. A volunteer cannot block their own organisation.
 */
export async function blockOrganisation(
  actor: Actor,
  organisationId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ blocked: boolean }>> {
  assertActive(actor);
  const organisation = await db.organisation.findFirst({
    where: { id: organisationId, status: 'VERIFIED', memberships: { none: { userId: actor.id } } },
    select: { name: true },
  });
  if (!organisation) throw new AccessDenied();
  const parsed = parseForm(confirmBlockSchema, formValues(input));
  if (!parsed.ok) return parsed.result;
  const placed = await db.$transaction((tx) => placeBlock(tx, actor, { organisationId, volunteerId: actor.id, by: 'VOLUNTEER' }, now));
  return {
    ok: true,
    data: { blocked: true },
    message: placed
      ? `You will not see ${organisation.name}’s asks, and its invitations will not reach you. Undo this on your account page.`
      : `You had already blocked ${organisation.name}.`,
  };
}

/** The volunteer lifts their own block on an organisation. */
export async function unblockOrganisation(actor: Actor, organisationId: string): Promise<FormResult> {
  assertActive(actor);
  await db.$transaction((tx) => liftBlock(tx, actor, { organisationId, volunteerId: actor.id, by: 'VOLUNTEER' }));
  return { ok: true, data: undefined, message: 'Unblocked. Its asks can be suggested to you again.' };
}
