// The offer sweeps: an offer left unanswered for two days nudges the charity; at seven days it expires
// and the volunteer is told, kindly, so they can help someone else. Both are idempotent: the expiry is
// a conditional update on rows locked with SKIP LOCKED, and every email has a dedupe key.
import { recordAudits } from '@/lib/audit/record';
import { DAY_MS } from '@/lib/dates';
import { askContacts, contactDedupeKey } from '@/lib/email/recipients';
import { queueSweepEmails, type SweepEmail } from '@/lib/email/outbox';
import { queueEmail } from '@/lib/email/outbox';
import type { TaskContext } from '@/lib/jobs/task-context';

/** An offer with no reply after this many days nudges the charity. */
export const OFFER_NUDGE_DAYS = 2;
/** An offer with no reply after this many days expires. */
export const OFFER_EXPIRY_DAYS = 7;
const BATCH = 200;

/**
 * PENDING offers made seven or more days ago become EXPIRED, and each volunteer gets an
 * 'offer-declined' email (reason 'expired') in the same transaction, keyed `offer-expired:<offerId>`.
 * Two runs at once split the offers between them (FOR UPDATE SKIP LOCKED) and the update only
 * touches offers still PENDING, so each offer expires, and is emailed about, once.
 */
export async function expireStaleOffers({ db, boss, appUrl }: TaskContext, now = new Date()): Promise<{ expired: string[] }> {
  const cutoff = new Date(now.getTime() - OFFER_EXPIRY_DAYS * DAY_MS);
  const expired: string[] = [];
  for (;;) {
    const batch = await db.$transaction(async (tx) => {
      const rows = await tx.$queryRaw<Array<{ id: string }>>`
        UPDATE "Offer" SET "status" = 'EXPIRED', "respondedAt" = ${now}, "updatedAt" = now()
         WHERE "id" IN (SELECT "id" FROM "Offer"
                         WHERE "status" = 'PENDING' AND "createdAt" <= ${cutoff}
                         ORDER BY "createdAt", "id"
                         LIMIT ${BATCH}
                         FOR UPDATE SKIP LOCKED)
           AND "status" = 'PENDING'
         RETURNING "id"`;
      const ids = rows.map((row) => row.id);
      if (ids.length === 0) return ids;
      const offers = await tx.offer.findMany({
        where: { id: { in: ids } },
        select: {
          id: true,
          volunteer: { select: { id: true, email: true, status: true } },
          ask: { select: { title: true, organisation: { select: { name: true } } } },
        },
      });
      for (const offer of offers) {
        if (offer.volunteer.status !== 'ACTIVE') continue;
        await queueEmail(
          tx,
          {
            to: offer.volunteer.email,
            userId: offer.volunteer.id,
            dedupeKey: `offer-expired:${offer.id}`,
            message: {
              kind: 'offer-declined',
              data: { askTitle: offer.ask.title, organisationName: offer.ask.organisation.name, reason: 'expired', url: `${appUrl}/asks` },
            },
          },
          boss,
        );
      }
      await recordAudits(
        tx,
        ids.map((id) => ({
          actorId: null,
          action: 'offer.expire',
          target: { type: 'Offer', id },
          before: { status: 'PENDING' },
          after: { status: 'EXPIRED' },
        })),
      );
      return ids;
    });
    expired.push(...batch);
    if (batch.length < BATCH) break;
  }
  return { expired };
}

/**
 * PENDING offers made two to seven days ago on asks still open: one 'offer-waiting' email to the
 * charity (the ask's creator, or its owners if the creator has gone), keyed `offer-waiting:<offerId>`.
 */
export async function nudgeWaitingOffers({ db, boss, appUrl }: TaskContext, now = new Date()): Promise<{ emails: string[] }> {
  const emails: string[] = [];
  const newest = new Date(now.getTime() - OFFER_NUDGE_DAYS * DAY_MS);
  const oldest = new Date(now.getTime() - OFFER_EXPIRY_DAYS * DAY_MS);
  let after: string | undefined;
  for (;;) {
    const offers = await db.offer.findMany({
      where: {
        status: 'PENDING',
        createdAt: { gt: oldest, lte: newest },
        ask: { status: 'OPEN', deadline: { gt: now } },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { id: true, askId: true, createdAt: true, volunteer: { select: { name: true } }, ask: { select: { title: true } } },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (offers.length === 0) break;
    after = offers.at(-1)!.id;
    const contacts = await askContacts(db, [...new Set(offers.map((offer) => offer.askId))]);
    const requests: SweepEmail[] = offers.flatMap((offer) =>
      (contacts.get(offer.askId) ?? []).map((contact) => ({
        to: contact.email,
        userId: contact.id,
        dedupeKey: contactDedupeKey(`offer-waiting:${offer.id}`, contact),
        message: {
          kind: 'offer-waiting' as const,
          data: {
            askTitle: offer.ask.title,
            // A pending offer does not share contact details, so never the volunteer's email address.
            volunteerName: offer.volunteer.name?.trim() || 'A volunteer',
            waitingDays: Math.floor((now.getTime() - offer.createdAt.getTime()) / DAY_MS),
            // "Reply to the offer": the page where offers are accepted or declined side by side.
            url: `${appUrl}/my-asks/${offer.askId}/offers`,
          },
        },
      })),
    );
    emails.push(...(await queueSweepEmails({ db, boss }, requests)).map((email) => email.outboxId));
    if (offers.length < BATCH) break;
  }
  return { emails };
}
