// One offer as staff compare it with the others: who, what they bring, their record, their message and
// times in the charity's zone. Contact details are never here: they appear on the meeting page once booked.
import { HiddenWords } from '@/components/reports/HiddenNotice';
import type { ReactNode } from 'react';
import { Badge } from '@/components/ui/Badge';
import { formatDateTime } from '@/lib/dates';
import { mediumLabels, skillLevelLabels } from '@/lib/labels';
import type { StaffOffer } from '@/lib/offers/queries';

const statusText = {
  PENDING: 'Waiting for you',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Expired',
} as const;

export function OfferCard({ offer, timeZone, children }: { offer: StaffOffer; timeZone: string; children?: ReactNode }) {
  const headingId = `offer-${offer.id}`;
  return (
    <article aria-labelledby={headingId} className="flex min-w-0 flex-col gap-3 rounded-lg border border-slate-300 p-4">
      <header className="space-y-1">
        <h2 id={headingId} className="text-lg font-semibold break-words">
          {offer.volunteerName}
        </h2>
        {offer.headline ? <p className="break-words text-slate-800">{offer.headline}</p> : null}
        <Badge tone={offer.status === 'PENDING' ? 'brand' : offer.status === 'ACCEPTED' ? 'success' : 'neutral'}>
          {statusText[offer.status]}
        </Badge>
      </header>
      <dl className="space-y-2 text-sm">
        <div>
          <dt className="font-medium text-slate-700">Skills</dt>
          <dd>
            {offer.skills.length === 0
              ? 'None listed'
              : offer.skills.map((skill) => `${skill.name} (${skillLevelLabels[skill.level].toLowerCase()})`).join(', ')}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Sessions given</dt>
          <dd>{offer.sessionsGiven}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Rating from charities</dt>
          <dd>
            {offer.rating
              ? `${offer.rating.average.toFixed(1)} out of 5 (${offer.rating.count} rating${offer.rating.count === 1 ? '' : 's'})`
              : 'Not rated yet'}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Would meet by</dt>
          <dd>{mediumLabels[offer.medium]}</dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Their message</dt>
          <dd className="whitespace-pre-line break-words text-base text-slate-900">
            {offer.hiddenAt ? <HiddenWords what="Their message" /> : offer.message}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-slate-700">Times they proposed</dt>
          <dd>
            <ul className="list-disc pl-5">
              {offer.times.map((time) => (
                <li key={time.id}>{formatDateTime(time.startsAt, timeZone)}</li>
              ))}
            </ul>
          </dd>
        </div>
      </dl>
      {children}
    </article>
  );
}
