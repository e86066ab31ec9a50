// The list of upcoming clinics, shared by the per-request page (app/(public)/clinics/page.tsx) and its cached
// twin (app/cached/clinics), which every anonymous visitor shares (so `timeZone` is UK time there).
import Link from 'next/link';
import { ClinicCard } from '@/components/clinics/ClinicCard';
import { ClinicFilters } from '@/components/clinics/ClinicFilters';
import { ListTabs } from '@/components/clinics/ListTabs';
import { EmptyState } from '@/components/ui/EmptyState';
import { Pagination } from '@/components/ui/Pagination';
import { listClinicSkills, listUpcomingClinics } from '@/lib/clinics/listing';
import { CLINICS_PATH, type ClinicsSearchParams, hasClinicFilters, parseClinicsQuery } from '@/lib/clinics/listing-query';
import { plural } from '@/lib/labels';

export async function ClinicsPage({
  params,
  timeZone,
  canOffer,
}: {
  params: ClinicsSearchParams;
  timeZone: string;
  /** A signed-in volunteer: show them where to offer one. */
  canOffer: boolean;
}) {
  const now = new Date();
  const query = parseClinicsQuery(params);
  const [list, skills] = await Promise.all([listUpcomingClinics(query, now), listClinicSkills(now)]);
  const filtered = hasClinicFilters(query);

  return (
    <>
      <ListTabs current="clinics" />
      <h1 className="text-3xl font-bold tracking-tight">Group clinics</h1>
      <p className="mt-2 max-w-3xl text-slate-800">
        One expert answers several charities’ questions on one topic in a short group session, then can follow up one to one. Book a seat
        for your charity with the one question you want answered.
      </p>
      {canOffer ? (
        <p className="mt-2">
          <Link href="/clinics/new">Offer a group clinic</Link>
        </p>
      ) : null}

      <ClinicFilters query={query} skills={skills} filtered={filtered} />

      <p className="mt-6 text-slate-700" role="status">
        {plural(list.total, 'upcoming clinic')}
        {filtered ? (list.total === 1 ? ' matches your filters' : ' match your filters') : ''}
      </p>

      {list.clinics.length > 0 ? (
        <ul className="mt-4 grid gap-4">
          {list.clinics.map((clinic) => (
            <li key={clinic.id}>
              <ClinicCard clinic={clinic} timeZone={timeZone} />
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-4">
          {filtered ? (
            <EmptyState title="No clinics match your filters">
              <p>
                <Link href={CLINICS_PATH}>Clear all filters and see every upcoming clinic</Link>
              </p>
            </EmptyState>
          ) : query.page > 1 ? (
            <EmptyState title="No more clinics this way">
              <p>
                <Link href={CLINICS_PATH}>Go to the first page</Link>
              </p>
            </EmptyState>
          ) : (
            <EmptyState title="No clinics are coming up right now">
              <p>Clinics appear here as soon as they have been reviewed. Check back soon.</p>
            </EmptyState>
          )}
        </div>
      )}

      <Pagination page={query.page} pageCount={list.pageCount} basePath={CLINICS_PATH} params={{ skill: query.skill, from: query.from }} />
    </>
  );
}
