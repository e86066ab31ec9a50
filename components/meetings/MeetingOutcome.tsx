import { formatDateTime } from '@/lib/dates';
import type { MeetingPageData } from '@/lib/meetings/queries';
import { MeetingSection } from './MeetingSection';
import { sideName } from './meeting-text';

/** How a session that did not happen ended: who cancelled it, when and why; or who did not come. */
export function MeetingOutcome({ data }: { data: MeetingPageData }) {
  return (
    <>
      {data.cancellation ? (
        <MeetingSection id="cancellation" title="Cancelled">
          <p>
            Cancelled by {data.cancellation.byParty ? sideName(data, data.cancellation.byParty) : 'someone no longer on HalfHour'}
            {data.cancellation.byName &&
            (!data.cancellation.byParty || data.cancellation.byName !== sideName(data, data.cancellation.byParty))
              ? ` (${data.cancellation.byName})`
              : ''}{' '}
            on {formatDateTime(data.cancellation.at, data.viewerZone)}
            {data.cancellation.late ? ', within 24 hours of the start (a late cancellation)' : ''}.
          </p>
          {data.cancellation.reason ? <p className="whitespace-pre-line break-words">Reason: {data.cancellation.reason}</p> : null}
        </MeetingSection>
      ) : null}

      {data.status === 'NO_SHOW' ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 px-4 py-3">
          Recorded as missed: {data.noShowParty ? sideName(data, data.noShowParty) : 'one side'} did not come.
        </p>
      ) : null}
    </>
  );
}
