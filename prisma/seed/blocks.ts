// Blocks and vouching for the demo (issue 21). Brightside Youth Club (the demo charity) has blocked one
// volunteer, shown under "Blocked volunteers" on its organisation page; one volunteer has chosen not to see
// Canal Arts Collective's asks; and Riverside Community Garden, a community group with no registration number,
// was verified because an admin vouched for it (the "Vouched" badge on its asks, the note on /admin/organisations).
// Neither pair has anything waiting between them, so no offer or invitation has to be withdrawn here.
import type { Prisma } from '@/lib/generated/prisma/client';

interface BlockHelpers {
  at: (day: number, hour?: number) => Date;
  adminId: string;
  volunteerId: (key: string) => string;
  charityOwnerId: string;
}

export const SEED_BLOCKS = {
  /** Blocked by Brightside's staff. */
  blockedVolunteer: 'owen-price',
  /** Blocked Canal Arts Collective. */
  blockingVolunteer: 'lucy-tran',
  vouchedOrganisation: 'org-riverside',
} as const;

export async function seedBlocks(
  tx: Prisma.TransactionClient,
  { at, adminId, volunteerId, charityOwnerId }: BlockHelpers,
): Promise<number> {
  const blocks = [
    {
      id: 'block-brightside-owen',
      organisationId: 'org-brightside',
      volunteerId: volunteerId(SEED_BLOCKS.blockedVolunteer),
      by: 'ORGANISATION' as const,
      createdById: charityOwnerId,
      createdAt: at(-12, 15),
    },
    {
      id: 'block-lucy-canal',
      organisationId: 'org-canalarts',
      volunteerId: volunteerId(SEED_BLOCKS.blockingVolunteer),
      by: 'VOLUNTEER' as const,
      createdById: volunteerId(SEED_BLOCKS.blockingVolunteer),
      createdAt: at(-5, 19),
    },
  ];
  // A block and something waiting between the same two would be a state the app never makes: say so loudly.
  for (const block of blocks) {
    const waiting =
      (await tx.offer.count({
        where: { volunteerId: block.volunteerId, status: 'PENDING', ask: { organisationId: block.organisationId } },
      })) +
      (await tx.invitation.count({
        where: { volunteerId: block.volunteerId, status: 'PENDING', ask: { organisationId: block.organisationId } },
      }));
    if (waiting > 0) throw new Error(`Seed: ${block.id} has offers or invitations waiting between them; choose another pair.`);
  }
  await tx.block.createMany({ data: blocks });

  const vouchedAt = at(-96, 10); // when it was verified (seed-database.ts's audit rows)
  await tx.organisation.update({
    where: { id: SEED_BLOCKS.vouchedOrganisation },
    data: {
      vouchedById: adminId,
      vouchedAt,
      vouchNote:
        'No charity number: a constituted community group. I spoke to Tom Hughes on the phone, saw their constitution and the council’s allotment lease, and their open sessions are listed by Bristol Community Links.',
    },
  });

  await tx.auditLog.createMany({
    data: [
      ...blocks.map((block) => ({
        id: `audit-${block.id}`,
        actorId: block.createdById,
        action: 'block.create',
        entityType: 'Block',
        entityId: block.id,
        after: { organisationId: block.organisationId, volunteerId: block.volunteerId, by: block.by },
        createdAt: block.createdAt,
      })),
      {
        id: `audit-vouch-${SEED_BLOCKS.vouchedOrganisation}`,
        actorId: adminId,
        action: 'organisation.vouch',
        entityType: 'Organisation',
        entityId: SEED_BLOCKS.vouchedOrganisation,
        before: { status: 'PENDING_VERIFICATION' },
        after: { status: 'VERIFIED' },
        createdAt: vouchedAt,
      },
    ],
  });
  return blocks.length;
}
