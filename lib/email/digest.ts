// The weekly digest: each volunteer who asked for it hears about the new open asks that need a skill
// they have (opt-in, weekly). Queued like every sweep's mail, with queueSweepEmails: one per week each.
import { openAskWhere } from '@/lib/asks/listed';
import { DAY_MS } from '@/lib/dates';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import type { TaskContext } from '@/lib/jobs/task-context';
import { addDays, dateInZone } from '@/lib/time-zones';
import type { DigestAsk } from './messages';
import { queueSweepEmails, type SweepEmail } from './outbox';

/** Volunteers read per page: 10,000 of them never load at once. */
const USER_PAGE = 200;
/** Asks listed in one digest; the rest are counted and linked. */
export const DIGEST_ASKS = 10;

/** The Monday (a calendar date, "2026-11-23") of the week `now` falls in, UK time: one digest per volunteer per week. */
export function digestWeek(now: Date): string {
  const today = dateInZone(now, 'Europe/London');
  const [year, month, day] = today.split('-').map(Number) as [number, number, number];
  const weekday = new Date(Date.UTC(year, month - 1, day)).getUTCDay(); // 0 = Sunday
  return addDays(today, -((weekday + 6) % 7));
}

interface DigestCandidate {
  id: string;
  title: string;
  durationMinutes: number;
  skillIds: string[];
  organisation: { name: string };
  skills: Array<{ skill: { name: string } }>;
}

/**
 * For each active volunteer who opted in and is not paused: the open, listed asks published in the
 * last seven days that need at least one of their skills (and that they have not already offered on),
 * newest first. Volunteers with nothing new get no email. Dedupe key `digest:<userId>:<Monday>`.
 */
export async function sendWeeklyDigests({ db, boss, appUrl }: TaskContext, now = new Date()): Promise<{ emails: string[] }> {
  const week = digestWeek(now);
  const since = new Date(now.getTime() - 7 * DAY_MS);
  const emails: string[] = [];
  let after: string | undefined;
  for (;;) {
    const users = await db.user.findMany({
      where: {
        status: 'ACTIVE',
        emailDigest: true,
        // Paused means no suggestions until they resume or their chosen date passes (lib/volunteers).
        volunteerProfile: { is: { OR: [{ pausedAt: null }, { pausedUntil: { lte: now } }] } },
        ...(after ? { id: { gt: after } } : {}),
      },
      select: { id: true, email: true, volunteerProfile: { select: { skills: { select: { skillId: true } } } } },
      orderBy: { id: 'asc' },
      take: USER_PAGE,
    });
    if (users.length === 0) break;
    after = users.at(-1)!.id;

    const pageSkills = [...new Set(users.flatMap((user) => user.volunteerProfile?.skills.map((skill) => skill.skillId) ?? []))];
    const asks = await newAsksNeeding(db, pageSkills, since, now);
    const offered = await offersOn(
      db,
      users.map((user) => user.id),
      asks.map((ask) => ask.id),
    );

    const requests: SweepEmail[] = [];
    for (const user of users) {
      const skills = new Set(user.volunteerProfile?.skills.map((skill) => skill.skillId));
      const matching = asks.filter((ask) => ask.skillIds.some((id) => skills.has(id)) && !offered.has(`${user.id}:${ask.id}`));
      if (matching.length === 0) continue;
      requests.push({
        to: user.email,
        userId: user.id,
        dedupeKey: `digest:${user.id}:${week}`,
        message: {
          kind: 'weekly-digest',
          data: {
            asks: matching.slice(0, DIGEST_ASKS).map((ask) => digestAsk(ask, appUrl)),
            moreCount: Math.max(0, matching.length - DIGEST_ASKS),
            browseUrl: `${appUrl}/asks`,
          },
        },
      });
    }
    emails.push(...(await queueSweepEmails({ db, boss }, requests)).map((email) => email.outboxId));
    if (users.length < USER_PAGE) break;
  }
  return { emails };
}

/** Open, listed asks (lib/asks/listed.ts) published since `since` that need any of `skillIds`, newest first. */
async function newAsksNeeding(db: PrismaClient, skillIds: string[], since: Date, now: Date): Promise<DigestCandidate[]> {
  if (skillIds.length === 0) return [];
  return db.ask.findMany({
    where: {
      ...openAskWhere(now),
      publishedAt: { gt: since, lte: now },
      // The ask's copy of its skills (kept by a trigger), matched with its GIN index.
      skillIds: { hasSome: skillIds },
    },
    select: {
      id: true,
      title: true,
      durationMinutes: true,
      skillIds: true,
      organisation: { select: { name: true } },
      skills: { select: { skill: { select: { name: true } } }, orderBy: { skill: { name: 'asc' } } },
    },
    orderBy: [{ publishedAt: 'desc' }, { id: 'desc' }],
  });
}

/** "<userId>:<askId>" for each offer these volunteers already made on these asks. */
async function offersOn(db: PrismaClient, userIds: string[], askIds: string[]): Promise<Set<string>> {
  if (userIds.length === 0 || askIds.length === 0) return new Set();
  const offers = await db.offer.findMany({
    where: { volunteerId: { in: userIds }, askId: { in: askIds } },
    select: { volunteerId: true, askId: true },
  });
  return new Set(offers.map((offer) => `${offer.volunteerId}:${offer.askId}`));
}

function digestAsk(ask: DigestCandidate, appUrl: string): DigestAsk {
  return {
    title: ask.title,
    organisationName: ask.organisation.name,
    durationMinutes: ask.durationMinutes,
    skills: ask.skills.map(({ skill }) => skill.name),
    url: `${appUrl}/asks/${ask.id}`,
  };
}
