// Reading blocks: an organisation's blocked volunteers for its staff, a volunteer's blocked organisations for
// them, and whether one pair is blocked (for the forms that offer to block). Each side sees only its own blocks:
// a volunteer never learns that an organisation blocked them, nor staff that a volunteer blocked them.
import 'server-only';
import { assertActive, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { assertOrganisationStaff } from './policy';

/** The volunteers the organisation blocked, newest first (Block's unique index leads with organisationId). */
export async function listBlockedVolunteers(actor: Actor, organisationId: string) {
  await assertOrganisationStaff(db, actor, organisationId);
  const blocks = await db.block.findMany({
    where: { organisationId, by: 'ORGANISATION' },
    select: {
      volunteerId: true,
      createdAt: true,
      volunteer: { select: { name: true } },
      createdBy: { select: { name: true } },
    },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  return blocks.map((block) => ({
    volunteerId: block.volunteerId,
    name: block.volunteer.name?.trim() || 'A volunteer',
    blockedAt: block.createdAt,
    blockedBy: block.createdBy?.name?.trim() || null,
  }));
}

/** The organisations the volunteer blocked, newest first (Block(volunteerId, organisationId)). */
export async function listBlockedOrganisations(actor: Actor) {
  assertActive(actor);
  const blocks = await db.block.findMany({
    where: { volunteerId: actor.id, by: 'VOLUNTEER' },
    select: { organisationId: true, createdAt: true, organisation: { select: { name: true } } },
    orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
    take: 200,
  });
  return blocks.map((block) => ({ organisationId: block.organisationId, name: block.organisation.name, blockedAt: block.createdAt }));
}

/** The volunteer blocked this organisation (their own block only). */
export async function hasBlockedOrganisation(actor: Actor, organisationId: string): Promise<boolean> {
  const block = await db.block.findUnique({
    where: { organisationId_volunteerId_by: { organisationId, volunteerId: actor.id, by: 'VOLUNTEER' } },
    select: { id: true },
  });
  return block !== null;
}

/** Which of these volunteers the organisation blocked (for staff's offer cards); staff only. */
export async function volunteersBlockedBy(actor: Actor, organisationId: string, volunteerIds: string[]): Promise<Set<string>> {
  await assertOrganisationStaff(db, actor, organisationId);
  if (volunteerIds.length === 0) return new Set();
  const rows = await db.block.findMany({
    where: { organisationId, by: 'ORGANISATION', volunteerId: { in: volunteerIds } },
    select: { volunteerId: true },
  });
  return new Set(rows.map((row) => row.volunteerId));
}
