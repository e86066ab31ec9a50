// The list of open asks for one combination of filters, sort and page, as every anonymous visitor sees it
// (docs/cached-pages.md). proxy.ts gives anonymous requests for /asks their canonical key (lib/cache/browse-key.ts).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BrowsePage } from '@/components/asks/BrowsePage';
import { browseParams, searchParamsRecord } from '@/lib/cache/browse-key';
import { PAGE_TAGS, tagPage } from '@/lib/cache/page-tags';

export const metadata: Metadata = { title: 'Open asks' };
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export default async function CachedBrowse({ params }: { params: Promise<{ key: string }> }) {
  const query = browseParams((await params).key);
  if (!query) notFound();
  await tagPage([PAGE_TAGS.askLists]);
  return <BrowsePage params={searchParamsRecord(query)} user={null} />;
}
