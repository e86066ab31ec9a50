// Writing offers: a volunteer makes or withdraws one; staff of the ask's organisation accept or decline it.
// Each takes the acting user and checks them here. Status moves follow lib/offers/transitions.ts as
// conditional updates, and races are settled by the database: the ask row lock for accepting, the
// volunteer's profile row lock for capacity, the unique (askId, volunteerId) for a second offer, and the
// meetings' exclusion constraint for a volunteer booked twice at once (docs/decisions/0011).
import 'server-only';
import { recordAudit } from '@/lib/audit/record';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { parseAvailability } from '@/lib/asks/availability';
import { isUniqueViolation } from '@/lib/database/errors';
import { db } from '@/lib/db';
import { queueEmail, queueEmails } from '@/lib/email/outbox';
import { askContacts, contactDedupeKey } from '@/lib/email/recipients';
import { appUrl } from '@/lib/env';
import type { AskStatus, Prisma } from '@/lib/generated/prisma/client';
import { CORRECT_THE_PROBLEMS, formValues, inFieldOrder, invalid, parseForm, single, type FieldErrors, type FormResult } from '@/lib/forms';
import { acceptPendingInvitation, withdrawPendingInvitations } from '@/lib/invitations/withdrawals';
import { bookMeeting, isMeetingClash } from '@/lib/meetings/booking';
import { blocksBetween } from '@/lib/blocks/policy';
import { volunteerLoad } from './capacity';
import { assertOfferStaff, assertOwnOffer, offerRefusal, staffOfferWhere } from './policy';
import { acceptSchema, declineSchema, offerSchema } from './schema';
import { parseProposedTimes } from './times';
import { nextOfferStatus, offerStatusesFrom } from './transitions';

type Tx = Prisma.TransactionClient;
type Input = FormData | Record<string, unknown>;

const ALREADY_OFFERED = 'You have already offered to help with this ask. Your offer and its times are on this page.';
const CHOSE_ANOTHER_NOTE =
  'Thank you for offering. The charity has chosen another volunteer for this ask, so your offer was not needed this time. We hope you will offer on another ask soon: your skills are needed.';
/** The offer form's fields from top to bottom: the error summary lists their problems in this order. */
const OFFER_FORM_ORDER = ['message', 'medium', 'times', 'time1', 'time2', 'time3', 'joinDetails'];
/** Accepting waits for the ask's row lock while colleagues race; give it longer than Prisma's 2 s default. */
const ACCEPT_TRANSACTION = { maxWait: 15_000, timeout: 30_000 } as const;

/** Thrown inside the accept transaction to roll it back when the ask turns out to be matched already. */
class AlreadyMatched extends Error {}

const displayName = (name: string | null | undefined) => name?.trim() || 'A volunteer';

/** Tells the charity side of an ask about an offer: received, or withdrawn by the volunteer. */
async function emailAskContacts(
  tx: Tx,
  offer: { id: string; askId: string; volunteerId: string },
  build: (askTitle: string, volunteerName: string) => { key: string; message: Parameters<typeof queueEmail>[1]['message'] },
) {
  // In turn: a transaction's one connection runs one statement at a time.
  const ask = await tx.ask.findUniqueOrThrow({ where: { id: offer.askId }, select: { title: true } });
  const volunteer = await tx.user.findUniqueOrThrow({ where: { id: offer.volunteerId }, select: { name: true } });
  const { key, message } = build(ask.title, displayName(volunteer.name));
  for (const contact of (await askContacts(tx, [offer.askId])).get(offer.askId) ?? []) {
    if (contact.id === offer.volunteerId) continue;
    await queueEmail(tx, { to: contact.email, userId: contact.id, dedupeKey: contactDedupeKey(key, contact), message });
  }
}

/**
 * Tells each offer's volunteer it was declined (by staff, or because another offer was chosen), in one batch
 * however many there are (lib/email/outbox.ts queueEmails).
 */
async function emailVolunteersDeclined(tx: Tx, offerIds: string[], note: string | null) {
  if (offerIds.length === 0) return;
  const offers = await tx.offer.findMany({
    where: { id: { in: offerIds } },
    select: {
      id: true,
      volunteer: { select: { id: true, email: true, status: true } },
      ask: { select: { title: true, organisation: { select: { name: true } } } },
    },
  });
  await queueEmails(
    tx,
    offers
      .filter((offer) => offer.volunteer.status === 'ACTIVE')
      .map((offer) => ({
        to: offer.volunteer.email,
        userId: offer.volunteer.id,
        dedupeKey: `offer-declined:${offer.id}`,
        message: {
          kind: 'offer-declined' as const,
          data: {
            askTitle: offer.ask.title,
            organisationName: offer.ask.organisation.name,
            reason: 'declined' as const,
            note,
            url: `${appUrl()}/asks`,
          },
        },
      })),
  );
}

// ---------------------------------------------------------------- the volunteer

/**
 * Offers to help with an open ask: a message, a medium the ask accepts, two or three proposed times and,
 * optionally, the volunteer's own video link or number. Refused with a reason when the volunteer is
 * paused or at capacity, the ask is closed or past its deadline, or it is their own organisation's.
 */
export async function makeOffer(actor: Actor, askId: string, input: Input, now = new Date()): Promise<FormResult<{ id: string }>> {
  assertActive(actor);
  const values = formValues(input);
  // An ask that was never published is not there as far as a volunteer knows; a closed one gets a reason.
  const ask = await db.ask.findFirst({
    where: { id: askId, publishedAt: { not: null } },
    select: {
      id: true,
      organisationId: true,
      media: true,
      availability: true,
      timeZone: true,
      durationMinutes: true,
    },
  });
  if (!ask) throw new AccessDenied();
  const [profile, membership, existing] = await Promise.all([
    db.volunteerProfile.findUnique({ where: { userId: actor.id }, select: { timeZone: true } }),
    db.membership.findFirst({ where: { userId: actor.id, organisationId: ask.organisationId }, select: { id: true } }),
    db.offer.findUnique({ where: { askId_volunteerId: { askId, volunteerId: actor.id } }, select: { id: true } }),
  ]);
  if (existing) return invalid(values, {}, ALREADY_OFFERED);
  if (!profile) return invalid(values, {}, 'Create your volunteer profile before offering to help, so the charity can see what you bring.');

  const parsed = parseForm(offerSchema, values);
  const fieldErrors: FieldErrors = parsed.ok || parsed.result.ok ? {} : { ...parsed.result.fieldErrors };
  if (!fieldErrors.medium && !ask.media.some((medium) => medium === single(values, 'medium')))
    fieldErrors.medium = ['Choose one of the ways this charity can meet.'];
  const times = parseProposedTimes(values, {
    now,
    volunteerZone: profile.timeZone,
    askZone: ask.timeZone,
    windows: parseAvailability(ask.availability),
    durationMinutes: ask.durationMinutes,
  });
  if (!times.ok) Object.assign(fieldErrors, times.fieldErrors);

  try {
    const result = await db.$transaction(async (tx) => {
      // A share lock on the ask: an accept (which takes it FOR UPDATE) cannot match the ask between this
      // check and the insert, so no offer is left waiting on an ask that was matched meanwhile.
      const [current] = await tx.$queryRaw<
        Array<{
          status: AskStatus;
          deadline: Date;
          publishedAt: Date | null;
          organisationVerified: boolean;
          timeZone: string;
          title: string;
        }>
      >`SELECT "status"::text AS "status", "deadline", "publishedAt", "organisationVerified", "timeZone", "title"
          FROM "Ask" WHERE "id" = ${askId} FOR SHARE`;
      // The profile row lock makes capacity one-at-a-time for this volunteer. Placing a block takes it too
      // (lib/blocks/mutations.ts), so the block is read here after it commits, or withdraws this offer after this does.
      await tx.$queryRaw`SELECT "id" FROM "VolunteerProfile" WHERE "userId" = ${actor.id} FOR UPDATE`;
      const blocks = await blocksBetween(tx, ask.organisationId, actor.id);
      // An invitation to this ask already holds a place; the offer takes that place rather than another.
      const load = await volunteerLoad(tx, actor.id, now, { exceptInvitationTo: askId });
      const refusal = offerRefusal({ hasProfile: true, ask: current!, ownOrganisation: membership !== null, blocks, load, now });
      if (refusal) return invalid(values, {}, refusal);
      if (!parsed.ok || !times.ok || Object.keys(fieldErrors).length > 0) {
        return invalid(values, inFieldOrder(fieldErrors, OFFER_FORM_ORDER), CORRECT_THE_PROBLEMS);
      }

      const offer = await tx.offer.create({
        data: {
          askId,
          volunteerId: actor.id,
          message: parsed.data.message,
          medium: parsed.data.medium,
          joinDetails: parsed.data.joinDetails,
          times: { create: times.times },
        },
        select: { id: true },
      });
      // Offering is how a volunteer accepts an invitation: it is answered in the same transaction.
      const invited = await acceptPendingInvitation(tx, askId, actor.id, now);
      await emailAskContacts(tx, { id: offer.id, askId, volunteerId: actor.id }, (askTitle, volunteerName) => ({
        key: `offer-received:${offer.id}`,
        message: {
          kind: 'offer-received',
          data: { askTitle, volunteerName, message: parsed.data.message, url: `${appUrl()}/my-asks/${askId}/offers` },
        },
      }));
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'offer.make',
        target: { type: 'Offer', id: offer.id },
        data: invited ? { askId, invited: true } : { askId },
      });
      return {
        ok: true as const,
        data: { id: offer.id },
        message: 'Your offer is sent. The charity will choose one of your times, or let you know, within a week.',
      };
    });
    return result;
  } catch (error) {
    // Two submissions at once: the unique (askId, volunteerId) index lets one through.
    if (isUniqueViolation(error)) return invalid(values, {}, ALREADY_OFFERED);
    throw error;
  }
}

/** The volunteer takes back an offer that has not been answered yet; the charity is told. */
export async function withdrawOffer(actor: Actor, offerId: string, now = new Date()): Promise<FormResult<{ askId: string }>> {
  const offer = await assertOwnOffer(actor, offerId);
  const result = await db.$transaction(async (tx) => {
    const { count } = await tx.offer.updateMany({
      where: { id: offerId, volunteerId: actor.id, status: { in: offerStatusesFrom('withdraw', 'volunteer') } },
      data: { status: nextOfferStatus('PENDING', 'withdraw', 'volunteer')!, withdrawnBecause: 'BY_VOLUNTEER', respondedAt: now },
    });
    if (count === 0) {
      const current = await tx.offer.findUnique({ where: { id: offerId }, select: { status: true } });
      return invalid(
        {},
        {},
        current?.status === 'ACCEPTED'
          ? 'The charity has already accepted this offer and a session is booked. To step back, cancel the session from its page.'
          : 'This offer is no longer waiting for an answer, so there is nothing to withdraw.',
      );
    }
    await emailAskContacts(tx, { id: offerId, askId: offer.askId, volunteerId: actor.id }, (askTitle, volunteerName) => ({
      key: `offer-withdrawn:${offerId}`,
      message: {
        kind: 'offer-withdrawn',
        data: { askTitle, volunteerName, reason: 'withdrawn', url: `${appUrl()}/my-asks/${offer.askId}` },
      },
    }));
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'offer.withdraw',
      target: { type: 'Offer', id: offerId },
      data: { because: 'volunteer' },
    });
    return { ok: true as const, data: { askId: offer.askId }, message: 'Your offer is withdrawn.' };
  });
  return result;
}

// ---------------------------------------------------------------- staff of the ask's organisation

/** Staff say no to an offer, with a reason kept for matching to learn from, and an optional note to the volunteer. */
export async function declineOffer(actor: Actor, offerId: string, input: Input, now = new Date()): Promise<FormResult<{ askId: string }>> {
  const offer = await assertOfferStaff(actor, offerId);
  const values = formValues(input);
  const parsed = parseForm(declineSchema, values);
  if (!parsed.ok) return parsed.result;
  const result = await db.$transaction(async (tx) => {
    const { count } = await tx.offer.updateMany({
      where: { ...staffOfferWhere(actor, offerId), status: { in: offerStatusesFrom('decline', 'staff') } },
      data: {
        status: nextOfferStatus('PENDING', 'decline', 'staff')!,
        respondedAt: now,
        declineReason: parsed.data.reason,
        declineNote: parsed.data.note,
      },
    });
    if (count === 0) return invalid(values, {}, 'This offer has already been answered or withdrawn, so it cannot be declined.');
    await emailVolunteersDeclined(tx, [offerId], parsed.data.note);
    await recordAudit(tx, {
      actorId: actor.id,
      action: 'offer.decline',
      target: { type: 'Offer', id: offerId },
      data: { reason: parsed.data.reason },
    });
    return { ok: true as const, data: { askId: offer.askId }, message: 'The offer is declined and the volunteer has been told.' };
  });
  return result;
}

/**
 * Staff accept an offer at one of its times. One transaction: the ask row is locked, the offer becomes
 * ACCEPTED and the ask MATCHED (conditional updates), the meeting is booked (with its emails), and every
 * other waiting offer is declined kindly. A colleague accepting another offer at the same moment waits
 * for the lock and is told the ask is already matched; a clash with the volunteer's other meetings is
 * caught outside the transaction (which the database has aborted) and explained.
 */
export async function acceptOffer(
  actor: Actor,
  offerId: string,
  input: Input,
  now = new Date(),
): Promise<FormResult<{ meetingId: string; askId: string }>> {
  const offer = await assertOfferStaff(actor, offerId);
  const values = formValues(input);
  const parsed = parseForm(acceptSchema, values);
  if (!parsed.ok) return parsed.result;
  const chosen = offer.times.find((time) => time.id === parsed.data.timeId);
  if (!chosen) return invalid(values, { timeId: ['Choose one of the times this volunteer proposed.'] }, CORRECT_THE_PROBLEMS);
  if (chosen.startsAt <= now) {
    return invalid(values, { timeId: ['That time has already passed. Choose a later one, or decline the offer.'] }, CORRECT_THE_PROBLEMS);
  }

  try {
    const result = await db.$transaction(async (tx) => {
      const [ask] = await tx.$queryRaw<Array<{ status: string }>>`
        SELECT "status"::text AS "status" FROM "Ask" WHERE "id" = ${offer.askId} FOR UPDATE`;
      if (ask?.status !== 'OPEN') {
        return invalid(
          values,
          {},
          ask?.status === 'MATCHED' || ask?.status === 'COMPLETED'
            ? 'This ask has already been matched: a colleague accepted an offer a moment ago. Its session is on the ask’s page.'
            : 'This ask is no longer open, so its offers cannot be accepted.',
        );
      }
      const accepted = await tx.offer.updateMany({
        where: { id: offerId, askId: offer.askId, status: { in: offerStatusesFrom('accept', 'staff') } },
        data: { status: nextOfferStatus('PENDING', 'accept', 'staff')!, respondedAt: now },
      });
      if (accepted.count === 0) {
        return invalid(values, {}, 'This offer is no longer waiting: the volunteer may have withdrawn it, or it has been answered.');
      }
      const matched = await tx.ask.updateMany({
        where: { id: offer.askId, status: 'OPEN' },
        data: { status: 'MATCHED', matchedAt: now, version: { increment: 1 } },
      });
      // Cannot happen under the row lock; if it ever did, undo the offer's acceptance rather than commit half.
      if (matched.count === 0) throw new AlreadyMatched();
      const meeting = await bookMeeting(tx, {
        askId: offer.askId,
        organisationId: offer.ask.organisationId,
        volunteerId: offer.volunteerId,
        offerId,
        startsAt: chosen.startsAt,
        endsAt: chosen.endsAt,
        medium: offer.medium,
        joinDetails: parsed.data.joinDetails ?? offer.joinDetails ?? (offer.medium === 'IN_PERSON' ? offer.ask.location : null),
        bookedById: actor.id,
      });
      const others = await tx.offer.updateManyAndReturn({
        where: { askId: offer.askId, status: 'PENDING', id: { not: offerId } },
        data: { status: 'DECLINED', respondedAt: now, declineReason: 'CHOSE_ANOTHER_OFFER', declineNote: CHOSE_ANOTHER_NOTE },
        select: { id: true },
      });
      await emailVolunteersDeclined(
        tx,
        others.map((other) => other.id),
        CHOSE_ANOTHER_NOTE,
      );
      // Matched: nobody else is needed, so invitations still waiting are withdrawn and free their places.
      await withdrawPendingInvitations(tx, [offer.askId]);
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'offer.accept',
        target: { type: 'Offer', id: offerId },
        before: { status: 'PENDING' },
        after: { status: 'ACCEPTED' },
        data: { meetingId: meeting.id, declined: others.map((other) => other.id) },
      });
      await recordAudit(tx, {
        actorId: actor.id,
        action: 'ask.match',
        target: { type: 'Ask', id: offer.askId },
        after: { status: 'MATCHED' },
        data: { offerId, meetingId: meeting.id },
      });
      return {
        ok: true as const,
        data: { meetingId: meeting.id, askId: offer.askId },
        message: 'Booked. You and the volunteer have each been sent the details and a calendar invite.',
      };
    }, ACCEPT_TRANSACTION);
    return result;
  } catch (error) {
    if (isMeetingClash(error)) {
      return invalid(
        values,
        { timeId: ['The volunteer already has a session at an overlapping time.'] },
        'This volunteer has just been booked for another session that overlaps this time. Choose another of their times, or another offer.',
      );
    }
    if (error instanceof AlreadyMatched || isUniqueViolation(error, 'Offer_one_accepted_per_ask')) {
      return invalid(values, {}, 'This ask has already been matched: a colleague accepted an offer a moment ago.');
    }
    throw error;
  }
}
