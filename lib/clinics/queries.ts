// Reading a clinic for its page, honouring who may see what (docs/decisions/0029): anyone sees the topic, what
// to bring, skills, time, length, medium and seats left; the volunteer and admins see every seat with its
// charity, question and booker; a charity's staff see only their own seat and question, and once booked the
// joining details and the volunteer's email. Nobody else's names or contacts reach anyone else.
import 'server-only';
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import { blocksBetween } from '@/lib/blocks/policy';
import { db } from '@/lib/db';
import type { FormValues } from '@/lib/forms';
import type { ClinicAttendance, ClinicSeatStatus, ClinicStatus, Medium, Prisma } from '@/lib/generated/prisma/client';
import { clockInZone } from '@/lib/offers/times';
import { canSeeClinic, seatRefusal, staffOrganisations, type ClinicViewer } from './policy';
import { clinicStatusesFrom, LIVE_SEAT_STATUSES, SEAT_HOLDING_STATUSES } from './transitions';

export interface ClinicSeatView {
  id: string;
  status: ClinicSeatStatus;
  question: string;
  organisationId: string;
  organisationName: string;
  /** The staff member who booked it; null once their account is gone. */
  bookerName: string | null;
  createdAt: Date;
  offerExpiresAt: Date | null;
  attendance: ClinicAttendance | null;
  rating: number | null;
  changes: string | null;
  thanks: string | null;
  feedbackAt: Date | null;
  followUpMeetingId: string | null;
}

export interface ClinicPage {
  viewer: ClinicViewer;
  clinic: {
    id: string;
    topic: string;
    description: string;
    bring: string;
    startsAt: Date;
    endsAt: Date;
    /** The volunteer's zone when they offered it; pages show times in the viewer's own zone, named. */
    timeZone: string;
    medium: Medium;
    seats: number;
    seatsLeft: number;
    /** Charities on the waiting list (a number only, never who). */
    waiting: number;
    status: ClinicStatus;
    sequence: number;
    publishedAt: Date | null;
    cancelledAt: Date | null;
    cancelReason: string | null;
    skills: Array<{ slug: string; name: string }>;
    volunteer: { id: string; name: string | null; headline: string | null };
    /** The admin's note when it was sent back or rejected: for the volunteer and admins only. */
    moderationNote: string | null;
  };
  /** The clinic's start has passed: attendance and feedback, no more bookings. */
  started: boolean;
  /** It has ended: the page says it took place, rather than that booking is closed. */
  ended: boolean;
  /** The video link or place: the volunteer, admins and a charity whose seat is BOOKED. */
  joinDetails: string | null;
  /** The volunteer's contact: admins and a charity whose seat is BOOKED. */
  volunteerEmail: string | null;
  /** Every seat and place, live ones first: the volunteer and admins only. */
  seats: ClinicSeatView[] | null;
  /** The viewer's organisation's seat or place (its latest, live or not): staff only. */
  ownSeat: ClinicSeatView | null;
  /** Their place in line when ownSeat is WAITING (1 is next). */
  waitingPosition: number | null;
  /**
   * For staff with no live seat: the organisations they may book for, why they cannot (null when they can), and
   * whether every seat is taken (then the form joins the waiting list instead).
   */
  booking: { organisations: Array<{ id: string; name: string }>; refusal: string | null; full: boolean } | null;
  /** The volunteer may edit (in review or sent back) or withdraw (not yet published) it. */
  canEdit: boolean;
}

const seatSelect = {
  id: true,
  status: true,
  question: true,
  organisationId: true,
  createdAt: true,
  offerExpiresAt: true,
  attendance: true,
  rating: true,
  changes: true,
  thanks: true,
  feedbackAt: true,
  followUpMeetingId: true,
  organisation: { select: { name: true } },
  bookedBy: { select: { name: true } },
} as const;

type SeatRow = {
  id: string;
  status: ClinicSeatStatus;
  question: string;
  organisationId: string;
  createdAt: Date;
  offerExpiresAt: Date | null;
  attendance: ClinicAttendance | null;
  rating: number | null;
  changes: string | null;
  thanks: string | null;
  feedbackAt: Date | null;
  followUpMeetingId: string | null;
  organisation: { name: string };
  bookedBy: { name: string | null } | null;
};

function seatView(row: SeatRow): ClinicSeatView {
  const { organisation, bookedBy, ...rest } = row;
  return { ...rest, organisationName: organisation.name, bookerName: bookedBy?.name ?? null };
}

/** What the clinic page, its edit form and the admin's review card all read of a clinic: what, when, how, its skills. */
export const CLINIC_DETAILS_SELECT = {
  id: true,
  topic: true,
  description: true,
  bring: true,
  startsAt: true,
  endsAt: true,
  timeZone: true,
  medium: true,
  joinDetails: true,
  seats: true,
  skills: { select: { skill: { select: { slug: true, name: true } } }, orderBy: { skill: { name: 'asc' } } },
} satisfies Prisma.ClinicSelect;

const live = (status: ClinicSeatStatus) => LIVE_SEAT_STATUSES.includes(status);

/**
 * The clinic page's view model for `actor` (null: an anonymous visitor, as the cached page renders it), or null
 * when this viewer may not see the clinic (not yet published, withdrawn or rejected: the page is a 404).
 */
export async function clinicPage(actor: Actor | null, clinicId: string, now = new Date()): Promise<ClinicPage | null> {
  if (actor) assertActive(actor);
  const clinic = await db.clinic.findUnique({
    where: { id: clinicId },
    select: {
      ...CLINIC_DETAILS_SELECT,
      status: true,
      sequence: true,
      publishedAt: true,
      cancelledAt: true,
      cancelReason: true,
      moderationNote: true,
      volunteerId: true,
      volunteer: { select: { name: true, email: true, status: true, volunteerProfile: { select: { headline: true } } } },
    },
  });
  if (!clinic) return null;
  const organisations = actor ? await staffOrganisations(actor) : [];
  const viewer: ClinicViewer = !actor
    ? 'public'
    : actor.role === 'ADMIN'
      ? 'admin'
      : actor.id === clinic.volunteerId
        ? 'volunteer'
        : organisations.length > 0
          ? 'staff'
          : 'public';
  if (!canSeeClinic(viewer, clinic.status)) return null;

  // ClinicSeat(clinicId, status, createdAt): counts for everyone, the rows only for those who may see them.
  const counts = await db.clinicSeat.groupBy({ by: ['status'], where: { clinicId }, _count: { _all: true } });
  const count = (statuses: readonly ClinicSeatStatus[]) =>
    counts.filter((row) => statuses.includes(row.status)).reduce((sum, row) => sum + row._count._all, 0);
  const taken = count(SEAT_HOLDING_STATUSES);
  const waiting = count(['WAITING']);
  const sees = viewer === 'admin' || viewer === 'volunteer';

  const seats = sees
    ? (await db.clinicSeat.findMany({ where: { clinicId }, select: seatSelect, orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] }))
        .map(seatView)
        .sort((a, b) => Number(live(b.status)) - Number(live(a.status)))
    : null;

  let ownSeat: ClinicSeatView | null = null;
  let waitingPosition: number | null = null;
  let booking: ClinicPage['booking'] = null;
  if (viewer === 'staff' && actor) {
    const own = await db.clinicSeat.findMany({
      where: { clinicId, organisationId: { in: organisations.map((organisation) => organisation.id) } },
      select: seatSelect,
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    });
    const mine = own.find((row) => live(row.status)) ?? own[0];
    ownSeat = mine ? seatView(mine) : null;
    if (ownSeat?.status === 'WAITING') {
      waitingPosition = await db.clinicSeat.count({
        where: {
          clinicId,
          status: 'WAITING',
          OR: [{ createdAt: { lt: ownSeat.createdAt } }, { createdAt: ownSeat.createdAt, id: { lte: ownSeat.id } }],
        },
      });
    }
    if (!ownSeat || !live(ownSeat.status)) {
      // The refusal for the organisation a booking would be for: the only one, or the only verified one.
      const verified = organisations.filter((organisation) => organisation.status === 'VERIFIED');
      const organisation = verified[0] ?? organisations[0]!;
      const blocks = await blocksBetween(db, organisation.id, clinic.volunteerId);
      booking = {
        organisations: (verified.length > 0 ? verified : organisations).map(({ id, name }) => ({ id, name })),
        refusal: seatRefusal({
          clinic,
          volunteerActive: clinic.volunteer.status === 'ACTIVE',
          organisation,
          blocks,
          actorId: actor.id,
          now,
        }),
        full: taken >= clinic.seats,
      };
    }
  }

  const booked = ownSeat?.status === 'BOOKED';
  return {
    viewer,
    clinic: {
      id: clinic.id,
      topic: clinic.topic,
      description: clinic.description,
      bring: clinic.bring,
      startsAt: clinic.startsAt,
      endsAt: clinic.endsAt,
      timeZone: clinic.timeZone,
      medium: clinic.medium,
      seats: clinic.seats,
      seatsLeft: Math.max(0, clinic.seats - taken),
      waiting,
      status: clinic.status,
      sequence: clinic.sequence,
      publishedAt: clinic.publishedAt,
      cancelledAt: clinic.cancelledAt,
      cancelReason: clinic.cancelReason,
      skills: clinic.skills.map(({ skill }) => skill),
      volunteer: { id: clinic.volunteerId, name: clinic.volunteer.name, headline: clinic.volunteer.volunteerProfile?.headline ?? null },
      moderationNote: sees ? clinic.moderationNote : null,
    },
    started: clinic.startsAt <= now,
    ended: clinic.endsAt <= now,
    joinDetails: sees || booked ? clinic.joinDetails : null,
    volunteerEmail: viewer === 'admin' || booked ? clinic.volunteer.email : null,
    seats,
    ownSeat,
    waitingPosition,
    booking,
    canEdit: viewer === 'volunteer' && clinicStatusesFrom('edit', 'volunteer').includes(clinic.status),
  };
}

/**
 * The clinic form's starting values for editing (the date and time in the zone it was offered in), with its
 * status and the admin's note; AccessDenied unless it is the actor's and still editable.
 */
export async function clinicForEdit(
  actor: Actor,
  clinicId: string,
): Promise<{ values: FormValues; timeZone: string; status: ClinicStatus; moderationNote: string | null }> {
  assertActive(actor);
  const clinic = await db.clinic.findFirst({
    where: { id: clinicId, volunteerId: actor.id, status: { in: clinicStatusesFrom('edit', 'volunteer') } },
    select: {
      ...CLINIC_DETAILS_SELECT,
      status: true,
      moderationNote: true,
      volunteer: { select: { volunteerProfile: { select: { timeZone: true } } } },
    },
  });
  if (!clinic) throw new AccessDenied();
  // The zone editClinic reads the form in: the volunteer's own, now.
  const timeZone = clinic.volunteer.volunteerProfile?.timeZone ?? clinic.timeZone;
  const { date, time } = clockInZone(clinic.startsAt, timeZone);
  return {
    timeZone,
    status: clinic.status,
    moderationNote: clinic.moderationNote,
    values: {
      topic: clinic.topic,
      description: clinic.description,
      bring: clinic.bring,
      skills: clinic.skills.map(({ skill }) => skill.slug),
      date,
      time,
      durationMinutes: String(Math.round((clinic.endsAt.getTime() - clinic.startsAt.getTime()) / 60_000)),
      medium: clinic.medium,
      joinDetails: clinic.joinDetails,
      seats: String(clinic.seats),
    },
  };
}
