import Link from 'next/link';
import { SkillTags } from '@/components/asks/SkillTags';
import type { AskCardData } from '@/lib/asks/browse';
import { formatDate, formatDuration, formatRelativeDays } from '@/lib/dates';
import { mediumLabels, plural, regionLabels } from '@/lib/labels';

/**
 * One open ask in a list: enough to decide whether to read on. `headingLevel` fits the page's outline.
 * Takes the browse list's cards and the home page's (lib/asks/queries), which have the same shape.
 */
export function AskCard({ ask, now, headingLevel = 2 }: { ask: AskCardData; now: Date; headingLevel?: 2 | 3 }) {
  const offers = ask._count.offers;
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  return (
    <article className="rounded-lg border border-slate-200 p-5 shadow-sm">
      <Heading className="text-lg font-semibold leading-snug">
        <Link href={`/asks/${ask.id}`}>{ask.title}</Link>
      </Heading>
      <p className="mt-1 text-sm text-slate-700">
        {ask.organisation.name} · {regionLabels[ask.organisation.region]}
        {ask.publishedAt ? <> · posted {formatRelativeDays(ask.publishedAt, now)}</> : null}
      </p>
      <p className="mt-3 line-clamp-3 text-slate-800">{ask.question}</p>
      <div className="mt-3">
        <SkillTags skills={ask.skills.map(({ skill }) => skill)} />
      </div>
      <dl className="mt-3 flex flex-wrap gap-x-5 gap-y-1 text-sm text-slate-700">
        <div className="flex gap-1">
          <dt>Time:</dt>
          <dd>{formatDuration(ask.durationMinutes)}</dd>
        </div>
        <div className="flex gap-1">
          <dt>How:</dt>
          <dd>{ask.media.map((medium) => mediumLabels[medium]).join(', ')}</dd>
        </div>
        <div className="flex gap-1">
          <dt>Needed by:</dt>
          <dd>{formatDate(ask.deadline)}</dd>
        </div>
        <div className="flex gap-1">
          <dt className="sr-only">Offers so far:</dt>
          <dd>{offers === 0 ? 'No offers yet' : `${plural(offers, 'offer')} so far`}</dd>
        </div>
      </dl>
    </article>
  );
}
