import { formatDate, formatDuration, timeZoneLabel } from '@/lib/dates';
import { parseAvailability, summariseAvailability } from '@/lib/asks/availability';
import type { PublicAsk } from '@/lib/asks/queries';
import { askStatusLabels, mediumLabels } from '@/lib/labels';

/** The practical details of a session: how long, how, when, by when. */
export function AskFacts({ ask }: { ask: PublicAsk }) {
  const windows = summariseAvailability(parseAvailability(ask.availability));
  return (
    <section aria-labelledby="session-details" className="rounded-lg border border-slate-200 p-5">
      <h2 id="session-details" className="text-lg font-semibold">
        Session details
      </h2>
      <dl className="mt-3 space-y-3 text-slate-800">
        <div>
          <dt className="text-sm font-medium text-slate-700">Status</dt>
          <dd>{askStatusLabels[ask.status]}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-700">Length</dt>
          <dd>{formatDuration(ask.durationMinutes)}</dd>
        </div>
        <div>
          <dt className="text-sm font-medium text-slate-700">How</dt>
          <dd>
            {ask.media.map((medium) => mediumLabels[medium]).join(', ')}
            {ask.location && ask.media.includes('IN_PERSON') ? ` (in person at ${ask.location})` : ''}
          </dd>
        </div>
        {windows.length > 0 ? (
          <div>
            <dt className="text-sm font-medium text-slate-700">When they can meet ({timeZoneLabel(ask.timeZone)})</dt>
            {windows.map((line) => (
              <dd key={line}>{line}</dd>
            ))}
          </div>
        ) : null}
        {ask.deadline ? (
          <div>
            <dt className="text-sm font-medium text-slate-700">Needed by</dt>
            <dd>{formatDate(ask.deadline, ask.timeZone)}</dd>
          </div>
        ) : null}
        {ask.publishedAt ? (
          <div>
            <dt className="text-sm font-medium text-slate-700">Posted</dt>
            <dd>{formatDate(ask.publishedAt, ask.timeZone)}</dd>
          </div>
        ) : null}
      </dl>
    </section>
  );
}
