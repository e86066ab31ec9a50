import { formatDuration, timeZoneLabel } from '@/lib/dates';
import { bookAgainAction, cancelMeetingAction, markHeldAction, proposeMoveAction, reportNoShowAction } from '@/lib/meetings/actions';
import type { MeetingPageData } from '@/lib/meetings/queries';
import { isLateCancellation, MAX_BOOKING_AHEAD_DAYS } from '@/lib/meetings/transitions';
import { addDays, dateInZone } from '@/lib/time-zones';
import { BookAgainForm } from './BookAgainForm';
import { CancelMeetingForm } from './CancelMeetingForm';
import { MeetingButtonForm } from './MeetingButtonForm';
import { MeetingSection } from './MeetingSection';
import { otherSideName } from './meeting-text';
import { ProposeMoveForm } from './ProposeMoveForm';

/**
 * What one side can do next, as the meeting's `actions` allow: mark it held or missed, propose a new time, cancel,
 * book a further catch-up. Admins see the page but act from the admin pages, so not this.
 */
export function MeetingNextSteps({ data, now }: { data: MeetingPageData; now: Date }) {
  const { actions } = data;
  if (!Object.values(actions).some(Boolean) || data.viewer === 'ADMIN') return null;
  const zone = data.viewerZone;
  const dates = { minDate: dateInZone(now, zone), maxDate: addDays(dateInZone(now, zone), MAX_BOOKING_AHEAD_DAYS) };
  const withName = otherSideName(data);
  return (
    <MeetingSection id="next" title="What you can do">
      {actions.markHeld || actions.reportNoShow ? (
        <div className="space-y-3">
          <h3 className="font-semibold">How did it go?</h3>
          <div className="flex flex-wrap gap-6">
            {actions.markHeld ? (
              <MeetingButtonForm
                action={markHeldAction.bind(null, data.id)}
                intro={data.status === 'HELD' ? `${withName} marked it as held. Add your own mark if it happened for you too.` : undefined}
                buttons={[
                  {
                    label: data.status === 'HELD' ? 'Confirm it happened' : 'It happened: mark as held',
                    pendingText: 'Saving…',
                  },
                ]}
              />
            ) : null}
            {actions.reportNoShow ? (
              <MeetingButtonForm
                action={reportNoShowAction.bind(null, data.id)}
                buttons={[{ label: `${withName} did not come`, pendingText: 'Saving…', variant: 'secondary' }]}
              />
            ) : null}
          </div>
        </div>
      ) : null}
      {actions.proposeMove ? (
        <ProposeMoveForm action={proposeMoveAction.bind(null, data.id)} zoneLabel={timeZoneLabel(zone)} {...dates} />
      ) : null}
      {actions.cancel ? (
        <CancelMeetingForm action={cancelMeetingAction.bind(null, data.id)} late={isLateCancellation(data.startsAt, now)} />
      ) : null}
      {actions.bookAgain ? (
        <BookAgainForm
          action={bookAgainAction.bind(null, data.id)}
          zoneLabel={timeZoneLabel(zone)}
          durationLabel={formatDuration(data.durationMinutes)}
          {...dates}
        />
      ) : null}
    </MeetingSection>
  );
}
