// The list of upcoming clinics for one combination of filters and page, as every anonymous visitor sees it
// (docs/cached-pages.md). proxy.ts gives anonymous requests for /clinics their canonical key (lib/cache/clinics-key.ts).
import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { ClinicsPage } from '@/components/clinics/ClinicsPage';
import { searchParamsRecord } from '@/lib/cache/browse-key';
import { clinicsParams } from '@/lib/cache/clinics-key';
import { PAGE_TAGS, tagPage } from '@/lib/cache/page-tags';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';

export const metadata: Metadata = { title: 'Group clinics' };
// A clinic leaves the list when it starts: rendered again at least once a minute.
export const revalidate = 60;
export function generateStaticParams() {
  return [];
}

export default async function CachedClinics({ params }: { params: Promise<{ key: string }> }) {
  const query = clinicsParams((await params).key);
  if (!query) notFound();
  await tagPage([PAGE_TAGS.clinicLists]);
  return <ClinicsPage params={searchParamsRecord(query)} timeZone={DEFAULT_TIME_ZONE} canOffer={false} />;
}
