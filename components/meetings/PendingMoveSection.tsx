import { answerMoveAction, withdrawMoveAction } from '@/lib/meetings/actions';
import type { MeetingPageData } from '@/lib/meetings/queries';
import { MeetingButtonForm } from './MeetingButtonForm';
import { MeetingSection } from './MeetingSection';
import { MoveLine, sessionSpan } from './meeting-text';

/** A new time waiting for an answer: the other side may accept or decline it, the side that proposed it withdraw it. */
export function PendingMoveSection({ data }: { data: MeetingPageData }) {
  const pending = data.pendingMove;
  if (!pending) return null;
  const { actions } = data;
  return (
    <MeetingSection id="pending-move" title="A new time has been proposed">
      <p>
        <MoveLine move={pending} data={data} />
      </p>
      <p>
        New time for you: <strong>{sessionSpan(pending.startsAt, pending.endsAt, data.viewerZone)}</strong>
      </p>
      {actions.acceptMove || actions.declineMove ? (
        <MeetingButtonForm
          action={answerMoveAction.bind(null, data.id)}
          hidden={{ moveId: pending.id }}
          buttons={[
            ...(actions.acceptMove ? [{ label: 'Accept the new time', pendingText: 'Accepting…', name: 'answer', value: 'accept' }] : []),
            { label: 'Decline it', pendingText: 'Declining…', variant: 'secondary' as const, name: 'answer', value: 'decline' },
          ]}
        />
      ) : null}
      {actions.withdrawMove ? (
        <MeetingButtonForm
          action={withdrawMoveAction.bind(null, data.id)}
          hidden={{ moveId: pending.id }}
          intro="Waiting for the other side to answer."
          buttons={[{ label: 'Withdraw this proposal', pendingText: 'Withdrawing…', variant: 'secondary' }]}
        />
      ) : null}
    </MeetingSection>
  );
}
