// Test-only: letting time pass for a session or a group clinic, so an end-to-end test can mark it held (or
// mark a clinic's attendance and give its feedback) without waiting for its start. Reached only through /api/e2e/*, which answers 404 unless E2E_TEST_HOOKS=on (the
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

/** Moves a published clinic so it started `minutesAgo` minutes ago, keeping its length (the table checks it). */
export async function moveClinicIntoPast(clinicId: string, minutesAgo = 45): Promise<boolean> {
  const rows = await db.$executeRaw`
    UPDATE "Clinic"
       SET "endsAt" = now() - make_interval(mins => ${minutesAgo}) + ("endsAt" - "startsAt"),
           "startsAt" = now() - make_interval(mins => ${minutesAgo}),
           "updatedAt" = now()
     WHERE "id" = ${clinicId} AND "status" = 'PUBLISHED'`;
  return rows === 1;
}
