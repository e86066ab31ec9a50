// An ask's page as every anonymous visitor sees it (docs/cached-pages.md). Tagged with the ask, so a "not found"
// is cached too, until the ask is approved; a change to another stage of its project, which it lists, is sent
// with this ask's tag too (page_tags in the database).
import type { Metadata } from 'next';
import { cache } from 'react';
import { AskPage } from '@/components/asks/AskPage';
import { getPublicAsk } from '@/lib/asks/queries';
import { NotFoundMessage } from '@/components/layout/NotFoundMessage';
import { PAGE_TAGS, tagNotFound, tagPage } from '@/lib/cache/page-tags';

const loadAsk = cache(async (id: string) => {
  await tagPage([PAGE_TAGS.ask(id)]);
  return getPublicAsk(id);
});

type Props = { params: Promise<{ id: string }> };

export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const ask = await loadAsk((await params).id);
  return { title: ask ? ask.title : 'Ask not found' };
}

export default async function CachedAsk({ params }: Props) {
  const ask = await loadAsk((await params).id);
  if (!ask) {
    // Not notFound(): see NotFoundMessage.
    await tagNotFound();
    return <NotFoundMessage />;
  }
  return <AskPage ask={ask} />;
}
