// The marketplace health page's reads: one SQL statement per group of figures, each over the twelve weeks
// (lib/health/figures.ts), bucketed with date_trunc('week', ..., 'UTC'): weeks run Monday to Sunday in UTC,
// the same for every admin, so a CSV downloaded in Belfast matches one downloaded in Bangkok. Admins only:
// every export checks the actor, whatever page or route calls it (docs/decisions/0028).
import 'server-only';
import { assertAdmin, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { Prisma } from '@/lib/generated/prisma/client';
import { healthWeeks, median, rate, weekKey, type WeekWindow } from './figures';
import { skillsGapSql } from './skills-gap';
import { inWindow } from './sql';

/** An ask counts as approved once an admin approved it: every status approval leads to, or published. */
const APPROVED = Prisma.sql`(a.status IN ('OPEN', 'MATCHED', 'COMPLETED', 'EXPIRED') OR a."publishedAt" IS NOT NULL)`;
const weekOf = (column: Prisma.Sql) => Prisma.sql`date_trunc('week', ${column}, 'UTC')`;

export interface WeekFigures {
  week: Date;
  /** Asks sent for review (their latest submission) this week. */
  posted: number;
  /** Asks an admin approved this week: the cohort the reach and speed figures follow. */
  approved: number;
  /** Asks whose session was booked this week. */
  matched: number;
  /** Sessions held that were due this week. */
  held: number;
  /** Volunteers who made an offer or gave a session this week. */
  volunteersActive: number;
  /** Hours of the sessions held. */
  hoursGiven: number;
  /** Of the asks approved this week, how many have had an offer, and how many a booked session, so far. */
  withOffer: number;
  withSession: number;
  offerShare: number | null;
  sessionShare: number | null;
  /** Median hours from approval to the first offer, and to the first booked session, of those that had one. */
  medianHoursToOffer: number | null;
  medianHoursToSession: number | null;
  /** Sessions due this week (whatever became of them), and of those: cancelled, cancelled late, missed. */
  sessionsDue: number;
  cancelled: number;
  lateCancelled: number;
  noShows: number;
  cancellationRate: number | null;
  lateCancellationRate: number | null;
  noShowRate: number | null;
  /** The charities' ratings (1-5) of this week's held sessions. */
  ratings: number;
  averageRating: number | null;
  /** "Did you put it into practice?", answered for this week's held sessions. */
  practiceAnswered: number;
  practiceYes: number;
  practicePartly: number;
  practiceNotYet: number;
  /** Yes or partly, of those answered. */
  practiceShare: number | null;
}

export interface WeeklyHealth {
  window: WeekWindow;
  weeks: WeekFigures[];
}

type Week = { week: Date };

/** Asks posted and matched, by week. */
export function askFlowSql(window: WeekWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT week, count(*) FILTER (WHERE kind = 'posted')::int AS posted, count(*) FILTER (WHERE kind = 'matched')::int AS matched
      FROM (SELECT ${weekOf(Prisma.sql`a."submittedAt"`)} AS week, 'posted' AS kind FROM "Ask" a WHERE ${inWindow(Prisma.sql`a."submittedAt"`, window)}
            UNION ALL
            SELECT ${weekOf(Prisma.sql`a."matchedAt"`)}, 'matched' FROM "Ask" a WHERE ${inWindow(Prisma.sql`a."matchedAt"`, window)}) AS flow
     GROUP BY week`;
}

/**
 * One row per ask approved in the weeks: its week, and the hours to its first offer and to its first booked session
 * (a meeting from an offer: its createdAt is when staff accepted the offer), null when there has been none yet.
 */
export function approvedCohortSql(window: WeekWindow): Prisma.Sql {
  // An offer or booking on an ask approved in the weeks comes after its approval, so after the weeks began: the
  // offers made and sessions due since then are read by their time indexes and grouped by ask, not probed per ask.
  return Prisma.sql`
    WITH offered AS (
      SELECT o."askId", min(o."createdAt") AS first FROM "Offer" o WHERE o."createdAt" >= ${window.from}::timestamptz GROUP BY 1
    ), booked AS (
      SELECT m."askId", min(m."createdAt") AS first FROM "Meeting" m
       WHERE m."startsAt" >= ${window.from}::timestamptz AND m."offerId" IS NOT NULL GROUP BY 1
    )
    SELECT ${weekOf(Prisma.sql`a."moderatedAt"`)} AS week,
           extract(epoch FROM offered.first - a."moderatedAt")::float8 / 3600 AS "hoursToOffer",
           extract(epoch FROM booked.first - a."moderatedAt")::float8 / 3600 AS "hoursToSession"
      FROM "Ask" a
      LEFT JOIN offered ON offered."askId" = a.id
      LEFT JOIN booked ON booked."askId" = a.id
     WHERE ${inWindow(Prisma.sql`a."moderatedAt"`, window)} AND ${APPROVED}`;
}

/** Sessions due each week: held, hours given, cancelled, cancelled late, missed. */
export function sessionsSql(window: WeekWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT ${weekOf(Prisma.sql`m."startsAt"`)} AS week,
           count(*)::int AS due,
           count(*) FILTER (WHERE m.status = 'HELD')::int AS held,
           coalesce(sum(extract(epoch FROM m."endsAt" - m."startsAt")) FILTER (WHERE m.status = 'HELD'), 0)::float8 / 3600 AS hours,
           count(*) FILTER (WHERE m.status = 'CANCELLED')::int AS cancelled,
           count(*) FILTER (WHERE m.status = 'CANCELLED' AND m."cancelledLate")::int AS late,
           count(*) FILTER (WHERE m.status = 'NO_SHOW')::int AS "noShows"
      FROM "Meeting" m
     WHERE ${inWindow(Prisma.sql`m."startsAt"`, window)}
     GROUP BY 1`;
}

/** Volunteers who offered or gave a session, each counted once a week. */
export function activeVolunteersSql(window: WeekWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT week, count(DISTINCT "volunteerId")::int AS active
      FROM (SELECT ${weekOf(Prisma.sql`o."createdAt"`)} AS week, o."volunteerId" FROM "Offer" o WHERE ${inWindow(Prisma.sql`o."createdAt"`, window)}
            UNION ALL
            SELECT ${weekOf(Prisma.sql`m."startsAt"`)}, m."volunteerId" FROM "Meeting" m
             WHERE m.status = 'HELD' AND ${inWindow(Prisma.sql`m."startsAt"`, window)}) AS acts
     GROUP BY week`;
}

/** The charities' ratings and practice answers for the sessions held each week. */
export function feedbackSql(window: WeekWindow): Prisma.Sql {
  return Prisma.sql`
    SELECT ${weekOf(Prisma.sql`m."startsAt"`)} AS week,
           count(f.rating)::int AS ratings,
           avg(f.rating)::float8 AS "averageRating",
           count(p."practiceOutcome")::int AS answered,
           count(*) FILTER (WHERE p."practiceOutcome" = 'YES')::int AS yes,
           count(*) FILTER (WHERE p."practiceOutcome" = 'PARTLY')::int AS partly,
           count(*) FILTER (WHERE p."practiceOutcome" = 'NOT_YET')::int AS "notYet"
      FROM "Meeting" m
      LEFT JOIN "Feedback" f ON f."meetingId" = m.id AND f.party = 'CHARITY'
      LEFT JOIN "FollowUp" p ON p."meetingId" = m.id AND p.kind = 'PRACTICE_CHECK' AND p.status = 'DONE'
     WHERE m.status = 'HELD' AND ${inWindow(Prisma.sql`m."startsAt"`, window)}
     GROUP BY 1`;
}

/** Counts rows by their week's key, for filling the twelve weeks (a week with no rows has none). */
function byWeek<T extends Week>(rows: T[]): Map<string, T> {
  return new Map(rows.map((row) => [weekKey(row.week), row]));
}

/** The weekly figures, from the five statements above (run side by side). */
export async function getWeeklyHealth(actor: Actor, now = new Date()): Promise<WeeklyHealth> {
  assertAdmin(actor);
  const window = healthWeeks(now);
  const [flow, cohort, sessions, active, feedback] = await Promise.all([
    db.$queryRaw<Array<Week & { posted: number; matched: number }>>(askFlowSql(window)),
    db.$queryRaw<Array<Week & { hoursToOffer: number | null; hoursToSession: number | null }>>(approvedCohortSql(window)),
    db.$queryRaw<Array<Week & { due: number; held: number; hours: number; cancelled: number; late: number; noShows: number }>>(
      sessionsSql(window),
    ),
    db.$queryRaw<Array<Week & { active: number }>>(activeVolunteersSql(window)),
    db.$queryRaw<
      Array<Week & { ratings: number; averageRating: number | null; answered: number; yes: number; partly: number; notYet: number }>
    >(feedbackSql(window)),
  ]);
  const flows = byWeek(flow);
  const sessionRows = byWeek(sessions);
  const activeRows = byWeek(active);
  const feedbackRows = byWeek(feedback);
  const cohorts = new Map<string, { toOffer: number[]; toSession: number[]; approved: number }>();
  for (const row of cohort) {
    const key = weekKey(row.week);
    const entry = cohorts.get(key) ?? { toOffer: [], toSession: [], approved: 0 };
    entry.approved += 1;
    if (row.hoursToOffer !== null) entry.toOffer.push(row.hoursToOffer);
    if (row.hoursToSession !== null) entry.toSession.push(row.hoursToSession);
    cohorts.set(key, entry);
  }

  const weeks = window.starts.map((week): WeekFigures => {
    const key = weekKey(week);
    const f = flows.get(key);
    const c = cohorts.get(key) ?? { toOffer: [], toSession: [], approved: 0 };
    const s = sessionRows.get(key);
    const r = feedbackRows.get(key);
    const due = s?.due ?? 0;
    const answered = r?.answered ?? 0;
    return {
      week,
      posted: f?.posted ?? 0,
      approved: c.approved,
      matched: f?.matched ?? 0,
      held: s?.held ?? 0,
      volunteersActive: activeRows.get(key)?.active ?? 0,
      hoursGiven: s?.hours ?? 0,
      withOffer: c.toOffer.length,
      withSession: c.toSession.length,
      offerShare: rate(c.toOffer.length, c.approved),
      sessionShare: rate(c.toSession.length, c.approved),
      medianHoursToOffer: median(c.toOffer),
      medianHoursToSession: median(c.toSession),
      sessionsDue: due,
      cancelled: s?.cancelled ?? 0,
      lateCancelled: s?.late ?? 0,
      noShows: s?.noShows ?? 0,
      cancellationRate: rate(s?.cancelled ?? 0, due),
      lateCancellationRate: rate(s?.late ?? 0, due),
      noShowRate: rate(s?.noShows ?? 0, due),
      ratings: r?.ratings ?? 0,
      averageRating: r?.averageRating ?? null,
      practiceAnswered: answered,
      practiceYes: r?.yes ?? 0,
      practicePartly: r?.partly ?? 0,
      practiceNotYet: r?.notYet ?? 0,
      practiceShare: rate((r?.yes ?? 0) + (r?.partly ?? 0), answered),
    };
  });
  return { window, weeks };
}

/** Every statement the page runs, by name, for the bench (scripts/bench/health.ts). */
export function healthStatements(now: Date): Array<{ name: string; sql: Prisma.Sql }> {
  const window = healthWeeks(now);
  return [
    { name: 'asks posted and matched', sql: askFlowSql(window) },
    { name: 'approved asks: offers, sessions', sql: approvedCohortSql(window) },
    { name: 'sessions, cancellations, no-shows', sql: sessionsSql(window) },
    { name: 'volunteers active', sql: activeVolunteersSql(window) },
    { name: 'ratings and practice', sql: feedbackSql(window) },
    { name: 'skills gap (country, regions)', sql: skillsGapSql(window, now) },
  ];
}
