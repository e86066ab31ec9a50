// "Asks that fit you": open asks matching ranks for this volunteer's skills, each with the reasons and
// a link to the ask. Deadlines are in the volunteer's zone.
import Link from 'next/link';
import { formatDate, formatDuration } from '@/lib/dates';
import type { FittingAsk } from '@/lib/matching/asks-for-volunteer';

export function FittingAsks({ asks, timeZone }: { asks: FittingAsk[]; timeZone: string }) {
  return (
    <section aria-labelledby="fitting-asks" className="space-y-2">
      <h3 id="fitting-asks" className="text-lg font-semibold">
        Asks that fit you
      </h3>
      {asks.length === 0 ? (
        <p className="text-slate-700">
          No open asks match your skills right now. <Link href="/asks">Browse all open asks</Link>, or add skills on{' '}
          <Link href="/volunteer/profile">your profile</Link>.
        </p>
      ) : (
        <ul className="space-y-3">
          {asks.map((ask) => (
            <li key={ask.askId} className="space-y-1">
              <p>
                <Link href={`/asks/${ask.askId}`} className="font-semibold break-words">
                  {ask.title}
                </Link>{' '}
                <span className="text-slate-700">
                  for {ask.organisationName}: {formatDuration(ask.durationMinutes)}, needed by {formatDate(ask.deadline, timeZone)}
                </span>
              </p>
              {ask.reasons.length > 0 ? (
                <ul aria-label={`Why ${ask.title} fits you`} className="list-disc space-y-0.5 pl-6 text-sm text-slate-800">
                  {ask.reasons.map((reason) => (
                    <li key={reason}>{reason}</li>
                  ))}
                </ul>
              ) : null}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
