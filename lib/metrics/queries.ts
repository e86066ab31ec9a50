// The live figures on the home page.
import 'server-only';
import { db } from '@/lib/db';
import { openAskWhere } from '@/lib/asks/listed';
import { cachedData } from '@/lib/cache/data-cache';

export interface PublicCounts {
  openAsks: number;
  volunteers: number;
  organisations: number;
  sessionsHeld: number;
  minutesGiven: number;
}

export async function getPublicCounts(now = new Date()): Promise<PublicCounts> {
  const [openAsks, volunteers, organisations, held] = await Promise.all([
    db.ask.count({ where: openAskWhere(now) }),
    db.volunteerProfile.count({ where: { pausedAt: null, user: { status: 'ACTIVE' } } }),
    db.organisation.count({ where: { status: 'VERIFIED' } }),
    // One aggregate row, however many meetings there are.
    db.$queryRaw<Array<{ sessions: bigint; minutes: number }>>`
      SELECT count(*) AS sessions,
             coalesce(sum(extract(epoch FROM "endsAt" - "startsAt")) / 60, 0)::float8 AS minutes
        FROM "Meeting" WHERE status = 'HELD'`,
  ]);
  const row = held[0];
  return {
    openAsks,
    volunteers,
    organisations,
    sessionsHeld: Number(row?.sessions ?? 0),
    minutesGiven: Math.round(row?.minutes ?? 0),
  };
}

/**
 * How long a server keeps the home page's figures (lib/cache/data-cache.ts). Each figure is a count over a whole
 * table: the open asks alone are a scan of every ask, about 40 ms at 100k asks and 250 to 880 ms at a million.
 * The home page is rendered again whenever an ask is approved or offered on, up to twice a second under a stream
 * of writes, so counting each time would keep the database busy with the same answer. Figures up to a minute old
 * are fair as "live figures"; the newest asks beside them are read on every render.
 */
export const HOME_FIGURES_MAX_AGE_MS = 60_000;

/** The figures as the home page shows them: counted at most once a minute by each server. */
export function getHomeFigures(now = new Date()): Promise<PublicCounts> {
  return cachedData('home-figures', { tags: () => [], maxAgeMs: HOME_FIGURES_MAX_AGE_MS }, () => getPublicCounts(now));
}
