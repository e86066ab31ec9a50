// The practice check: two weeks after a session, the charity is asked whether they put the advice
// into practice. The sweep first makes the PRACTICE_CHECK follow-up for each session that is due one
// (unique per meeting and kind, inserted ON CONFLICT DO NOTHING), then emails each one that is due,
// once (dedupe key `practice-check:<followUpId>`).
import { DAY_MS } from '@/lib/dates';
import { askContacts, contactDedupeKey } from '@/lib/email/recipients';
import { queueSweepEmails, type SweepEmail } from '@/lib/email/outbox';
import type { TaskContext } from '@/lib/jobs/task-context';

/** The check comes this long after the session ends. */
export const PRACTICE_CHECK_DAYS = 14;
/**
 * Checks are made and sent for sessions whose check fell due within this many days: a sweep that
 * missed a few runs catches up, but a first run never writes to charities about sessions long past.
 */
const CATCH_UP_DAYS = 30;
const BATCH = 200;

/**
 * Creates the PRACTICE_CHECK follow-up (due at endsAt + 14 days) for each meeting that was held, or
 * ended without being cancelled or missed, and is due one; then sends each PENDING check that is due an
 * email to the charity side of its meeting.
 */
export async function sendPracticeChecks(
  { db, boss, appUrl }: TaskContext,
  now = new Date(),
): Promise<{ created: string[]; emails: string[] }> {
  const endedBy = new Date(now.getTime() - PRACTICE_CHECK_DAYS * DAY_MS);
  const endedAfter = new Date(endedBy.getTime() - CATCH_UP_DAYS * DAY_MS);
  // One statement, so two sweeps at once cannot both create one: the unique (meetingId, kind) index
  // makes the loser wait for the winner and then do nothing. Hours, not days: '14 days' would follow
  // the session's time zone across a clock change.
  const created = await db.$queryRaw<Array<{ id: string }>>`
    INSERT INTO "FollowUp" ("id", "meetingId", "kind", "status", "dueAt", "updatedAt")
    SELECT gen_random_uuid()::text, m."id", 'PRACTICE_CHECK'::"FollowUpKind", 'PENDING'::"FollowUpStatus",
           m."endsAt" + ${`${PRACTICE_CHECK_DAYS * 24} hours`}::interval, now()
      FROM "Meeting" m
     WHERE m."status" IN ('HELD', 'SCHEDULED')
       AND m."endsAt" <= ${endedBy} AND m."endsAt" > ${endedAfter}
       AND NOT EXISTS (SELECT 1 FROM "FollowUp" f WHERE f."meetingId" = m."id" AND f."kind" = 'PRACTICE_CHECK')
    ON CONFLICT ("meetingId", "kind") DO NOTHING
    RETURNING "id"`;

  const emails: string[] = [];
  let after: string | undefined;
  for (;;) {
    const checks = await db.followUp.findMany({
      where: {
        kind: 'PRACTICE_CHECK',
        status: 'PENDING',
        dueAt: { lte: now, gt: new Date(now.getTime() - CATCH_UP_DAYS * DAY_MS) },
        meeting: { status: { in: ['HELD', 'SCHEDULED'] } },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: {
        id: true,
        meetingId: true,
        meeting: { select: { askId: true, startsAt: true, volunteer: { select: { name: true } }, ask: { select: { title: true } } } },
      },
      orderBy: { id: 'asc' },
      take: BATCH,
    });
    if (checks.length === 0) break;
    after = checks.at(-1)!.id;
    const contacts = await askContacts(db, [...new Set(checks.map((check) => check.meeting.askId))]);
    const requests: SweepEmail[] = checks.flatMap((check) =>
      (contacts.get(check.meeting.askId) ?? []).map((contact) => ({
        to: contact.email,
        userId: contact.id,
        dedupeKey: contactDedupeKey(`practice-check:${check.id}`, contact),
        message: {
          kind: 'practice-check' as const,
          data: {
            askTitle: check.meeting.ask.title,
            volunteerName: check.meeting.volunteer.name?.trim() || 'your volunteer',
            heldAt: check.meeting.startsAt.toISOString(),
            timeZone: contact.timeZone,
            // The answer form is on the meeting's page (components/feedback/MeetingFeedbackSection.tsx).
            url: `${appUrl}/meetings/${check.meetingId}#practice-check`,
          },
        },
      })),
    );
    emails.push(...(await queueSweepEmails({ db, boss }, requests)).map((email) => email.outboxId));
    if (checks.length < BATCH) break;
  }
  return { created: created.map((row) => row.id), emails };
}
