// The demo seed: realistic coverage of the marketplace, identical on every run and on both engines.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseClient } from '@/lib/database/client';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { monthBounds, volunteerLoad } from '@/lib/offers/capacity';
import { SEED_CLINICS } from '@/prisma/seed/clinics';
import { DEMO_ACCOUNTS, seedDatabase, userIdFor } from '@/prisma/seed/seed-database';
import { emptyDatabase, isDatabaseEmpty } from '@/prisma/seed/empty-database';
import { testEngines } from '../support/engines';

const TODAY = new Date('2026-06-15T12:00:00Z');

/** Every row of every table, without the timestamps the database fills in at insert time. */
async function snapshot(db: PrismaClient) {
  const tables = await db.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations' ORDER BY tablename`;
  const result: Record<string, unknown[]> = {};
  for (const { tablename } of tables) {
    // As JSON, since Prisma cannot read a tsvector. The search vector itself is left out: it is derived
    // from the title and question, and PostgreSQL 17's Snowball stemmer (PGlite) differs from 15's in a
    // few words ("adding" is "ad" on one, "add" on the other); each engine is consistent with itself.
    // DashboardChange's ids are a sequence that emptying the database leaves running (on purpose: a version
    // must never come back, docs/decisions/0015), so only whose rows they are is compared.
    const rows = await db.$queryRawUnsafe<Array<{ row: Record<string, unknown> }>>(
      `SELECT to_jsonb(t) - 'createdAt' - 'updatedAt' - 'searchVector' - '${tablename === 'DashboardChange' ? 'id' : ''}' AS row FROM "${tablename}" t`,
    );
    result[tablename] = rows.map(({ row }) => JSON.stringify(row)).sort();
  }
  return result;
}

const engines = testEngines().map((engine) => ({ ...engine, client: undefined as DatabaseClient | undefined }));

beforeAll(async () => {
  for (const engine of engines) {
    engine.client = engine.open();
    await seedDatabase(engine.client.db, TODAY);
  }
});
afterAll(async () => {
  for (const engine of engines) await engine.client?.close();
});

describe.each(engines)('the demo seed on the $name engine', (engine) => {
  const db = () => engine.client!.db;

  it('covers every ask status with a realistic spread', async () => {
    // The demo's stories; the twelve weeks of finished history (prisma/seed/history.ts) are counted below.
    const byStatus = await db().ask.groupBy({
      by: ['status'],
      where: { NOT: { id: { startsWith: 'ask-history-' } } },
      _count: true,
      orderBy: { status: 'asc' },
    });
    const counts = Object.fromEntries(byStatus.map((row) => [row.status, row._count]));
    expect(counts).toEqual({
      DRAFT: 1,
      PENDING_REVIEW: 4,
      CHANGES_REQUESTED: 1,
      OPEN: 13, // one of them approved but waiting for its organisation's verification
      MATCHED: 5,
      COMPLETED: 7,
      REJECTED: 1,
      WITHDRAWN: 2, // one of them the broad ask the lottery project was split from
      EXPIRED: 1,
    });
  });

  it('has the taxonomy, organisations, volunteers, meetings and feedback the brief asks for', async () => {
    expect(await db().skillCategory.count()).toBe(10);
    expect(await db().skill.count()).toBeGreaterThanOrEqual(60);
    expect(await db().organisation.count()).toBe(12);
    expect(await db().organisation.count({ where: { status: 'PENDING_VERIFICATION' } })).toBe(2);
    expect(await db().volunteerProfile.count()).toBeGreaterThanOrEqual(40);
    expect(await db().meeting.count({ where: { status: 'HELD', NOT: { id: { startsWith: 'meeting-history-' } } } })).toBe(7);
    expect(await db().meeting.count({ where: { status: 'SCHEDULED', startsAt: { gt: TODAY } } })).toBe(6);
    expect(await db().feedback.count()).toBeGreaterThanOrEqual(10);
  });

  it('has twelve weeks of finished history for the health page, with a skills gap', async () => {
    const thisMonday = Date.UTC(2026, 5, 15); // TODAY is a Monday
    for (let week = 1; week <= 12; week += 1) {
      const from = new Date(thisMonday - week * 7 * 86_400_000);
      const to = new Date(from.getTime() + 7 * 86_400_000);
      const approved = await db().ask.count({
        where: { id: { startsWith: 'ask-history-' }, moderatedAt: { gte: from, lt: to }, publishedAt: { not: null } },
      });
      const held = await db().meeting.count({
        where: { id: { startsWith: 'meeting-history-' }, status: 'HELD', startsAt: { gte: from, lt: to } },
      });
      expect(approved, `approved in the week of ${from.toISOString()}`).toBeGreaterThanOrEqual(4);
      expect(held, `held in the week of ${from.toISOString()}`).toBeGreaterThanOrEqual(1);
    }
    // Finished business only: nothing of it is open, waiting or still to come.
    expect(
      await db().ask.count({
        where: { id: { startsWith: 'ask-history-' }, status: { notIn: ['COMPLETED', 'EXPIRED', 'WITHDRAWN', 'REJECTED'] } },
      }),
    ).toBe(0);
    expect(
      await db().meeting.count({
        where: { id: { startsWith: 'meeting-history-' }, OR: [{ status: 'SCHEDULED' }, { endsAt: { gt: TODAY } }] },
      }),
    ).toBe(0);
    expect(await db().offer.count({ where: { id: { startsWith: 'offer-history-' }, status: 'PENDING' } })).toBe(0);
    // The gap: gifts in wills asked for again and again, and one volunteer who gives them.
    const legacyAsks = await db().askSkill.count({ where: { skillId: 'skill-legacy-giving', askId: { startsWith: 'ask-history-' } } });
    expect(legacyAsks).toBeGreaterThanOrEqual(10);
    expect(await db().volunteerSkill.count({ where: { skillId: 'skill-legacy-giving' } })).toBe(1);
  });

  it('creates the three demo accounts named in the README', async () => {
    const charity = await db().user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.charity },
      include: { memberships: { include: { organisation: true } } },
    });
    const volunteer = await db().user.findUniqueOrThrow({
      where: { email: DEMO_ACCOUNTS.volunteer },
      include: { volunteerProfile: { include: { skills: true } } },
    });
    const admin = await db().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.admin } });

    expect(charity.memberships.map((m) => [m.organisation.name, m.role])).toEqual([['Brightside Youth Club', 'OWNER']]);
    expect(volunteer.volunteerProfile?.skills.length).toBeGreaterThan(3);
    expect(admin.role).toBe('ADMIN');
  });

  it('only publishes asks from verified organisations', async () => {
    expect(await db().ask.count({ where: { publishedAt: { not: null }, organisation: { status: { not: 'VERIFIED' } } } })).toBe(0);
    expect(await db().ask.count({ where: { status: 'OPEN', publishedAt: null } })).toBe(1);
  });

  it('stores the coach’s score for every ask, and the moderation queue has examples', async () => {
    expect(await db().ask.count({ where: { qualityScore: null } })).toBe(0);
    expect(await db().ask.count({ where: { status: 'PENDING_REVIEW' } })).toBeGreaterThanOrEqual(3);
    expect(await db().ask.count({ where: { status: 'CHANGES_REQUESTED', moderationNote: { not: null } } })).toBe(1);
  });
});

describe.each(engines)('the demo marketplace loop on the $name engine', (engine) => {
  const db = () => engine.client!.db;
  const ids = async () => ({
    charity: (await db().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.charity } })).id,
    volunteer: (await db().user.findUniqueOrThrow({ where: { email: DEMO_ACCOUNTS.volunteer } })).id,
  });

  it('gives the demo charity an open ask with three pending offers to compare, each inside the ask’s windows', async () => {
    const { volunteer } = await ids();
    const ask = await db().ask.findUniqueOrThrow({
      where: { id: 'ask-lottery-difference-question' },
      include: { organisation: true, offers: { where: { status: 'PENDING' }, include: { times: true } } },
    });
    expect(ask.status).toBe('OPEN');
    expect(ask.organisation.name).toBe('Brightside Youth Club');
    expect(ask.offers).toHaveLength(3);
    expect(new Set(ask.offers.map((offer) => offer.volunteerId)).size).toBe(3);
    expect(ask.offers.map((offer) => offer.volunteerId)).toContain(volunteer);
    expect(new Set(ask.offers.map((offer) => offer.medium)).size).toBeGreaterThan(1);
    expect(new Set(ask.offers.map((offer) => offer.message)).size).toBe(3);
    for (const offer of ask.offers) {
      expect(offer.times.length).toBeGreaterThanOrEqual(2);
      expect(offer.times.length).toBeLessThanOrEqual(3);
      expect(ask.media).toContain(offer.medium);
      const starts = offer.times.map((time) => time.startsAt.getTime()).sort((a, b) => a - b);
      for (let i = 1; i < starts.length; i += 1) expect(starts[i]! - starts[i - 1]!).toBeGreaterThanOrEqual(ask.durationMinutes * 60_000);
      for (const time of offer.times) {
        expect(time.startsAt.getTime()).toBeGreaterThanOrEqual(TODAY.getTime() + 2 * 3_600_000);
        expect(time.endsAt.getTime() - time.startsAt.getTime()).toBe(ask.durationMinutes * 60_000);
        expect(
          insideWindows(ask.availability as unknown as AvailabilityWindow[], ask.timeZone, time.startsAt, time.endsAt),
          time.startsAt.toISOString(),
        ).toBe(true);
      }
    }
  });

  it('books the demo pair an upcoming meeting from an accepted offer, and has a move waiting on another', async () => {
    const { charity, volunteer } = await ids();
    const upcoming = await db().meeting.findMany({
      where: { volunteerId: volunteer, organisationId: 'org-brightside', status: 'SCHEDULED', startsAt: { gt: TODAY } },
      include: { offer: true, ask: true, moves: true },
      orderBy: { startsAt: 'asc' },
    });
    const booked = upcoming.find((meeting) => meeting.offer);
    expect(booked?.offer?.status).toBe('ACCEPTED');
    expect(booked?.ask.status).toBe('MATCHED');
    expect(booked?.joinDetails).toBeTruthy();
    expect(booked?.bookedById).toBe(charity);

    const moving = upcoming.filter((meeting) => meeting.moves.some((move) => move.status === 'PENDING'));
    expect(moving).toHaveLength(1);
    const move = moving[0]!.moves.find((candidate) => candidate.status === 'PENDING')!;
    expect(moving[0]!.id).not.toBe(booked?.id);
    expect(move).toMatchObject({ proposedById: volunteer, proposedByParty: 'VOLUNTEER', previousStartsAt: moving[0]!.startsAt });
    expect(move.endsAt.getTime() - move.startsAt.getTime()).toBe(moving[0]!.endsAt.getTime() - moving[0]!.startsAt.getTime());
  });

  it('gives the demo volunteer a thank-you note and a put-into-practice answer from a held meeting', async () => {
    const { volunteer } = await ids();
    const held = await db().meeting.findMany({
      where: { volunteerId: volunteer, status: 'HELD', ask: { status: 'COMPLETED' }, feedback: { some: { party: 'CHARITY' } } },
      include: { feedback: true, followUps: true },
    });
    const reviewed = held.find((meeting) =>
      meeting.followUps.some((followUp) => followUp.kind === 'PRACTICE_CHECK' && followUp.status === 'DONE' && followUp.response),
    );
    expect(reviewed).toBeDefined();
    const fromCharity = reviewed!.feedback.find((entry) => entry.party === 'CHARITY')!;
    expect(fromCharity.rating).toBeGreaterThanOrEqual(1);
    expect(fromCharity.changes).toBeTruthy();
    expect(fromCharity.thanks).toBeTruthy();
    const fromVolunteer = reviewed!.feedback.find((entry) => entry.party === 'VOLUNTEER')!;
    expect(fromVolunteer.wellScoped).not.toBeNull();
    expect(fromVolunteer.comment).toBeTruthy();
    const check = reviewed!.followUps.find((followUp) => followUp.kind === 'PRACTICE_CHECK')!;
    expect(['YES', 'PARTLY']).toContain(check.practiceOutcome);
  });

  it('has feedback owed, a late cancellation with its history, a no-show and a catch-up booked again', async () => {
    const { volunteer } = await ids();
    const owed = await db().meeting.findMany({
      where: { volunteerId: volunteer, organisationId: 'org-brightside', status: 'HELD', feedback: { none: {} }, endsAt: { lt: TODAY } },
    });
    expect(owed).toHaveLength(1);

    const cancelled = await db().meeting.findFirstOrThrow({
      where: { organisationId: 'org-brightside', status: 'CANCELLED' },
      include: { moves: true, offer: true, ask: { include: { meetings: true } } },
    });
    expect(cancelled.cancelledLate).toBe(true);
    expect(cancelled.cancelReason).toBeTruthy();
    expect(cancelled.cancelledById).toBe(cancelled.volunteerId);
    expect(cancelled.startsAt.getTime() - cancelled.cancelledAt!.getTime()).toBeLessThan(24 * 3_600_000);
    expect(cancelled.startsAt.getTime()).toBeGreaterThan(cancelled.cancelledAt!.getTime());
    expect(cancelled.moves.map((move) => move.status)).toEqual(['ACCEPTED']);
    expect(cancelled.moves[0]!.startsAt).toEqual(cancelled.startsAt);
    expect(cancelled.sequence).toBe(2);
    expect(cancelled.offer?.status).toBe('WITHDRAWN'); // the volunteer cancelled
    // The ask reopened and was matched again.
    expect(cancelled.ask.status).toBe('MATCHED');
    expect(cancelled.ask.meetings.filter((meeting) => meeting.status === 'SCHEDULED')).toHaveLength(1);

    const missed = await db().meeting.findFirstOrThrow({ where: { organisationId: 'org-brightside', status: 'NO_SHOW' } });
    expect(missed.noShowParty).toBe('VOLUNTEER');
    expect(missed.startsAt.getTime()).toBeLessThan(TODAY.getTime());
    const missedBy = await db().volunteerProfile.findUniqueOrThrow({ where: { userId: missed.volunteerId } });
    expect(missedBy.noShowCount).toBe(1);
    expect(missedBy.pausedAt).toBeNull();

    const catchUps = await db().followUp.findMany({
      where: { kind: 'CATCH_UP' },
      include: { meeting: true, nextMeeting: true },
    });
    const upcoming = catchUps.find((followUp) => followUp.nextMeeting?.status === 'SCHEDULED');
    expect(upcoming?.meeting.status).toBe('HELD');
    expect(upcoming?.meeting.volunteerId).toBe(volunteer);
    expect(upcoming?.nextMeeting).toMatchObject({ askId: upcoming?.meeting.askId, volunteerId: volunteer, offerId: null });
    expect(upcoming!.nextMeeting!.startsAt.getTime()).toBeGreaterThan(TODAY.getTime());
    for (const followUp of catchUps) {
      expect(followUp.nextMeeting?.offerId).toBeNull();
      expect(followUp.nextMeeting?.askId).toBe(followUp.meeting.askId);
      expect(followUp.nextMeeting!.startsAt.getTime()).toBeGreaterThan(followUp.meeting.endsAt.getTime());
    }
  });

  it('gives every volunteer offering on the compared ask held sessions the charity rated', async () => {
    const offers = await db().offer.findMany({ where: { askId: 'ask-lottery-difference-question', status: 'PENDING' } });
    for (const offer of offers) {
      const rated = await db().feedback.count({
        where: { party: 'CHARITY', rating: { not: null }, meeting: { volunteerId: offer.volunteerId, status: 'HELD' } },
      });
      expect(rated, offer.volunteerId).toBeGreaterThanOrEqual(1);
    }
  });

  it('keeps the rules the app keeps', async () => {
    // Every meeting made from an offer uses its volunteer and ask; accepted offers are the ones booked.
    const meetings = await db().meeting.findMany({ include: { offer: true } });
    for (const meeting of meetings) {
      if (meeting.offer) {
        expect(meeting.offer.askId).toBe(meeting.askId);
        expect(meeting.offer.volunteerId).toBe(meeting.volunteerId);
        expect(meeting.status === 'CANCELLED' ? ['WITHDRAWN', 'DECLINED'] : ['ACCEPTED']).toContain(meeting.offer.status);
      } else {
        expect(await db().followUp.count({ where: { kind: 'CATCH_UP', nextMeetingId: meeting.id } }), meeting.id).toBe(1);
      }
      expect(meeting.status === 'CANCELLED').toBe(meeting.cancelledAt !== null);
      expect(meeting.status === 'NO_SHOW').toBe(meeting.noShowParty !== null);
    }
    // Feedback only on held meetings; a MATCHED ask has a booked meeting; a COMPLETED one a held meeting.
    expect(await db().feedback.count({ where: { meeting: { status: { not: 'HELD' } } } })).toBe(0);
    expect(await db().ask.count({ where: { status: 'MATCHED', meetings: { none: { status: 'SCHEDULED' } } } })).toBe(0);
    expect(await db().ask.count({ where: { status: 'COMPLETED', meetings: { none: { status: 'HELD' } } } })).toBe(0);
    expect(await db().offer.count({ where: { status: 'DECLINED', declineReason: null } })).toBe(0);
    expect(await db().offer.count({ where: { status: 'WITHDRAWN', withdrawnBecause: null } })).toBe(0);
    // No volunteer is in two meetings at once (the exclusion constraint, checked again here).
    const overlaps = await db().$queryRaw<Array<{ id: string }>>`
      SELECT a.id FROM "Meeting" a JOIN "Meeting" b ON a."volunteerId" = b."volunteerId" AND a.id < b.id
       WHERE a.status <> 'CANCELLED' AND b.status <> 'CANCELLED' AND a."startsAt" < b."endsAt" AND b."startsAt" < a."endsAt"`;
    expect(overlaps).toEqual([]);
  });

  it('has an invitation waiting for the demo volunteer from another charity, with a line, within his capacity', async () => {
    const { volunteer } = await ids();
    const invitations = await db().invitation.findMany({
      where: { volunteerId: volunteer, status: 'PENDING' },
      include: { ask: { include: { organisation: { include: { memberships: true } } } }, invitedBy: true },
    });
    expect(invitations).toHaveLength(1);
    const [invitation] = invitations;
    expect(invitation!.ask).toMatchObject({ id: 'ask-shed-small-grants', status: 'OPEN', organisationVerified: true });
    expect(invitation!.ask.deadline.getTime()).toBeGreaterThan(TODAY.getTime());
    expect(invitation!.ask.organisation.memberships.map((m) => m.userId)).toContain(invitation!.invitedById);
    expect(invitation!.ask.organisation.memberships.map((m) => m.userId)).not.toContain(volunteer);
    expect(invitation!.message?.length).toBeGreaterThan(20);
    expect(await db().offer.count({ where: { askId: invitation!.askId, volunteerId: volunteer } })).toBe(0);
    // Counted like an offer, it still leaves Alex a place for one more offer of his own this month.
    expect(await volunteerLoad(db(), volunteer, TODAY)).toMatchObject({ invited: 1, paused: false, spare: 1 });
  });
});

describe.each(engines)('the demo clinics on the $name engine', (engine) => {
  const db = () => engine.client!.db;
  const live = ['BOOKED', 'OFFERED'] as const;
  const load = (clinicId: string) =>
    db().clinic.findUniqueOrThrow({ where: { id: clinicId }, include: { seatRows: { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] } } });

  it('has an upcoming published clinic with two seats left that the demo charity can book', async () => {
    const clinic = await load(SEED_CLINICS.seatsLeft);
    expect(clinic.status).toBe('PUBLISHED');
    expect(clinic.publishedAt).not.toBeNull();
    expect(clinic.startsAt.getTime()).toBeGreaterThan(TODAY.getTime());
    const taken = clinic.seatRows.filter((seat) => (live as readonly string[]).includes(seat.status));
    expect(clinic.seats - taken.length).toBe(2);
    expect(clinic.seatRows.filter((seat) => seat.status === 'WAITING')).toEqual([]);
    expect(clinic.seatRows.map((seat) => seat.organisationId)).not.toContain('org-brightside');
    expect(await db().block.count({ where: { organisationId: 'org-brightside', volunteerId: clinic.volunteerId } })).toBe(0);
  });

  it('has a full upcoming clinic with two charities waiting in line', async () => {
    const clinic = await load(SEED_CLINICS.full);
    expect(clinic.status).toBe('PUBLISHED');
    expect(clinic.startsAt.getTime()).toBeGreaterThan(TODAY.getTime());
    expect(clinic.seatRows.filter((seat) => seat.status === 'BOOKED')).toHaveLength(clinic.seats);
    const waiting = clinic.seatRows.filter((seat) => seat.status === 'WAITING');
    expect(waiting.map((seat) => seat.organisationId)).toEqual(['org-secondchapter', 'org-dementiacafe']);
    // Every place joined after the last seat was taken: the list formed because the clinic was full.
    const lastBooked = Math.max(...clinic.seatRows.filter((seat) => seat.status === 'BOOKED').map((seat) => seat.createdAt.getTime()));
    for (const seat of waiting) expect(seat.createdAt.getTime()).toBeGreaterThan(lastBooked);
  });

  it('has a past clinic with attendance marked and feedback, the demo charity’s with a thank-you', async () => {
    const clinic = await load(SEED_CLINICS.past);
    expect(clinic.endsAt.getTime()).toBeLessThan(TODAY.getTime());
    const booked = clinic.seatRows.filter((seat) => seat.status === 'BOOKED');
    expect(booked.length).toBeGreaterThanOrEqual(3);
    for (const seat of booked) {
      expect(seat.attendance, seat.id).not.toBeNull();
      expect(seat.attendanceAt!.getTime()).toBeGreaterThanOrEqual(clinic.startsAt.getTime());
    }
    expect(booked.filter((seat) => seat.attendance === 'NO_SHOW')).toHaveLength(1);
    const rated = booked.filter((seat) => seat.rating !== null);
    expect(rated.length).toBeGreaterThanOrEqual(2);
    for (const seat of rated) {
      expect(seat.attendance).toBe('ATTENDED');
      expect(seat.changes).toBeTruthy();
      expect(seat.feedbackAt!.getTime()).toBeGreaterThan(clinic.endsAt.getTime());
      expect(seat.feedbackAt!.getTime()).toBeLessThan(TODAY.getTime());
    }
    const brightside = booked.find((seat) => seat.organisationId === 'org-brightside');
    expect(brightside).toMatchObject({ attendance: 'ATTENDED', rating: 5, bookedById: userIdFor(DEMO_ACCOUNTS.charity) });
    expect(brightside?.thanks).toBeTruthy();
  });

  it('has exactly one clinic waiting for review, with nothing booked on it', async () => {
    const pending = await db().clinic.findMany({ where: { status: 'PENDING_REVIEW' }, include: { seatRows: true } });
    expect(pending.map((clinic) => clinic.id)).toEqual([SEED_CLINICS.pending]);
    expect(pending[0]).toMatchObject({ moderatedAt: null, publishedAt: null, seatRows: [] });
    expect(pending[0]!.startsAt.getTime()).toBeGreaterThan(TODAY.getTime());
  });

  it('keeps the rules the app keeps', async () => {
    const clinics = await db().clinic.findMany({
      include: { seatRows: true, skills: true, volunteer: { include: { volunteerProfile: true } } },
    });
    expect(clinics).toHaveLength(4);
    const volunteers = new Set<string>();
    for (const clinic of clinics) {
      const profile = clinic.volunteer.volunteerProfile!;
      volunteers.add(clinic.volunteerId);
      expect(profile.pausedAt, clinic.id).toBeNull();
      expect(clinic.timeZone).toBe(profile.timeZone);
      expect(profile.media).toContain(clinic.medium);
      expect(clinic.skills.length).toBeGreaterThanOrEqual(1);
      expect(clinic.status === 'PUBLISHED').toBe(clinic.publishedAt !== null);
      expect(clinic.submittedAt.getTime()).toBeLessThan(TODAY.getTime());
      for (const seat of clinic.seatRows) {
        expect(seat.createdAt.getTime(), seat.id).toBeGreaterThan(clinic.publishedAt!.getTime());
        expect(seat.createdAt.getTime(), seat.id).toBeLessThan(Math.min(clinic.startsAt.getTime(), TODAY.getTime()));
        // Booked by the organisation's own staff, a verified organisation with no block between it and the volunteer.
        const organisation = await db().organisation.findUniqueOrThrow({
          where: { id: seat.organisationId },
          include: { memberships: true },
        });
        expect(organisation.status).toBe('VERIFIED');
        expect(organisation.memberships.map((m) => m.userId)).toContain(seat.bookedById);
        expect(organisation.memberships.map((m) => m.userId)).not.toContain(clinic.volunteerId);
        expect(await db().block.count({ where: { organisationId: seat.organisationId, volunteerId: clinic.volunteerId } })).toBe(0);
        // With the audit trail the app would have written (/admin/audit?target=<seat>).
        const trail = await db().auditLog.findMany({ where: { entityId: seat.id }, orderBy: { createdAt: 'asc' } });
        expect(trail.map((row) => row.action)).toEqual([
          seat.status === 'WAITING' ? 'clinic.seat.wait' : 'clinic.seat.book',
          ...(seat.attendance ? ['clinic.seat.attendance'] : []),
          ...(seat.feedbackAt ? ['clinic.seat.feedback'] : []),
        ]);
        if (seat.attendance !== null) expect(clinic.endsAt.getTime()).toBeLessThan(TODAY.getTime());
        if (seat.rating !== null) expect(seat.attendance).toBe('ATTENDED');
      }
    }
    // Each clinic is one session of its volunteer's monthly capacity: nobody is seeded past theirs.
    for (const volunteerId of volunteers) {
      const profile = await db().volunteerProfile.findUniqueOrThrow({ where: { userId: volunteerId } });
      for (const clinic of clinics.filter((candidate) => candidate.volunteerId === volunteerId)) {
        const { start, end } = monthBounds(clinic.startsAt, profile.timeZone);
        const sessions =
          (await db().meeting.count({ where: { volunteerId, status: { in: ['SCHEDULED', 'HELD'] }, startsAt: { gte: start, lt: end } } })) +
          (await db().clinic.count({
            where: { volunteerId, status: { in: ['PENDING_REVIEW', 'CHANGES_REQUESTED', 'PUBLISHED'] }, startsAt: { gte: start, lt: end } },
          })) +
          (await db().offer.count({ where: { volunteerId, status: 'PENDING' } })) +
          (await db().invitation.count({ where: { volunteerId, status: 'PENDING' } }));
        expect(sessions, `${clinic.id} in its volunteer's month`).toBeLessThanOrEqual(profile.monthlyCapacity);
      }
    }
  });
});

interface AvailabilityWindow {
  weekday: number;
  from: string;
  to: string;
}

/** Whether [start, end) lies inside one weekly window, read in `timeZone` (1 = Monday). */
function insideWindows(windows: AvailabilityWindow[], timeZone: string, start: Date, end: Date): boolean {
  const local = (instant: Date) => {
    const parts = Object.fromEntries(
      new Intl.DateTimeFormat('en-GB', { timeZone, weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
        .formatToParts(instant)
        .map((part) => [part.type, part.value]),
    );
    const weekday = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'].indexOf(parts.weekday!) + 1;
    return { weekday, time: `${parts.hour}:${parts.minute}` };
  };
  const from = local(start);
  const to = local(end);
  return windows.some(
    (window) => window.weekday === from.weekday && from.weekday === to.weekday && from.time >= window.from && to.time <= window.to,
  );
}

describe('seeding', () => {
  it('is deterministic: the same day gives the same rows, on either engine', async () => {
    const [first, ...others] = await Promise.all(engines.map((engine) => snapshot(engine.client!.db)));
    for (const other of others) expect(other).toEqual(first);

    const engine = engines[0]!;
    await emptyDatabase(engine.client!.db);
    expect(await isDatabaseEmpty(engine.client!.db)).toBe(true);
    await seedDatabase(engine.client!.db, TODAY);
    expect(await snapshot(engine.client!.db)).toEqual(first);
  });

  it('seeds on any day of the week and across the clock changes without breaking a constraint', async () => {
    const engine = engines[0]!;
    const days = ['2026-06-13T08:00:00Z', '2026-06-14T23:30:00Z', '2026-03-27T09:00:00Z', '2026-10-24T12:00:00Z'];
    for (const day of days) {
      await emptyDatabase(engine.client!.db);
      const summary = await seedDatabase(engine.client!.db, new Date(day));
      expect(summary.meetings, day).toBe(await engine.client!.db.meeting.count());
      const upcoming = await engine.client!.db.meeting.count({ where: { status: 'SCHEDULED', startsAt: { gt: new Date(day) } } });
      expect(upcoming, day).toBeGreaterThanOrEqual(6);
      expect(summary.clinics, day).toBe(4);
      const clinicsAhead = await engine.client!.db.clinic.count({ where: { status: 'PUBLISHED', startsAt: { gt: new Date(day) } } });
      expect(clinicsAhead, day).toBe(2);
    }
    await emptyDatabase(engine.client!.db);
    await seedDatabase(engine.client!.db, TODAY);
  });
});
