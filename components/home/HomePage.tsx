// The home page's body, shared by the per-request page (app/(public)/page.tsx) and its cached twin (app/cached/home).
import Link from 'next/link';
import { AskCard } from '@/components/asks/AskCard';
import { ClinicCard } from '@/components/clinics/ClinicCard';
import { MarketplaceCounts } from '@/components/home/MarketplaceCounts';
import { EmptyState } from '@/components/ui/EmptyState';
import { listLatestOpenAsks } from '@/lib/asks/queries';
import { listClinicsComingUp } from '@/lib/clinics/listing';
import { DEFAULT_TIME_ZONE } from '@/lib/dates';
import { getHomeFigures } from '@/lib/metrics/queries';

/** The home page's content: live figures and the newest asks. The same for everyone, signed in or not. */
export async function HomePage() {
  const now = new Date();
  const [counts, latest, clinics] = await Promise.all([getHomeFigures(now), listLatestOpenAsks(4, now), listClinicsComingUp(2, now)]);

  return (
    <>
      <section aria-labelledby="intro" className="max-w-3xl">
        <h1 id="intro" className="text-3xl font-bold tracking-tight text-slate-900 sm:text-4xl">
          Expert help for small charities, half an hour at a time
        </h1>
        <p className="mt-4 text-lg text-slate-800">
          Small charities and social enterprises post narrowly scoped asks, such as “check the opening paragraph of our lottery bid” or “set
          up a cashbook in Excel”. Experienced volunteers with the right skills offer a short session, and afterwards the charity tells them
          what changed.
        </p>
        <p className="mt-6">
          <Link
            href="/asks"
            className="inline-block rounded-md bg-brand-700 px-5 py-2.5 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
          >
            Browse open asks
          </Link>
        </p>
      </section>

      <section aria-labelledby="figures" className="mt-10">
        <h2 id="figures" className="sr-only">
          HalfHour in numbers
        </h2>
        <MarketplaceCounts counts={counts} />
      </section>

      <section aria-labelledby="latest" className="mt-12">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="latest" className="text-2xl font-semibold">
            Newest asks
          </h2>
          {latest.length > 0 ? <Link href="/asks">See all {counts.openAsks.toLocaleString('en-GB')} open asks</Link> : null}
        </div>
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          {latest.map((ask) => (
            <AskCard key={ask.id} ask={ask} now={now} headingLevel={3} />
          ))}
        </div>
        {latest.length === 0 ? (
          <EmptyState title="No asks are open right now">
            New asks appear here as soon as they have been reviewed. Check back soon.
          </EmptyState>
        ) : null}
      </section>

      <section aria-labelledby="clinics" className="mt-12">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="clinics" className="text-2xl font-semibold">
            Clinics coming up
          </h2>
          {clinics.length > 0 ? <Link href="/clinics">See all group clinics</Link> : null}
        </div>
        <p className="mt-2 max-w-3xl text-slate-800">One expert, several charities with the same kind of question, one short session.</p>
        {/* One page for everyone, signed in or not: times in UK time, named. */}
        <div className="mt-4 grid gap-4 md:grid-cols-2">
          {clinics.map((clinic) => (
            <ClinicCard key={clinic.id} clinic={clinic} timeZone={DEFAULT_TIME_ZONE} headingLevel={3} />
          ))}
        </div>
        {clinics.length === 0 ? (
          <EmptyState title="No clinics are coming up right now">
            Group clinics appear here as soon as they have been reviewed. Check back soon.
          </EmptyState>
        ) : null}
      </section>

      <section id="how-it-works" aria-labelledby="how" className="mt-12 max-w-3xl scroll-mt-4">
        <h2 id="how" className="text-2xl font-semibold">
          How it works
        </h2>
        <ol className="mt-4 list-decimal space-y-3 pl-6 text-slate-800">
          <li>
            <strong>A charity breaks a big problem into small asks.</strong> Not “write our funding bid” but “how should we answer the
            question on outcomes?”, with what a good result looks like and what the volunteer needs to know beforehand.
          </li>
          <li>
            <strong>We check every ask</strong> before it is published, and verify every organisation.
          </li>
          <li>
            <strong>Volunteers offer a short session</strong> by video, phone, email or in person, proposing two or three times. The charity
            picks one.
          </li>
          <li>
            <strong>Afterwards the charity says what changed</strong>, and two weeks later whether they put it into practice, so volunteers
            see the difference their half hour made.
          </li>
        </ol>
      </section>
    </>
  );
}
