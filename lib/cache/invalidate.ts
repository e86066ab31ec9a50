// Invalidating cached public pages after a write. Called by the write itself (a lib mutation or a job),
// after its transaction commits, so every path that changes a public page keeps it fresh: in a server
// action, in a pg-boss job, in this process or in a worker of its own (with REDIS_URL they share the store).
import type { Prisma } from '@/lib/generated/prisma/client';
import { pageCacheStore } from './page-cache';
import { PUBLIC_TAGS } from './tag-names';

export { PUBLIC_TAGS };

/** Marks the tags invalidated: the pages carrying them are rendered again on their next request. Never throws. */
export async function invalidatePublic(tags: Iterable<string>): Promise<void> {
  const unique = [...new Set(tags)];
  if (unique.length === 0) return;
  try {
    await pageCacheStore().invalidate(unique);
  } catch (error) {
    // The write has committed; a lost invalidation is caught up by the pages' revalidate time.
    console.error('Page cache: invalidation failed', unique, error);
  }
}

/** An ask, in any state, as writes know it: its own id and its project's, if it is a stage. */
export interface AskRef {
  id: string;
  projectId?: string | null;
}

/**
 * The tags of everything showing these asks: their own pages, their projects' pages (which list every stage),
 * every list (a card, a count of offers, whether it is listed at all) and the home page (its newest asks and figures).
 */
export function askTags(asks: AskRef | AskRef[]): string[] {
  const list = Array.isArray(asks) ? asks : [asks];
  return [
    PUBLIC_TAGS.askLists,
    PUBLIC_TAGS.home,
    ...list.map((ask) => PUBLIC_TAGS.ask(ask.id)),
    ...list.flatMap((ask) => (ask.projectId ? [PUBLIC_TAGS.project(ask.projectId)] : [])),
  ];
}

/** Invalidates every public page showing these asks (see askTags). */
export function invalidateAsks(asks: AskRef | AskRef[]): Promise<void> {
  return invalidatePublic(askTags(asks));
}

/** Any Prisma client (the app's, a worker's, a transaction's) that can read asks and offers. */
type AskReader = Pick<Prisma.TransactionClient, 'ask' | 'offer'>;

/** Invalidates every public page showing these asks, looked up by id (for their projects). */
export async function invalidateAsksById(client: AskReader, askIds: string[]): Promise<void> {
  if (askIds.length === 0) return;
  const asks = await client.ask.findMany({ where: { id: { in: [...new Set(askIds)] } }, select: { id: true, projectId: true } });
  await invalidateAsks(asks);
}

/** Invalidates the pages of the asks these offers were made to (their counts of waiting offers changed). */
export async function invalidateAsksOfOffers(client: AskReader, offerIds: string[]): Promise<void> {
  if (offerIds.length === 0) return;
  const offers = await client.offer.findMany({ where: { id: { in: offerIds } }, select: { askId: true } });
  await invalidateAsksById(
    client,
    offers.map((offer) => offer.askId),
  );
}

/** Invalidates the pages of every published ask of an organisation (it was verified, or stopped being). */
export async function invalidateOrganisationAsks(client: AskReader, organisationId: string): Promise<void> {
  const asks = await client.ask.findMany({ where: { organisationId, publishedAt: { not: null } }, select: { id: true, projectId: true } });
  await invalidatePublic([...askTags(asks), PUBLIC_TAGS.home]);
}
