// Who may do what with an offer. Volunteers make and withdraw their own; staff of the ask's organisation
// read, accept and decline the offers on their asks. A guessed id of anyone else's offer finds nothing.
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { staffAskWhere } from '@/lib/asks/policy';
import { formatDateTime } from '@/lib/dates';
import { db } from '@/lib/db';
import type { AskStatus, Prisma } from '@/lib/generated/prisma/client';
import { blockRefusal, type PairBlocks } from '@/lib/blocks/policy';
import type { VolunteerLoad } from './capacity';

type Db = Prisma.TransactionClient | typeof db;

/** The `where` for an offer on an ask of the actor's organisations. */
export function staffOfferWhere(actor: Actor, offerId: string): Prisma.OfferWhereInput {
  return { id: offerId, ask: staffAskWhere(actor) };
}

/** The offer, if the actor is staff of its ask's organisation; AccessDenied (a 404) otherwise. */
export async function assertOfferStaff(actor: Actor, offerId: string, client: Db = db) {
  assertActive(actor);
  const offer = await client.offer.findFirst({
    where: staffOfferWhere(actor, offerId),
    select: {
      id: true,
      askId: true,
      status: true,
      volunteerId: true,
      medium: true,
      joinDetails: true,
      ask: { select: { organisationId: true, location: true } },
      times: { select: { id: true, startsAt: true, endsAt: true }, orderBy: { startsAt: 'asc' } },
    },
  });
  if (!offer) throw new AccessDenied();
  return offer;
}

/** The offer, if the actor made it; AccessDenied (a 404) otherwise. */
export async function assertOwnOffer(actor: Actor, offerId: string, client: Db = db) {
  assertActive(actor);
  const offer = await client.offer.findFirst({
    where: { id: offerId, volunteerId: actor.id },
    select: { id: true, askId: true, status: true },
  });
  if (!offer) throw new AccessDenied();
  return offer;
}

export interface OfferingSituation {
  hasProfile: boolean;
  ask: { status: AskStatus; deadline: Date; publishedAt: Date | null; organisationVerified: boolean; timeZone: string };
  ownOrganisation: boolean;
  /** A block between the volunteer and the ask's organisation (lib/blocks), either way. */
  blocks?: PairBlocks;
  load: VolunteerLoad;
  now: Date;
}

/** Why this volunteer cannot offer on this ask right now, in words for them; null when they can. */
export function offerRefusal({ hasProfile, ask, ownOrganisation, blocks, load, now }: OfferingSituation): string | null {
  if (!hasProfile) return 'Create your volunteer profile before offering to help, so the charity can see what you bring.';
  if (ask.status !== 'OPEN' || !ask.publishedAt || !ask.organisationVerified) {
    return ask.status === 'MATCHED' || ask.status === 'COMPLETED'
      ? 'This ask has already been matched with a volunteer, so it is no longer taking offers.'
      : 'This ask is no longer open for offers.';
  }
  if (ask.deadline <= now) return `This ask stopped taking offers at its deadline, ${formatDateTime(ask.deadline, ask.timeZone)}.`;
  // After the reasons anyone would see, so a block shows only on an ask open to everyone else; in neutral words.
  const blocked = blocks ? blockRefusal(blocks) : null;
  if (blocked) return blocked;
  if (ownOrganisation) return 'This ask is from your own organisation, so you cannot offer to help with it.';
  if (load.paused) {
    return load.pausedReason
      ? `Your volunteering is paused: ${load.pausedReason} You cannot offer while paused.`
      : 'You have paused volunteering, so you cannot offer right now. Resume on your volunteer profile to offer again.';
  }
  if (load.spare <= 0) {
    const invited = load.invited > 0 ? `, ${load.invited} invitation${load.invited === 1 ? '' : 's'} to answer` : '';
    return `You have reached your limit of ${load.capacity} session${load.capacity === 1 ? '' : 's'} a month (${load.booked} booked this month, ${load.pending} offer${load.pending === 1 ? '' : 's'} waiting${invited}). Wait for an answer, withdraw an offer, decline an invitation on your dashboard, or raise your monthly limit on your volunteer profile.`;
  }
  return null;
}
