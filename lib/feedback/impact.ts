// A volunteer's impact: the sessions they gave and what came of them. Three queries whatever the history:
// one aggregate for the figures, one bounded list of the meetings that carry a thank-you or an answer, and one of
// the group clinics' thank-yous. A clinic counts as one session (its length, once) when at least one charity came,
// and each charity that came is an organisation helped (issue 22).
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { PracticeOutcome } from '@/lib/generated/prisma/client';

/** The most notes and answers the page lists; the figures always count everything. */
export const IMPACT_LIST_LIMIT = 50;

export interface ImpactNote {
  meetingId: string;
  askTitle: string;
  organisationName: string;
  heldAt: Date;
  givenAt: Date;
}

/** A charity's thank-you from its seat at one of the volunteer's group clinics. */
export interface ClinicThanks {
  clinicId: string;
  topic: string;
  organisationName: string;
  heldAt: Date;
  givenAt: Date;
  thanks: string;
}

export interface VolunteerImpact {
  sessions: number;
  minutes: number;
  organisations: number;
  thanks: Array<ImpactNote & { thanks: string }>;
  clinicThanks: ClinicThanks[];
  practice: Array<ImpactNote & { outcome: PracticeOutcome; response: string | null }>;
}

/** The actor's own impact as a volunteer: HELD sessions, hours given, organisations helped, notes, answers. */
export async function volunteerImpact(actor: Actor): Promise<VolunteerImpact> {
  assertActive(actor);
  const [[totals], meetings, clinicSeats] = await Promise.all([
    // Index Meeting(volunteerId, status, noShowParty) finds the volunteer's HELD meetings; Clinic(volunteerId,
    // startsAt) their clinics, and ClinicSeat(clinicId, status, createdAt) each clinic's seats.
    db.$queryRaw<Array<{ sessions: number; minutes: number; organisations: number }>>`
      WITH "given" AS (
        SELECT "id", "organisationId", "startsAt", "endsAt"
          FROM "Meeting"
         WHERE "volunteerId" = ${actor.id} AND "status" = 'HELD'
      ), "came" AS (
        SELECT c."id" AS "clinicId", c."startsAt", c."endsAt", s."organisationId"
          FROM "Clinic" c
          JOIN "ClinicSeat" s ON s."clinicId" = c."id" AND s."status" = 'BOOKED' AND s."attendance" = 'ATTENDED'
         WHERE c."volunteerId" = ${actor.id} AND c."status" = 'PUBLISHED'
      ), "clinics" AS (
        SELECT DISTINCT "clinicId", "startsAt", "endsAt" FROM "came"
      )
      SELECT ((SELECT count(*) FROM "given") + (SELECT count(*) FROM "clinics"))::int AS "sessions",
             coalesce(round((SELECT sum(extract(epoch FROM ("endsAt" - "startsAt"))) FROM "given") / 60), 0)::int
               + coalesce(round((SELECT sum(extract(epoch FROM ("endsAt" - "startsAt"))) FROM "clinics") / 60), 0)::int AS "minutes",
             (SELECT count(DISTINCT "organisationId")
                FROM (SELECT "organisationId" FROM "given" UNION SELECT "organisationId" FROM "came") AS "helped")::int AS "organisations"`,
    db.meeting.findMany({
      where: {
        volunteerId: actor.id,
        // Feedback needs a HELD meeting; a practice check is also sent for a session nobody marked held.
        status: { in: ['HELD', 'SCHEDULED'] },
        OR: [
          { feedback: { some: { party: 'CHARITY', thanks: { not: null }, hiddenAt: null } } },
          { followUps: { some: { kind: 'PRACTICE_CHECK', status: 'DONE', practiceOutcome: { not: null } } } },
        ],
      },
      select: {
        id: true,
        startsAt: true,
        ask: { select: { title: true } },
        organisation: { select: { name: true } },
        // A note hidden by an admin after a report (lib/reports) is not shown.
        feedback: { where: { party: 'CHARITY', thanks: { not: null }, hiddenAt: null }, select: { thanks: true, createdAt: true } },
        followUps: {
          where: { kind: 'PRACTICE_CHECK', status: 'DONE', practiceOutcome: { not: null } },
          select: { practiceOutcome: true, response: true, respondedAt: true, updatedAt: true },
        },
      },
      orderBy: [{ startsAt: 'desc' }, { id: 'desc' }],
      take: IMPACT_LIST_LIMIT,
    }),
    db.clinicSeat.findMany({
      where: { status: 'BOOKED', thanks: { not: null }, clinic: { volunteerId: actor.id, status: 'PUBLISHED' } },
      select: {
        thanks: true,
        feedbackAt: true,
        updatedAt: true,
        organisation: { select: { name: true } },
        clinic: { select: { id: true, topic: true, startsAt: true } },
      },
      orderBy: [{ feedbackAt: 'desc' }, { id: 'desc' }],
      take: IMPACT_LIST_LIMIT,
    }),
  ]);

  const thanks: VolunteerImpact['thanks'] = [];
  const practice: VolunteerImpact['practice'] = [];
  for (const meeting of meetings) {
    const base = {
      meetingId: meeting.id,
      askTitle: meeting.ask.title,
      organisationName: meeting.organisation.name,
      heldAt: meeting.startsAt,
    };
    for (const note of meeting.feedback) {
      if (note.thanks?.trim()) thanks.push({ ...base, thanks: note.thanks, givenAt: note.createdAt });
    }
    for (const answer of meeting.followUps) {
      practice.push({
        ...base,
        outcome: answer.practiceOutcome!,
        response: answer.response,
        givenAt: answer.respondedAt ?? answer.updatedAt,
      });
    }
  }
  return {
    sessions: totals?.sessions ?? 0,
    minutes: totals?.minutes ?? 0,
    organisations: totals?.organisations ?? 0,
    thanks,
    clinicThanks: clinicSeats.flatMap((seat) =>
      seat.thanks?.trim()
        ? [
            {
              clinicId: seat.clinic.id,
              topic: seat.clinic.topic,
              organisationName: seat.organisation.name,
              heldAt: seat.clinic.startsAt,
              givenAt: seat.feedbackAt ?? seat.updatedAt,
              thanks: seat.thanks,
            },
          ]
        : [],
    ),
    practice,
  };
}
