// Reads of a volunteer's own profile.
import 'server-only';
import type { Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';

/** The fields a volunteer fills in about themselves. */
export const ownProfileFields = {
  headline: true,
  bio: true,
  media: true,
  region: true,
  timeZone: true,
  monthlyCapacity: true,
  pausedAt: true,
  pausedUntil: true,
  pausedReason: true,
  isPublic: true,
} as const;

export async function getMyVolunteerProfile(actor: Actor) {
  return db.volunteerProfile.findUnique({
    where: { userId: actor.id },
    select: { ...ownProfileFields, skills: { select: { skillId: true, level: true } } },
  });
}

export type MyVolunteerProfile = NonNullable<Awaited<ReturnType<typeof getMyVolunteerProfile>>>;
