// The home page as every anonymous visitor sees it, rendered once and kept in the page cache until the database
// says a write changed one of its tags (docs/cached-pages.md).
import { notFound } from 'next/navigation';
import { HomePage } from '@/components/home/HomePage';
import { ONLY_KEY } from '@/lib/cache/cached-routes';
import { PAGE_TAGS, tagPage } from '@/lib/cache/page-tags';

// Relative dates ("posted 2 days ago") and deadlines passing between sweeps: rendered again at least once a minute.
export const revalidate = 60;
// Rendered on the first request, never by `next build` (which must not open the database).
export function generateStaticParams() {
  return [];
}

export default async function CachedHome({ params }: { params: Promise<{ key: string }> }) {
  if ((await params).key !== ONLY_KEY) notFound();
  await tagPage([PAGE_TAGS.home, PAGE_TAGS.askLists, PAGE_TAGS.clinicLists]);
  return <HomePage />;
}
