// The list of open asks for one combination of filters, sort and page, as every anonymous visitor sees it
// (docs/decisions/0013). proxy.ts sends anonymous requests for /asks here, the query string as the key.
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { BrowsePage } from '@/components/asks/BrowsePage';
import { browseParams, searchParamsRecord } from '@/lib/cache/public-routes';
import { PUBLIC_TAGS, tagCachedPage } from '@/lib/cache/tags';

export const metadata: Metadata = { title: 'Open asks' };
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export default async function CachedBrowse({ params }: { params: Promise<{ key: string }> }) {
  const query = browseParams((await params).key);
  if (!query) notFound();
  await tagCachedPage([PUBLIC_TAGS.askLists]);
  return <BrowsePage params={searchParamsRecord(query)} user={null} />;
}
