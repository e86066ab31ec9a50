// An ask's page as every anonymous visitor sees it (docs/decisions/0013). Tagged with the ask (so a "not
// found" is cached too, until the ask is approved) and with the other stages of its project, which it lists.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { cache } from 'react';
import { AskPage } from '@/components/asks/AskPage';
import { getPublicAsk } from '@/lib/asks/queries';
import { PUBLIC_TAGS, tagCachedPage } from '@/lib/cache/tags';

const loadAsk = cache(async (id: string) => {
  await tagCachedPage([PUBLIC_TAGS.ask(id)]);
  const ask = await getPublicAsk(id);
  if (ask?.project) {
    await tagCachedPage([PUBLIC_TAGS.project(ask.project.id), ...ask.project.asks.map((stage) => PUBLIC_TAGS.ask(stage.id))]);
  }
  return ask;
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
  if (!ask) notFound();
  return <AskPage ask={ask} />;
}
