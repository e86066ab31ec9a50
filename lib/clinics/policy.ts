// Who may do what with a clinic. A volunteer offers, edits and withdraws their own; admins moderate; staff of
// a verified organisation book one seat per organisation (or a place on the waiting list) and manage their
// organisation's seat. A guessed id of anyone else's clinic or seat finds nothing (AccessDenied, a 404).
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import type { PairBlocks } from '@/lib/blocks/policy';
import { formatDateTime } from '@/lib/dates';
import { db } from '@/lib/db';
import type { ClinicStatus, OrganisationStatus, Prisma } from '@/lib/generated/prisma/client';
import type { VolunteerLoad } from '@/lib/offers/capacity';

type Db = Prisma.TransactionClient | typeof db;

/** How someone stands towards a clinic: it decides what of it they see (lib/clinics/queries.ts). */
export type ClinicViewer = 'admin' | 'volunteer' | 'staff' | 'public';

/** Only the volunteer and admins see a clinic before it is published, or once it is withdrawn or rejected. */
export function canSeeClinic(viewer: ClinicViewer, status: ClinicStatus): boolean {
  if (viewer === 'admin' || viewer === 'volunteer') return true;
  return status === 'PUBLISHED' || status === 'CANCELLED';
}

/** The clinic, if the actor offered it; AccessDenied (a 404) otherwise. */
export async function assertOwnClinic(actor: Actor, clinicId: string, client: Db = db) {
  assertActive(actor);
  const clinic = await client.clinic.findFirst({
    where: { id: clinicId, volunteerId: actor.id },
    select: { id: true, status: true, startsAt: true, timeZone: true },
  });
  if (!clinic) throw new AccessDenied();
  return clinic;
}

/** The `where` for a seat of one of the actor's organisations: a guessed id of another charity's seat finds nothing. */
export function staffSeatWhere(actor: Actor, seatId: string): Prisma.ClinicSeatWhereInput {
  return { id: seatId, organisation: { memberships: { some: { userId: actor.id } } } };
}

/** The seat, if the actor is staff of its organisation; AccessDenied (a 404) otherwise. */
export async function assertSeatStaff(actor: Actor, seatId: string, client: Db = db) {
  assertActive(actor);
  const seat = await client.clinicSeat.findFirst({
    where: staffSeatWhere(actor, seatId),
    select: { id: true, clinicId: true, organisationId: true, status: true, offerExpiresAt: true },
  });
  if (!seat) throw new AccessDenied();
  return seat;
}

export interface ClinicOfferingSituation {
  hasProfile: boolean;
  /** The volunteer's load in the clinic's month (lib/offers/capacity.ts): a clinic counts as one session. */
  load: VolunteerLoad;
}

/** Why this volunteer cannot offer a clinic right now, in words for them; null when they can. */
export function clinicOfferRefusal({ hasProfile, load }: ClinicOfferingSituation): string | null {
  if (!hasProfile) return 'Create your volunteer profile before offering a clinic, so charities can see what you bring.';
  if (load.paused) {
    return load.pausedReason
      ? `Your volunteering is paused: ${load.pausedReason} You cannot offer a clinic while paused.`
      : 'You have paused volunteering, so you cannot offer a clinic right now. Resume on your volunteer profile to offer one.';
  }
  if (load.spare <= 0) {
    return `You have reached your limit of ${load.capacity} session${load.capacity === 1 ? '' : 's'} a month for that month (a clinic counts as one session). Choose a date in another month, or raise your monthly limit on your volunteer profile.`;
  }
  return null;
}

export interface SeatSituation {
  clinic: { status: ClinicStatus; startsAt: Date; timeZone: string; volunteerId: string };
  /** The volunteer's account is active: a suspended volunteer's clinics leave the lists and take no bookings. */
  volunteerActive: boolean;
  organisation: { status: OrganisationStatus };
  /** A block between the organisation and the clinic's volunteer (lib/blocks), either way. */
  blocks: PairBlocks;
  actorId: string;
  now: Date;
}

/**
 * Why staff of this organisation cannot book a seat on (or join the waiting list of) this clinic, in words for
 * them; null when they can. Whether a seat is free is decided under the clinic's row lock (lib/clinics/seats.ts).
 */
export function seatRefusal({ clinic, volunteerActive, organisation, blocks, actorId, now }: SeatSituation): string | null {
  if (clinic.status !== 'PUBLISHED') {
    return clinic.status === 'CANCELLED'
      ? 'This clinic has been cancelled, so it is not taking bookings.'
      : 'This clinic is not open for booking.';
  }
  if (!volunteerActive) return 'This clinic is not open for booking.';
  if (clinic.startsAt <= now) {
    return `This clinic started at ${formatDateTime(clinic.startsAt, clinic.timeZone)}, so it is no longer taking bookings.`;
  }
  if (organisation.status !== 'VERIFIED') {
    return 'Your organisation must be verified before it can book a clinic. We will email you when it is.';
  }
  if (clinic.volunteerId === actorId) return 'This is your own clinic, so you cannot book a seat on it.';
  // Their own block they may be told about, with how to undo it; the volunteer's block is never named
  // (docs/decisions/0026), so it reads like any other refusal.
  if (blocks.byOrganisation) {
    return 'Your organisation has blocked this volunteer, so it cannot book their clinic. Unblock them on your organisation’s page to book.';
  }
  if (blocks.byVolunteer) return 'This clinic is not taking bookings from your organisation.';
  return null;
}

/** The organisations the actor is staff of, with their status: the ones a seat may be booked for. */
export async function staffOrganisations(actor: Actor, client: Db = db) {
  const memberships = await client.membership.findMany({
    where: { userId: actor.id },
    select: { organisation: { select: { id: true, name: true, status: true } } },
    orderBy: { createdAt: 'asc' },
  });
  return memberships.map(({ organisation }) => organisation);
}
