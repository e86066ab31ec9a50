// A volunteer's impact: the sessions they gave and what came of them. Two queries whatever the history:
// one aggregate for the figures, one bounded list of the meetings that carry a thank-you or an answer.
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

export interface VolunteerImpact {
  sessions: number;
  minutes: number;
  organisations: number;
  thanks: Array<ImpactNote & { thanks: string }>;
  practice: Array<ImpactNote & { outcome: PracticeOutcome; response: string | null }>;
}

/** The actor's own impact as a volunteer: HELD sessions, hours given, organisations helped, notes, answers. */
export async function volunteerImpact(actor: Actor): Promise<VolunteerImpact> {
  assertActive(actor);
  const [[totals], meetings] = await Promise.all([
    // Index Meeting(volunteerId, status, noShowParty) finds the volunteer's HELD meetings.
    db.$queryRaw<Array<{ sessions: number; minutes: number; organisations: number }>>`
      SELECT count(*)::int AS "sessions",
             coalesce(round(sum(extract(epoch FROM ("endsAt" - "startsAt")) / 60)), 0)::int AS "minutes",
             count(DISTINCT "organisationId")::int AS "organisations"
        FROM "Meeting"
       WHERE "volunteerId" = ${actor.id} AND "status" = 'HELD'`,
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
    practice,
  };
}
