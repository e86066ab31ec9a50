import { timeZoneLabel } from '@/lib/dates';
import type { MeetingPageData } from '@/lib/meetings/queries';
import { MeetingSection } from './MeetingSection';
import { sessionSpan } from './meeting-text';

/** When the session is, in the viewer's zone and the other side's, and its calendar file. */
export function MeetingWhen({ data }: { data: MeetingPageData }) {
  const zone = data.viewerZone;
  return (
    <MeetingSection id="when" title="When">
      <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
        <dt className="font-medium text-slate-700">Your time ({timeZoneLabel(zone)})</dt>
        <dd>{sessionSpan(data.startsAt, data.endsAt, zone)}</dd>
        <dt className="font-medium text-slate-700">
          {data.otherZoneLabel}’s time ({timeZoneLabel(data.otherZone)})
        </dt>
        <dd>{sessionSpan(data.startsAt, data.endsAt, data.otherZone)}</dd>
      </dl>
      {data.status === 'SCHEDULED' || data.status === 'CANCELLED' ? (
        <p>
          <a href={`/api/meetings/${data.id}/calendar`} download>
            {data.status === 'CANCELLED' ? 'Download the cancellation for your calendar (.ics)' : 'Add to your calendar (.ics)'}
          </a>
        </p>
      ) : null}
    </MeetingSection>
  );
}
