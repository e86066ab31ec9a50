// Who may report what. Anyone signed in and active reports what they can see, and never their own: an ask
// that is public, an offer's message on their organisation's ask, a volunteer's profile when they are charity
// staff (who see profiles beside offers and suggestions), an organisation that is public (verified), and the
// charity's feedback on a session they gave. Anything else is refused like a missing page, so ids leak nothing.
// Only admins read and resolve reports (lib/reports/queries.ts, mutations.ts).
import { AccessDenied, assertActive, type Actor } from '@/lib/auth/actor';
import type { Prisma, ReportTarget } from '@/lib/generated/prisma/client';
import { publicAskWhere } from '@/lib/asks/policy';
import { snapshotOf, type ReportedContent } from './snapshot';

type Client = Prisma.TransactionClient;

const memberOf = (actor: Actor) => ({ memberships: { some: { userId: actor.id } } });

/** The first owner of an organisation: the person a report about the organisation is about. */
async function firstOwner(client: Client, organisationId: string): Promise<string | null> {
  const owner = await client.membership.findFirst({
    where: { organisationId, role: 'OWNER' },
    select: { userId: true },
    orderBy: { createdAt: 'asc' },
  });
  return owner?.userId ?? null;
}

/**
 * What the actor is reporting, as it is now, with who it is about; AccessDenied when they cannot see it, and
 * 'own' when it is their own (or their organisation's) content.
 */
export async function reportableContent(client: Client, actor: Actor, type: ReportTarget, id: string): Promise<ReportedContent | 'own'> {
  assertActive(actor);
  switch (type) {
    case 'ASK': {
      const ask = await client.ask.findFirst({
        where: { id, OR: [publicAskWhere(), { organisation: memberOf(actor) }] },
        select: {
          id: true,
          title: true,
          question: true,
          outcome: true,
          context: true,
          createdById: true,
          organisationId: true,
          organisation: { select: { name: true, memberships: { where: { userId: actor.id }, select: { id: true } } } },
        },
      });
      if (!ask) throw new AccessDenied();
      if (ask.organisation.memberships.length > 0) return 'own';
      return { subjectUserId: ask.createdById ?? (await firstOwner(client, ask.organisationId)), snapshot: snapshotOf.ask(ask) };
    }
    case 'OFFER': {
      const offer = await client.offer.findFirst({
        where: { id, ask: { organisation: memberOf(actor) } },
        select: { id: true, message: true, volunteerId: true, volunteer: { select: { name: true } }, ask: { select: { title: true } } },
      });
      if (!offer) throw new AccessDenied();
      if (offer.volunteerId === actor.id) return 'own';
      return { subjectUserId: offer.volunteerId, snapshot: snapshotOf.offer(offer) };
    }
    case 'USER': {
      if (id === actor.id) return 'own';
      const staff = actor.role === 'ADMIN' || (await client.membership.count({ where: { userId: actor.id } })) > 0;
      const profile = staff
        ? await client.volunteerProfile.findFirst({
            where: { userId: id },
            select: { userId: true, headline: true, bio: true, user: { select: { name: true } } },
          })
        : null;
      if (!profile) throw new AccessDenied();
      return { subjectUserId: profile.userId, snapshot: snapshotOf.profile(profile) };
    }
    case 'ORGANISATION': {
      const organisation = await client.organisation.findFirst({
        where: { id, OR: [{ status: 'VERIFIED' }, memberOf(actor)] },
        select: {
          id: true,
          name: true,
          description: true,
          website: true,
          memberships: { where: { userId: actor.id }, select: { id: true } },
        },
      });
      if (!organisation) throw new AccessDenied();
      if (organisation.memberships.length > 0) return 'own';
      return { subjectUserId: await firstOwner(client, organisation.id), snapshot: snapshotOf.organisation(organisation) };
    }
    case 'FEEDBACK': {
      // The charity's feedback is what both sides read; the volunteer's words are private to them and admins.
      const feedback = await client.feedback.findFirst({
        where: { id, party: 'CHARITY', meeting: { volunteerId: actor.id } },
        select: {
          id: true,
          rating: true,
          changes: true,
          thanks: true,
          authorId: true,
          meeting: { select: { ask: { select: { title: true } }, organisation: { select: { name: true } } } },
        },
      });
      if (!feedback) throw new AccessDenied();
      if (feedback.authorId === actor.id) return 'own';
      return { subjectUserId: feedback.authorId, snapshot: snapshotOf.feedback(feedback) };
    }
  }
}
