// The live figures on the home page.
import 'server-only';
import { db } from '@/lib/db';
import { openAskWhere } from '@/lib/asks/listed';

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
