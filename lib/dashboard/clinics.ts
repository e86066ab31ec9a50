// The dashboard's clinics: a volunteer's own ("Your clinics"), the seats and waiting places their charity holds,
// and "clinics that fit your open asks" (lib/clinics/listing.ts). Each list is short and read by an index:
// Clinic(volunteerId, startsAt), ClinicSeat(organisationId, status).
import 'server-only';
import type { SessionUser } from '@/lib/auth/session';
import { clinicsFittingOpenAsks, type FittingClinic, seatCounts } from '@/lib/clinics/listing';
import { DAY_MS } from '@/lib/dates';
import { db } from '@/lib/db';
import type { ClinicSeatStatus, ClinicStatus } from '@/lib/generated/prisma/enums';

/** How long after a clinic ends it stays on the dashboard: attendance and feedback are given then. */
const SHOWN_AFTER_END_MS = 14 * DAY_MS;
const MAX_SHOWN = 10;

export interface DashboardClinic {
  id: string;
  topic: string;
  startsAt: Date;
  status: ClinicStatus;
  seats: number;
  taken: number;
  waiting: number;
}

export interface DashboardClinicSeat {
  id: string;
  status: ClinicSeatStatus;
  offerExpiresAt: Date | null;
  organisationName: string;
  clinic: { id: string; topic: string; startsAt: Date; status: ClinicStatus };
}

export interface DashboardClinics {
  /** The volunteer's clinics, soonest first; null when they are not a volunteer. */
  given: DashboardClinic[] | null;
  /** Their organisations' seats and places; null when they are not staff. */
  seats: DashboardClinicSeat[] | null;
  /** Upcoming clinics that fit their organisations' live asks; null when they are not staff of a verified one. */
  fitting: FittingClinic[] | null;
}

async function clinicsGiven(volunteerId: string, now: Date): Promise<DashboardClinic[]> {
  const clinics = await db.clinic.findMany({
    where: {
      volunteerId,
      status: { in: ['PENDING_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED'] },
      endsAt: { gt: new Date(now.getTime() - SHOWN_AFTER_END_MS) },
    },
    select: { id: true, topic: true, startsAt: true, status: true, seats: true },
    orderBy: [{ startsAt: 'asc' }, { id: 'asc' }],
    take: MAX_SHOWN,
  });
  const counts = await seatCounts(clinics.map((clinic) => clinic.id));
  return clinics.map((clinic) => ({ ...clinic, taken: counts.get(clinic.id)?.taken ?? 0, waiting: counts.get(clinic.id)?.waiting ?? 0 }));
}

async function seatsHeld(organisationIds: string[], now: Date): Promise<DashboardClinicSeat[]> {
  const seats = await db.clinicSeat.findMany({
    where: {
      organisationId: { in: organisationIds },
      status: { in: ['BOOKED', 'OFFERED', 'WAITING'] },
      clinic: { endsAt: { gt: new Date(now.getTime() - SHOWN_AFTER_END_MS) } },
    },
    select: {
      id: true,
      status: true,
      offerExpiresAt: true,
      organisation: { select: { name: true } },
      clinic: { select: { id: true, topic: true, startsAt: true, status: true } },
    },
    orderBy: [{ clinic: { startsAt: 'asc' } }, { id: 'asc' }],
    take: MAX_SHOWN,
  });
  return seats.map(({ organisation, ...seat }) => ({ ...seat, organisationName: organisation.name }));
}

export async function dashboardClinics(user: SessionUser, now = new Date()): Promise<DashboardClinics> {
  const organisationIds = user.memberships.map((membership) => membership.organisationId);
  const verified = user.memberships.filter((m) => m.organisation.status === 'VERIFIED').map((m) => m.organisationId);
  const [given, seats, fitting] = await Promise.all([
    user.volunteerProfile ? clinicsGiven(user.id, now) : null,
    organisationIds.length > 0 ? seatsHeld(organisationIds, now) : null,
    verified.length > 0 ? clinicsFittingOpenAsks(verified, now) : null,
  ]);
  return { given, seats, fitting };
}
