// The home page as every anonymous visitor sees it, rendered once and kept in the page cache until a write
// invalidates its tags (docs/decisions/0013). proxy.ts sends anonymous requests for / here.
import { notFound } from 'next/navigation';
import { HomePage } from '@/components/home/HomePage';
import { HOME_KEY } from '@/lib/cache/public-routes';
import { PUBLIC_TAGS, tagCachedPage } from '@/lib/cache/tags';

// Relative dates ("posted 2 days ago") and deadlines passing between sweeps: rendered again at least once a minute.
export const revalidate = 60;
// Rendered on the first request, never by `next build` (which must not open the database).
export function generateStaticParams() {
  return [];
}

export default async function CachedHome({ params }: { params: Promise<{ key: string }> }) {
  if ((await params).key !== HOME_KEY) notFound();
  await tagCachedPage([PUBLIC_TAGS.home, PUBLIC_TAGS.askLists]);
  return <HomePage />;
}
