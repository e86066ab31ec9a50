// Who hears about a change: the people on a charity's side of an ask or an organisation.
import type { Prisma, PrismaClient } from '@/lib/generated/prisma/client';

type Db = PrismaClient | Prisma.TransactionClient;

export interface Recipient {
  id: string;
  email: string;
  timeZone: string;
}

const recipientFields = { id: true, email: true, timeZone: true, status: true } as const;

/** The organisation's owners with active accounts. */
export async function organisationOwners(tx: Prisma.TransactionClient, organisationId: string): Promise<Recipient[]> {
  const owners = await tx.membership.findMany({
    where: { organisationId, role: 'OWNER', user: { status: 'ACTIVE' } },
    select: { user: { select: recipientFields } },
    orderBy: { createdAt: 'asc' },
  });
  return owners.map(({ user }) => ({ id: user.id, email: user.email, timeZone: user.timeZone }));
}

/** Someone on the charity's side of an ask, as the sweeps' emails need them. */
export interface AskContact {
  id: string;
  email: string;
  name: string | null;
  timeZone: string;
  /** True for the ask's creator; false for an owner standing in for a creator who has gone. */
  isCreator: boolean;
}

/**
 * Who hears about each ask on the charity's side: the person who created it, while they are an active
 * member of its organisation; otherwise (account deleted, left the organisation, suspended) every active
 * owner of the organisation, so nothing about a live ask goes unread.
 */
export async function askContacts(db: Db, askIds: string[]): Promise<Map<string, AskContact[]>> {
  const contacts = new Map<string, AskContact[]>();
  if (askIds.length === 0) return contacts;
  const asks = await db.ask.findMany({ where: { id: { in: askIds } }, select: { id: true, organisationId: true, createdById: true } });
  const creatorIds = asks.flatMap((ask) => (ask.createdById ? [ask.createdById] : []));
  const members = await db.membership.findMany({
    where: {
      organisationId: { in: [...new Set(asks.map((ask) => ask.organisationId))] },
      user: { status: 'ACTIVE' },
      OR: [{ role: 'OWNER' }, { userId: { in: creatorIds } }],
    },
    select: { organisationId: true, role: true, user: { select: { id: true, email: true, name: true, timeZone: true } } },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
  });
  for (const ask of asks) {
    const ofOrganisation = members.filter((member) => member.organisationId === ask.organisationId);
    const creator = ofOrganisation.find((member) => member.user.id === ask.createdById);
    contacts.set(
      ask.id,
      creator
        ? [{ ...creator.user, isCreator: true }]
        : ofOrganisation.filter((member) => member.role === 'OWNER').map((member) => ({ ...member.user, isCreator: false })),
    );
  }
  return contacts;
}

/**
 * The dedupe key for a charity-side email: `base` for the ask's creator; owners standing in for a
 * creator who has gone each get their own key, so every one of them hears once.
 */
export function contactDedupeKey(base: string, contact: AskContact): string {
  return contact.isCreator ? base : `${base}:${contact.id}`;
}
