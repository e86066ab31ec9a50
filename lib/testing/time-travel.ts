// Test-only: letting time pass for a session, so an end-to-end test can mark it held without waiting
// for its start. Reached only through /api/e2e/*, which answers 404 unless E2E_TEST_HOOKS=on (the
// Playwright config sets it for its own app server; nothing else should).
import 'server-only';
import { db } from '@/lib/db';

/** Moves a scheduled meeting so it started `minutesAgo` minutes ago, keeping its length. */
export async function moveMeetingIntoPast(meetingId: string, minutesAgo = 45): Promise<boolean> {
  const rows = await db.$executeRaw`
    UPDATE "Meeting"
       SET "endsAt" = now() - make_interval(mins => ${minutesAgo}) + ("endsAt" - "startsAt"),
           "startsAt" = now() - make_interval(mins => ${minutesAgo}),
           "updatedAt" = now()
     WHERE "id" = ${meetingId} AND "status" = 'SCHEDULED'`;
  return rows === 1;
}
