// Reads of a person's own account.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { ownProfileFields } from '@/lib/volunteers/queries';

export async function getAccount(actor: Actor) {
  return db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: { email: true, name: true, emailOnOffers: true, emailReminders: true, emailDigest: true, createdAt: true },
  });
}

/** Everything we hold about the person, for "download my data". */
export async function exportAccountData(actor: Actor) {
  assertActive(actor);
  const user = await db.user.findUniqueOrThrow({
    where: { id: actor.id },
    select: {
      id: true,
      email: true,
      name: true,
      role: true,
      timeZone: true,
      emailOnOffers: true,
      emailReminders: true,
      emailDigest: true,
      createdAt: true,
      onboardedAt: true,
      memberships: { select: { role: true, createdAt: true, organisation: { select: { id: true, name: true } } } },
      volunteerProfile: {
        select: { ...ownProfileFields, skills: { select: { level: true, skill: { select: { name: true } } } } },
      },
      asksCreated: { select: { id: true, title: true, status: true, createdAt: true } },
      offers: { select: { id: true, askId: true, message: true, status: true, createdAt: true } },
      meetings: { select: { id: true, askId: true, startsAt: true, endsAt: true, status: true } },
      feedbackGiven: {
        select: { meetingId: true, party: true, rating: true, changes: true, thanks: true, comment: true, createdAt: true },
      },
      sessions: { select: { expires: true, createdAt: true } },
      // Organisations they chose not to see; never a block an organisation placed on them (it is silent).
      blocksOn: {
        where: { by: 'VOLUNTEER' },
        select: { createdAt: true, organisation: { select: { id: true, name: true } } },
      },
    },
  });
  return { exportedAt: new Date().toISOString(), ...user };
}
