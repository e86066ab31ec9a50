// Withdrawing a volunteer's waiting offers (and invitations) when they stop being available: they pause, an admin suspends
// them, they delete their account, or three missed sessions pause them. Each charity is told kindly, in
// the same transaction as the change, so an offer never sits waiting for someone who cannot come.
import { recordAudits } from '@/lib/audit/record';
import { askContacts, contactDedupeKey } from '@/lib/email/recipients';
import { queueEmail } from '@/lib/email/outbox';
import { appUrl } from '@/lib/env';
import { withdrawInvitationsOfVolunteer } from '@/lib/invitations/withdrawals';
import { Prisma, type OfferWithdrawal } from '@/lib/generated/prisma/client';

/** Why the offers go: the volunteer's own pause, a suspension, or a deleted account. */
export type UnavailableReason = 'paused' | 'suspended' | 'deleted';
/** Or a block between the volunteer and one organisation (lib/blocks): only that organisation's offers go. */
export type WithdrawalReason = UnavailableReason | 'blocked-by-volunteer' | 'blocked-by-organisation';

const withdrawal: Record<WithdrawalReason, OfferWithdrawal> = {
  paused: 'VOLUNTEER_PAUSED',
  suspended: 'VOLUNTEER_SUSPENDED',
  // The account's rows go with it (Offer cascades); recorded as paused until then.
  deleted: 'VOLUNTEER_PAUSED',
  // Their own choice: to the charity it is an offer they withdrew, as it is.
  'blocked-by-volunteer': 'BY_VOLUNTEER',
  'blocked-by-organisation': 'BLOCKED',
};

/** What the charity's email says; null: no email (staff blocked the volunteer themselves). */
const emailReason: Record<WithdrawalReason, 'withdrawn' | UnavailableReason | null> = {
  paused: 'paused',
  suspended: 'suspended',
  deleted: 'deleted',
  'blocked-by-volunteer': 'withdrawn',
  'blocked-by-organisation': null,
};

/**
 * Every PENDING offer of `volunteerId` becomes WITHDRAWN (a conditional update, so an offer accepted a
 * moment earlier stays accepted), and the charity side of each ask gets an 'offer-withdrawn' email.
 * With `organisationId` (a block), only the offers and invitations on that organisation's asks.
 * Returns the ids withdrawn.
 */
export async function withdrawPendingOffers(
  tx: Prisma.TransactionClient,
  volunteerId: string,
  reason: WithdrawalReason,
  now = new Date(),
  { organisationId }: { organisationId?: string } = {},
): Promise<string[]> {
  // Invitations they have not answered go too: they hold places nobody can use.
  await withdrawInvitationsOfVolunteer(tx, volunteerId, { organisationId });
  const ofOrganisation = organisationId
    ? Prisma.sql`AND "askId" IN (SELECT a."id" FROM "Ask" a WHERE a."organisationId" = ${organisationId})`
    : Prisma.empty;
  const rows = await tx.$queryRaw<Array<{ id: string }>>`
    UPDATE "Offer" SET "status" = 'WITHDRAWN', "withdrawnBecause" = ${withdrawal[reason]}::"OfferWithdrawal",
                       "respondedAt" = ${now}, "updatedAt" = now()
     WHERE "volunteerId" = ${volunteerId} AND "status" = 'PENDING' ${ofOrganisation}
    RETURNING "id"`;
  const ids = rows.map((row) => row.id);
  if (ids.length === 0) return ids;
  const told = emailReason[reason];
  const offers = await tx.offer.findMany({
    where: { id: { in: ids } },
    select: { id: true, askId: true, volunteer: { select: { name: true } }, ask: { select: { title: true } } },
  });
  if (told) {
    const contacts = await askContacts(tx, [...new Set(offers.map((offer) => offer.askId))]);
    for (const offer of offers) {
      for (const contact of contacts.get(offer.askId) ?? []) {
        if (contact.id === volunteerId) continue;
        await queueEmail(tx, {
          to: contact.email,
          userId: contact.id,
          dedupeKey: contactDedupeKey(`offer-withdrawn:${offer.id}`, contact),
          message: {
            kind: 'offer-withdrawn',
            data: {
              askTitle: offer.ask.title,
              volunteerName: offer.volunteer.name?.trim() || 'A volunteer',
              reason: told,
              url: `${appUrl()}/my-asks/${offer.askId}`,
            },
          },
        });
      }
    }
  }
  await recordAudits(
    tx,
    ids.map((id) => ({
      actorId: null,
      action: 'offer.withdraw',
      target: { type: 'Offer', id },
      before: { status: 'PENDING' },
      after: { status: 'WITHDRAWN' },
      data: { because: reason },
    })),
  );
  return ids;
}
