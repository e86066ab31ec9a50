// The browse page's body, shared by the per-request page (app/(public)/asks/page.tsx) and its cached twin (app/cached/browse).
import Link from 'next/link';
import { AskCard } from '@/components/asks/AskCard';
import { BrowseFilters } from '@/components/asks/BrowseFilters';
import { ListTabs } from '@/components/clinics/ListTabs';
import { CursorPagination } from '@/components/ui/CursorPagination';
import { EmptyState } from '@/components/ui/EmptyState';
import { COUNT_CAP, knownSlugs, listBrowseTaxonomy, searchOpenAsks } from '@/lib/asks/browse';
import { BROWSE_PATH, browseHref, type BrowseQuery, hasFilters, parseBrowseQuery, type SearchParams } from '@/lib/asks/browse-query';
import type { SessionUser } from '@/lib/auth/session';
import { plural } from '@/lib/labels';

/** "12 open asks", "More than 1,000 open asks", then what narrows them, for the status line. */
function describeCount(count: { value: number; capped: boolean }, query: BrowseQuery, categoryName?: string): string {
  const total = count.capped ? `More than ${plural(COUNT_CAP, 'open ask')}` : plural(count.value, 'open ask');
  return `${total}${categoryName ? ` in ${categoryName}` : ''}${query.q ? ` matching “${query.q}”` : ''}`;
}

/** Why an ask fits the volunteer, under its card when sorting by best fit. */
function FitReasons({ reasons }: { reasons: string[] }) {
  return (
    <div className="-mt-1 rounded-b-lg border border-t-0 border-slate-200 bg-slate-50 px-5 py-3 text-sm text-slate-900">
      <p className="font-semibold">Why it fits you</p>
      <ul className="mt-1 list-disc space-y-0.5 pl-5">
        {reasons.map((reason) => (
          <li key={reason}>{reason}</li>
        ))}
      </ul>
    </div>
  );
}

/**
 * The list of open asks for a query string. `user` is the signed-in visitor (per-request page) or null (the
 * cached twin, which every anonymous visitor shares); the ranking runs only for "best fit" with a volunteer profile.
 */
export async function BrowsePage({ params, user }: { params: SearchParams; user: SessionUser | null }) {
  const taxonomy = await listBrowseTaxonomy();
  const viewer = { hasVolunteerProfile: Boolean(user?.volunteerProfile), userId: user?.volunteerProfile ? user.id : undefined };
  const query = parseBrowseQuery(params, knownSlugs(taxonomy));
  const now = new Date();
  const result = await searchOpenAsks(query, viewer, now);

  const current: BrowseQuery = { ...query, sort: result.sort };
  const category = taxonomy.find((c) => c.slug === query.category);
  const filtered = hasFilters(query);
  const atStart = !result.previous;

  return (
    <>
      <ListTabs current="asks" />
      <h1 className="text-3xl font-bold tracking-tight">Open asks</h1>
      <p className="mt-2 max-w-3xl text-slate-800">
        Specific questions from small charities, each answerable in a short session. Pick one that fits your skills.
      </p>

      <BrowseFilters query={current} taxonomy={taxonomy} offerBestFit={viewer.hasVolunteerProfile} filtered={filtered} />

      <p className="mt-6 text-slate-700" role="status">
        {describeCount(result.count, query, category?.name)}
      </p>
      {result.alsoSearchedFor.length > 0 ? (
        <p className="mt-1 text-sm text-slate-700">Also searched for: {result.alsoSearchedFor.join(', ')}.</p>
      ) : null}
      {result.fitReasons ? (
        <p className="mt-2 text-slate-800">
          Ranked for you: the asks that best fit your skills, how you meet and your time this month, and why each fits.
        </p>
      ) : result.bestFitFallback ? (
        <p className="mt-2 rounded-md bg-slate-100 px-4 py-3 text-slate-900">
          None of these asks fits your skills and time this month, so these are the newest asks first.
        </p>
      ) : query.sort === 'best-fit' ? (
        <p className="mt-2 rounded-md bg-slate-100 px-4 py-3 text-slate-900">
          Best fit needs a volunteer profile, so these are the newest asks first.{' '}
          {user ? (
            <Link href="/volunteer/profile">Create your volunteer profile</Link>
          ) : (
            <Link href={`/signin?callbackUrl=${encodeURIComponent(browseHref(query))}`}>Sign in as a volunteer</Link>
          )}{' '}
          to see the asks that fit you.
        </p>
      ) : null}

      {result.asks.length > 0 ? (
        <ul className="mt-4 grid gap-4">
          {result.asks.map((ask) => (
            <li key={ask.id}>
              <AskCard ask={ask} now={now} />
              {result.fitReasons?.[ask.id]?.length ? <FitReasons reasons={result.fitReasons[ask.id]!} /> : null}
            </li>
          ))}
        </ul>
      ) : (
        <div className="mt-4">
          {filtered ? (
            <EmptyState title="No open asks match your filters">
              <p>Try fewer words or a wider choice, or</p>
              <p className="mt-2">
                <Link href={BROWSE_PATH}>clear all filters and see every open ask</Link>
              </p>
            </EmptyState>
          ) : atStart && query.page.kind === 'first' ? (
            <EmptyState title="No asks are open right now">
              <p>Asks appear here as soon as they have been reviewed. Check back soon.</p>
            </EmptyState>
          ) : (
            <EmptyState title="No more open asks this way">
              <p>
                <Link href={browseHref({ ...current, page: { kind: 'first' } })}>Go to the first page</Link>
              </p>
            </EmptyState>
          )}
        </div>
      )}

      <CursorPagination
        first={result.previous ? browseHref({ ...current, page: { kind: 'first' } }) : undefined}
        previous={result.previous ? browseHref({ ...current, page: { kind: 'before', cursor: result.previous } }) : undefined}
        next={result.next ? browseHref({ ...current, page: { kind: 'after', cursor: result.next } }) : undefined}
        last={result.next ? browseHref({ ...current, page: { kind: 'last' } }) : undefined}
      />
    </>
  );
}
