// The ask page's body, shared by the per-request page (app/(public)/asks/[id]/page.tsx) and its cached twin (app/cached/asks).
import Link from 'next/link';
import type { ReactNode } from 'react';
import { AskFacts } from '@/components/asks/AskFacts';
import { AskStatusNotice } from '@/components/asks/AskStatusNotice';
import { OrganisationSummary } from '@/components/asks/OrganisationSummary';
import { ProjectStages } from '@/components/asks/ProjectStages';
import { SkillTags } from '@/components/asks/SkillTags';
import type { PublicAsk } from '@/lib/asks/queries';

/** An ask's public page, for anyone: what it needs, who asks, and whether it still takes offers. */
/** `report`: the controls that report the ask and its organisation, for signed-in visitors. */
export function AskPage({ ask, report }: { ask: PublicAsk; report?: ReactNode }) {
  const deadlinePassed = ask.deadline <= new Date();

  return (
    <article className="grid gap-10 lg:grid-cols-[minmax(0,2fr)_minmax(0,1fr)]">
      <div>
        <p className="text-sm">
          <Link href="/asks">← All open asks</Link>
        </p>
        <h1 className="mt-3 text-3xl font-bold tracking-tight">{ask.title}</h1>
        <p className="mt-2 text-slate-700">Asked by {ask.organisation.name}</p>
        <div className="mt-4">
          <SkillTags skills={ask.skills.map(({ skill }) => skill)} label="Skills this ask needs" />
        </div>

        <AskStatusNotice status={ask.status} pendingOffers={ask._count.offers} deadlinePassed={deadlinePassed} />
        {ask.status === 'OPEN' && !deadlinePassed ? (
          <p className="mt-4">
            {/* A plain link: the offer page signs the visitor in (or sends them to make a volunteer profile) first. */}
            <Link
              href={`/asks/${ask.id}/offer`}
              className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              Offer to help
            </Link>
          </p>
        ) : null}

        <section aria-labelledby="question" className="mt-8">
          <h2 id="question" className="text-xl font-semibold">
            The question
          </h2>
          <p className="mt-2 whitespace-pre-line text-slate-800">{ask.question}</p>
        </section>
        <section aria-labelledby="outcome" className="mt-6">
          <h2 id="outcome" className="text-xl font-semibold">
            What a good outcome looks like
          </h2>
          <p className="mt-2 whitespace-pre-line text-slate-800">{ask.outcome}</p>
        </section>
        {ask.context || ask.prepLink ? (
          <section aria-labelledby="context" className="mt-6">
            <h2 id="context" className="text-xl font-semibold">
              What you need to know beforehand
            </h2>
            {ask.context ? <p className="mt-2 whitespace-pre-line text-slate-800">{ask.context}</p> : null}
            {ask.prepLink ? (
              <p className="mt-2">
                <a href={ask.prepLink} rel="noopener noreferrer nofollow">
                  Read their document before the session
                </a>
              </p>
            ) : null}
          </section>
        ) : null}

        {ask.project ? <ProjectStages project={ask.project} currentId={ask.id} /> : null}
        {report ? <div className="mt-8">{report}</div> : null}
      </div>

      <aside className="space-y-6">
        <AskFacts ask={ask} />
        <OrganisationSummary organisation={ask.organisation} />
      </aside>
    </article>
  );
}
