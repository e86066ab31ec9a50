// A booked session's page, for its two parties and admins only (anyone else sees a 404): when and how,
// the ask and its prep pack, both sides' contact details, the calendar file, and what each side can do
// next (move, cancel, mark held or missed, book a further catch-up). Works without JavaScript.
import type { Metadata } from 'next';
import Link from 'next/link';
import type { ReactNode } from 'react';
import { MeetingFeedbackSection } from '@/components/feedback/MeetingFeedbackSection';
import { BookAgainForm } from '@/components/meetings/BookAgainForm';
import { CancelMeetingForm } from '@/components/meetings/CancelMeetingForm';
import { MeetingButtonForm } from '@/components/meetings/MeetingButtonForm';
import { ProposeMoveForm } from '@/components/meetings/ProposeMoveForm';
import { Badge } from '@/components/ui/Badge';
import { FormAlert } from '@/components/ui/fields';
import { requireUser } from '@/lib/auth/guards';
import { orNotFound } from '@/lib/auth/not-found';
import { formatDateTime, formatDuration, timeZoneLabel } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';
import {
  answerMoveAction,
  bookAgainAction,
  cancelMeetingAction,
  markHeldAction,
  proposeMoveAction,
  reportNoShowAction,
  withdrawMoveAction,
} from '@/lib/meetings/actions';
import { getMeetingForViewer, type MeetingMove, type MeetingPageData } from '@/lib/meetings/queries';
import { isLateCancellation, MAX_BOOKING_AHEAD_DAYS } from '@/lib/meetings/transitions';
import { addDays, dateInZone } from '@/lib/time-zones';

export const metadata: Metadata = { title: 'Your session' };

const ASK_REOPENED = 'Your ask is open for offers again; withdraw it from its page if you no longer need help.';

const notices: Record<string, string> = {
  booked: 'The session is booked. Both sides have an email with a calendar invite, and can see each other’s contact details below.',
  'move-proposed': 'New time proposed. We have asked the other side to accept it.',
  moved: 'The session has moved to the new time. Both sides have a new calendar invite.',
  'move-declined': 'You declined the new time. The session stays as it was.',
  'move-withdrawn': 'You withdrew the new time. The session stays as it was.',
  cancelled: 'The session is cancelled. The other side has been told.',
  'cancelled-late': 'The session is cancelled and, as it was within 24 hours of the start, recorded as a late cancellation.',
  // A charity's cancellation puts its ask back on the lists: say so, and how to stop it.
  'cancelled-reopened': `The session is cancelled. The other side has been told. ${ASK_REOPENED}`,
  'cancelled-late-reopened': `The session is cancelled and, as it was within 24 hours of the start, recorded as a late cancellation. ${ASK_REOPENED}`,
  held: 'Thank you: the session is marked as held.',
  'no-show': 'Thank you for letting us know. The session is recorded as missed.',
  'booked-again': 'Your further catch-up is booked. The other side has the invite.',
};

const statusLabels = { SCHEDULED: 'Booked', HELD: 'Held', NO_SHOW: 'Missed', CANCELLED: 'Cancelled' } as const;
const moveStatusLabels = {
  PENDING: 'Waiting for an answer',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn',
  SUPERSEDED: 'Closed when the session changed',
} as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

function Section({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="space-y-3">
      <h2 id={id} className="text-xl font-semibold">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** "Tue 8 Dec, 14:30 GMT - 15:00" in `zone`. */
function span(startsAt: Date, endsAt: Date, zone: string): string {
  const end = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hour12: false, timeZone: zone }).format(endsAt);
  return `${formatDateTime(startsAt, zone)} to ${end}`;
}

function sideName(data: MeetingPageData, party: 'VOLUNTEER' | 'CHARITY'): string {
  return party === 'VOLUNTEER' ? data.volunteer.name : data.organisation.name;
}

function MoveLine({ move, data }: { move: MeetingMove; data: MeetingPageData }) {
  return (
    <>
      {sideName(data, move.proposedByParty)}
      {move.proposedByName && move.proposedByName !== sideName(data, move.proposedByParty) ? ` (${move.proposedByName})` : ''} proposed
      moving it from {formatDateTime(move.previousStartsAt, data.viewerZone)} to {formatDateTime(move.startsAt, data.viewerZone)}.
      {move.note ? ` “${move.note}”` : ''}
    </>
  );
}

export default async function MeetingPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/meetings/${id}`);
  const now = new Date();
  const [data, { notice }] = await Promise.all([orNotFound(() => getMeetingForViewer(user, id, now)), searchParams]);
  const { actions } = data;
  const zone = data.viewerZone;
  const dates = { minDate: dateInZone(now, zone), maxDate: addDays(dateInZone(now, zone), MAX_BOOKING_AHEAD_DAYS) };
  const withName = data.viewer === 'VOLUNTEER' ? data.organisation.name : data.volunteer.name;
  const pending = data.pendingMove;
  const anyAction = Object.values(actions).some(Boolean);

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <div aria-live="polite">
          <FormAlert success={notice ? notices[notice] : undefined} />
        </div>
        <p className="text-sm">
          <Link href="/dashboard">← Your dashboard</Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight break-words">{data.ask.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-slate-700">
          <Badge tone={data.status === 'SCHEDULED' ? 'brand' : data.status === 'HELD' ? 'success' : 'neutral'}>
            {statusLabels[data.status]}
          </Badge>
          <span>
            {formatDuration(data.durationMinutes)} with {withName}
          </span>
          {data.viewer === 'ADMIN' ? <span>You are viewing this as an admin.</span> : null}
        </p>
      </div>

      <Section id="when" title="When">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Your time ({timeZoneLabel(zone)})</dt>
          <dd>{span(data.startsAt, data.endsAt, zone)}</dd>
          <dt className="font-medium text-slate-700">
            {data.otherZoneLabel}’s time ({timeZoneLabel(data.otherZone)})
          </dt>
          <dd>{span(data.startsAt, data.endsAt, data.otherZone)}</dd>
        </dl>
        {data.status === 'SCHEDULED' || data.status === 'CANCELLED' ? (
          <p>
            <a href={`/api/meetings/${data.id}/calendar`} download>
              {data.status === 'CANCELLED' ? 'Download the cancellation for your calendar (.ics)' : 'Add to your calendar (.ics)'}
            </a>
          </p>
        ) : null}
      </Section>

      {data.cancellation ? (
        <Section id="cancellation" title="Cancelled">
          <p>
            Cancelled by {data.cancellation.byParty ? sideName(data, data.cancellation.byParty) : 'someone no longer on HalfHour'}
            {data.cancellation.byName &&
            (!data.cancellation.byParty || data.cancellation.byName !== sideName(data, data.cancellation.byParty))
              ? ` (${data.cancellation.byName})`
              : ''}{' '}
            on {formatDateTime(data.cancellation.at, zone)}
            {data.cancellation.late ? ', within 24 hours of the start (a late cancellation)' : ''}.
          </p>
          {data.cancellation.reason ? <p className="whitespace-pre-line break-words">Reason: {data.cancellation.reason}</p> : null}
        </Section>
      ) : null}

      {data.status === 'NO_SHOW' ? (
        <p className="rounded-md border border-slate-400 bg-slate-50 px-4 py-3">
          Recorded as missed: {data.noShowParty ? sideName(data, data.noShowParty) : 'one side'} did not come.
        </p>
      ) : null}

      <Section id="join" title="How to meet">
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">How</dt>
          <dd>{mediumLabels[data.medium]}</dd>
          {data.joinDetails && data.status !== 'CANCELLED' ? (
            <>
              <dt className="font-medium text-slate-700">{data.medium === 'IN_PERSON' ? 'Where' : 'Join details'}</dt>
              <dd className="break-words whitespace-pre-line">{data.joinDetails}</dd>
            </>
          ) : null}
          {data.offerJoinDetails && data.offerJoinDetails !== data.joinDetails && data.status !== 'CANCELLED' ? (
            <>
              <dt className="font-medium text-slate-700">{data.volunteer.name}’s phone or video link</dt>
              <dd className="break-words">{data.offerJoinDetails}</dd>
            </>
          ) : null}
        </dl>
        <h3 className="font-semibold">Contact details</h3>
        <p className="text-sm text-slate-700">Only the two sides of this session (and HalfHour’s admins) can see these.</p>
        <ul className="space-y-1">
          <li className="break-words">
            {data.volunteer.name} (volunteer): <a href={`mailto:${data.volunteer.email}`}>{data.volunteer.email}</a>
          </li>
          {data.charityContacts.map((contact) => (
            <li key={contact.email} className="break-words">
              {contact.name ?? 'A colleague'} ({data.organisation.name}): <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </li>
          ))}
        </ul>
      </Section>

      {pending ? (
        <Section id="pending-move" title="A new time has been proposed">
          <p>
            <MoveLine move={pending} data={data} />
          </p>
          <p>
            New time for you: <strong>{span(pending.startsAt, pending.endsAt, zone)}</strong>
          </p>
          {actions.acceptMove || actions.declineMove ? (
            <MeetingButtonForm
              action={answerMoveAction.bind(null, data.id)}
              hidden={{ moveId: pending.id }}
              buttons={[
                ...(actions.acceptMove
                  ? [{ label: 'Accept the new time', pendingText: 'Accepting…', name: 'answer', value: 'accept' }]
                  : []),
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
        </Section>
      ) : null}

      {anyAction && data.viewer !== 'ADMIN' ? (
        <Section id="next" title="What you can do">
          {actions.markHeld || actions.reportNoShow ? (
            <div className="space-y-3">
              <h3 className="font-semibold">How did it go?</h3>
              <div className="flex flex-wrap gap-6">
                {actions.markHeld ? (
                  <MeetingButtonForm
                    action={markHeldAction.bind(null, data.id)}
                    intro={
                      data.status === 'HELD'
                        ? `${data.viewer === 'VOLUNTEER' ? data.organisation.name : data.volunteer.name} marked it as held. Add your own mark if it happened for you too.`
                        : undefined
                    }
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
        </Section>
      ) : null}

      {data.catchUp || data.followsUp ? (
        <Section id="catch-ups" title="Catch-ups">
          <ul className="space-y-1">
            {data.followsUp ? (
              <li>
                This is a further catch-up after{' '}
                <Link href={`/meetings/${data.followsUp.meetingId}`}>the session on {formatDateTime(data.followsUp.startsAt, zone)}</Link>.
              </li>
            ) : null}
            {data.catchUp ? (
              <li>
                A further catch-up {data.catchUp.status === 'CANCELLED' ? 'was booked (since cancelled)' : 'is booked'}:{' '}
                <Link href={`/meetings/${data.catchUp.meetingId}`}>{formatDateTime(data.catchUp.startsAt, zone)}</Link>.
              </li>
            ) : null}
          </ul>
        </Section>
      ) : null}

      <Section id="the-ask" title="The ask">
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Question</dt>
          <dd className="break-words whitespace-pre-line">{data.ask.question}</dd>
          <dt className="font-medium text-slate-700">A good outcome</dt>
          <dd className="break-words whitespace-pre-line">{data.ask.outcome}</dd>
          <dt className="font-medium text-slate-700">Prep pack</dt>
          <dd className="break-words whitespace-pre-line">
            {data.ask.context || 'None'}
            {data.ask.prepLink ? (
              <>
                {' '}
                <a href={data.ask.prepLink} rel="noopener noreferrer nofollow">
                  Linked document
                </a>
              </>
            ) : null}
          </dd>
        </dl>
      </Section>

      {data.moves.some((move) => move.status !== 'PENDING') ? (
        <Section id="history" title="Changes to the time">
          <ul className="space-y-2">
            {data.moves
              .filter((move) => move.status !== 'PENDING')
              .map((move) => (
                <li key={move.id} className="rounded-lg border border-slate-200 p-3">
                  <MoveLine move={move} data={data} /> <span className="font-medium">{moveStatusLabels[move.status]}</span>
                  {move.respondedAt ? ` on ${formatDateTime(move.respondedAt, zone)}` : ''}
                  {move.respondedByName && move.status !== 'WITHDRAWN' ? ` by ${move.respondedByName}` : ''}.
                </li>
              ))}
          </ul>
        </Section>
      ) : null}

      {data.status === 'HELD' ? <MeetingFeedbackSection meetingId={data.id} viewer={user} /> : null}
    </div>
  );
}
