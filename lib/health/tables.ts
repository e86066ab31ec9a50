// The health page's tables, each the data of one chart: built once from the figures, rendered under the chart
// as HTML and downloaded as CSV (lib/health/csv.ts) from the same rows, so the two can never disagree.
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import type { Region } from '@/lib/generated/prisma/enums';
import { regionLabels } from '@/lib/labels';
import { hoursToDays, percent, round, weekLabel } from './figures';
import { getWeeklyHealth, type WeeklyHealth } from './queries';
import { getSkillsGap, type SkillsGap } from './skills-gap';
import type { HealthTable } from './schema';

export type CellFormat = 'text' | 'count' | 'percent' | 'days' | 'hours' | 'rating' | 'ratio';
export type Cell = string | number | null;

export interface HealthColumn {
  key: string;
  label: string;
  format: CellFormat;
}

export interface HealthTableData {
  id: HealthTable;
  title: string;
  columns: HealthColumn[];
  rows: Array<Record<string, Cell>>;
}

const week: HealthColumn = { key: 'week', label: 'Week commencing (UTC)', format: 'text' };
const col = (key: string, label: string, format: CellFormat): HealthColumn => ({ key, label, format });

/** The seven weekly tables, oldest week first. */
export function weeklyTables(health: WeeklyHealth): Record<Exclude<HealthTable, 'skills' | 'regions'>, HealthTableData> {
  const rows = <T extends Record<string, Cell>>(pick: (w: WeeklyHealth['weeks'][number]) => T) =>
    health.weeks.map((w) => ({ week: weekLabel(w.week).replace(/^w\/c /, ''), ...pick(w) }));
  return {
    flow: {
      id: 'flow',
      title: 'Asks posted, approved, matched and held',
      columns: [
        week,
        col('posted', 'Posted', 'count'),
        col('approved', 'Approved', 'count'),
        col('matched', 'Matched', 'count'),
        col('held', 'Sessions held', 'count'),
      ],
      rows: rows((w) => ({ posted: w.posted, approved: w.approved, matched: w.matched, held: w.held })),
    },
    volunteers: {
      id: 'volunteers',
      title: 'Volunteers active and hours given',
      columns: [week, col('active', 'Volunteers active', 'count'), col('hours', 'Hours given', 'hours')],
      rows: rows((w) => ({ active: w.volunteersActive, hours: round(w.hoursGiven, 1) })),
    },
    reach: {
      id: 'reach',
      title: 'Approved asks that got an offer and a session',
      columns: [
        week,
        col('approved', 'Approved', 'count'),
        col('withOffer', 'Got an offer', 'count'),
        col('offerShare', 'Share with an offer', 'percent'),
        col('withSession', 'Got a session', 'count'),
        col('sessionShare', 'Share with a session', 'percent'),
      ],
      rows: rows((w) => ({
        approved: w.approved,
        withOffer: w.withOffer,
        offerShare: percent(w.offerShare),
        withSession: w.withSession,
        sessionShare: percent(w.sessionShare),
      })),
    },
    speed: {
      id: 'speed',
      title: 'Median time from approval to first offer and to a booked session',
      columns: [week, col('toOffer', 'Days to first offer', 'days'), col('toSession', 'Days to a booked session', 'days')],
      rows: rows((w) => ({ toOffer: hoursToDays(w.medianHoursToOffer), toSession: hoursToDays(w.medianHoursToSession) })),
    },
    reliability: {
      id: 'reliability',
      title: 'Cancellations, late cancellations and no-shows',
      columns: [
        week,
        col('due', 'Sessions due', 'count'),
        col('cancelled', 'Cancelled', 'count'),
        col('cancellationRate', 'Cancellation rate', 'percent'),
        col('late', 'Cancelled late', 'count'),
        col('lateRate', 'Late cancellation rate', 'percent'),
        col('noShows', 'No-shows', 'count'),
        col('noShowRate', 'No-show rate', 'percent'),
      ],
      rows: rows((w) => ({
        due: w.sessionsDue,
        cancelled: w.cancelled,
        cancellationRate: percent(w.cancellationRate),
        late: w.lateCancelled,
        lateRate: percent(w.lateCancellationRate),
        noShows: w.noShows,
        noShowRate: percent(w.noShowRate),
      })),
    },
    feedback: {
      id: 'feedback',
      title: 'Charities’ ratings of sessions held',
      columns: [
        week,
        col('held', 'Sessions held', 'count'),
        col('ratings', 'Ratings', 'count'),
        col('average', 'Average rating (1 to 5)', 'rating'),
      ],
      rows: rows((w) => ({ held: w.held, ratings: w.ratings, average: round(w.averageRating, 2) })),
    },
    practice: {
      id: 'practice',
      title: 'Put into practice',
      columns: [
        week,
        col('answered', 'Answered', 'count'),
        col('yes', 'Yes', 'count'),
        col('partly', 'Partly', 'count'),
        col('notYet', 'Not yet', 'count'),
        col('share', 'Yes or partly', 'percent'),
      ],
      rows: rows((w) => ({
        answered: w.practiceAnswered,
        yes: w.practiceYes,
        partly: w.practicePartly,
        notYet: w.practiceNotYet,
        share: percent(w.practiceShare),
      })),
    },
  };
}

/** The skills gap (the country's, or `region`'s) and the regions' summary. */
export function gapTables(gap: SkillsGap, region: Region | null): { skills: HealthTableData; regions: HealthTableData } {
  return {
    skills: {
      id: 'skills',
      title: region
        ? `Skills most asked for in ${regionLabels[region]} against volunteers based there`
        : 'Skills most asked for against volunteers who hold them',
      columns: [
        col('skill', 'Skill', 'text'),
        col('asks', 'Asks (12 weeks)', 'count'),
        col('openAsks', 'Open asks now', 'count'),
        col('volunteers', 'Available volunteers', 'count'),
        col('ratio', 'Asks per volunteer', 'ratio'),
        col('gap', 'Open asks, no volunteer', 'text'),
      ],
      rows: gap.skills.map((row) => ({
        skill: row.name,
        asks: row.asks,
        openAsks: row.openAsks,
        volunteers: row.volunteers,
        ratio: round(row.asksPerVolunteer, 2),
        gap: row.gap ? 'Yes' : 'No',
      })),
    },
    regions: {
      id: 'regions',
      title: 'Asks and volunteers by region',
      columns: [
        col('region', 'Region', 'text'),
        col('asks', 'Asks (12 weeks)', 'count'),
        col('openAsks', 'Open asks now', 'count'),
        col('volunteers', 'Available volunteers based there', 'count'),
        col('ratio', 'Asks per volunteer', 'ratio'),
        col('gapSkills', 'Skills with open asks and no volunteer there', 'text'),
      ],
      rows: gap.regions.map((row) => ({
        region: regionLabels[row.region],
        asks: row.asks,
        openAsks: row.openAsks,
        volunteers: row.volunteers,
        ratio: round(row.asksPerVolunteer, 2),
        gapSkills: row.gapSkills.join('; '),
      })),
    },
  };
}

/** One table, for its CSV download: only the statements it needs are run. */
export async function getHealthTable(actor: Actor, id: HealthTable, region: Region | null, now = new Date()): Promise<HealthTableData> {
  if (id === 'skills' || id === 'regions') return gapTables(await getSkillsGap(actor, region, now), region)[id];
  return weeklyTables(await getWeeklyHealth(actor, now))[id];
}

/** A cell as the page shows it: "–" where there was nothing to measure. */
export function formatCell(value: Cell, format: CellFormat): string {
  if (value === null || value === '') return '–';
  if (typeof value === 'string') return value;
  switch (format) {
    case 'percent':
      return `${value.toFixed(1)}%`;
    case 'days':
    case 'hours':
      return value.toFixed(1);
    case 'rating':
    case 'ratio':
      return value.toFixed(2);
    default:
      return String(value);
  }
}
