import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { BlockForm } from '@/components/blocks/BlockForm';
import { OfferForm } from '@/components/offers/OfferForm';
import { WithdrawOfferForm } from '@/components/offers/WithdrawOfferForm';
import { Badge } from '@/components/ui/Badge';
import { FormAlert } from '@/components/ui/fields';
import { requireVolunteer } from '@/lib/auth/guards';
import { blockOrganisationAction } from '@/lib/blocks/actions';
import { formatDateTime, formatDuration } from '@/lib/dates';
import { mediumLabels } from '@/lib/labels';
import { makeOfferAction, withdrawOfferAction } from '@/lib/offers/actions';
import { getOfferForm } from '@/lib/offers/queries';
import { MAX_AHEAD_DAYS } from '@/lib/offers/times';
import { addDays, dateInZone } from '@/lib/time-zones';

export const metadata: Metadata = { title: 'Offer to help' };

const notices: Record<string, string> = {
  offered: 'Your offer is sent. The charity will choose one of your times, or let you know, within a week.',
  withdrawn: 'Your offer is withdrawn and the charity has been told.',
};

const statusText = {
  PENDING: 'Waiting for the charity',
  ACCEPTED: 'Accepted: a session is booked',
  DECLINED: 'Not taken up this time',
  WITHDRAWN: 'Withdrawn',
  EXPIRED: 'Closed without an answer',
} as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function OfferPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireVolunteer(`/asks/${id}/offer`);
  const [context, { notice }] = await Promise.all([getOfferForm(user, id), searchParams]);
  if (!context) notFound();
  const { ask, offer, refusal, windows, volunteerZone, invitation, mayBlockOrganisation } = context;
  // The staff's line stays on the page while the invitation is waiting and once it became this offer.
  const showInvitation = invitation && (invitation.status === 'PENDING' || invitation.status === 'ACCEPTED');
  const today = dateInZone(new Date(), volunteerZone);

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <FormAlert success={notice ? notices[notice] : undefined} />
        <p className="text-sm">
          <Link href={`/asks/${ask.id}`}>← Back to the ask</Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Offer to help: {ask.title}</h1>
        <p className="text-slate-700">
          Asked by {ask.organisation.name} · {formatDuration(ask.durationMinutes)} ·{' '}
          {ask.media.map((medium) => mediumLabels[medium]).join(', ')}
        </p>
        <p className="whitespace-pre-line text-slate-800">{ask.question}</p>
      </div>

      {showInvitation ? (
        <section aria-labelledby="invitation" className="space-y-2 rounded-lg border border-brand-700 bg-brand-50 px-4 py-3">
          <h2 id="invitation" className="text-lg font-semibold text-slate-900">
            {invitation.invitedByName ? `${invitation.invitedByName} of ${ask.organisation.name}` : ask.organisation.name} invited you to
            help
          </h2>
          {invitation.message ? (
            <blockquote className="border-l-4 border-brand-700 pl-3 break-words whitespace-pre-line text-slate-900">
              {invitation.message}
            </blockquote>
          ) : null}
          {invitation.status === 'PENDING' && !offer ? (
            <p className="text-slate-800">
              To accept, offer two or three times below. Cannot help this time? Decline on <Link href="/dashboard">your dashboard</Link>.
            </p>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="when" className="space-y-2">
        <h2 id="when" className="text-xl font-semibold">
          When they can meet
        </h2>
        {windows.sameZone ? (
          <>
            <p className="text-slate-700">Times in {windows.volunteerZoneName}, your time zone and theirs.</p>
            <ul className="list-disc space-y-1 pl-6">
              {windows.windows.map((window) => (
                <li key={window.ask}>{window.ask}</li>
              ))}
            </ul>
          </>
        ) : (
          <>
            <p className="text-slate-700">
              In your time zone ({windows.volunteerZoneName}) for the coming week; the charity is in {windows.askZoneName}.
            </p>
            <ul className="list-disc space-y-1 pl-6">
              {windows.windows.map((window) => (
                <li key={window.ask}>
                  {window.volunteer} <span className="text-slate-700">(their time: {window.ask})</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </section>

      {offer ? (
        <section aria-labelledby="your-offer" className="space-y-4">
          <h2 id="your-offer" className="text-xl font-semibold">
            Your offer
          </h2>
          <p>
            <Badge tone={offer.status === 'ACCEPTED' ? 'success' : offer.status === 'PENDING' ? 'brand' : 'neutral'}>
              {statusText[offer.status]}
            </Badge>
          </p>
          <p className="whitespace-pre-line text-slate-800">{offer.message}</p>
          <p className="text-slate-700">
            By {mediumLabels[offer.medium]}, at one of these times ({windows.volunteerZoneName}):
          </p>
          <ul className="list-disc space-y-1 pl-6">
            {offer.times.map((time) => (
              <li key={time.id}>{formatDateTime(time.startsAt, volunteerZone)}</li>
            ))}
          </ul>
          {offer.status === 'DECLINED' && offer.declineNote ? (
            <p className="rounded-md bg-slate-100 px-4 py-3 text-slate-900">From the charity: {offer.declineNote}</p>
          ) : null}
          {offer.meeting ? (
            <p>
              <Link href={`/meetings/${offer.meeting.id}`}>See your session</Link>
            </p>
          ) : null}
          {offer.status === 'PENDING' ? <WithdrawOfferForm action={withdrawOfferAction.bind(null, offer.id)} /> : null}
        </section>
      ) : refusal ? (
        <section aria-labelledby="cannot-offer" className="space-y-3">
          <h2 id="cannot-offer" className="text-xl font-semibold">
            You cannot offer on this ask right now
          </h2>
          <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">{refusal}</p>
          <p className="flex flex-wrap gap-4">
            <Link href="/volunteer/profile">Your volunteer profile</Link>
            <Link href="/asks">Other open asks</Link>
          </p>
        </section>
      ) : (
        <section aria-labelledby="offer-form" className="space-y-4">
          <h2 id="offer-form" className="text-xl font-semibold">
            Your offer
          </h2>
          <p className="text-slate-700">Needed by {formatDateTime(ask.deadline, volunteerZone)}.</p>
          <OfferForm
            action={makeOfferAction.bind(null, ask.id)}
            media={ask.media.map((medium) => ({ value: medium, label: mediumLabels[medium] }))}
            zoneName={windows.volunteerZoneName}
            minDate={today}
            maxDate={addDays(today, MAX_AHEAD_DAYS)}
          />
        </section>
      )}

      {mayBlockOrganisation ? (
        <section aria-labelledby="not-for-you" className="space-y-3">
          <h2 id="not-for-you" className="text-lg font-semibold">
            Not for you?
          </h2>
          <BlockForm
            action={blockOrganisationAction.bind(null, ask.organisationId)}
            id="block-organisation"
            summary={<>Don’t show me {ask.organisation.name}’s asks</>}
            explanation={
              <>
                Its asks will leave your “asks that fit you” and the best-fit list, and its invitations will not reach you. Any offer of
                yours still waiting on its asks is withdrawn. {ask.organisation.name} is not told why. You can undo this on your account
                page.
              </>
            }
            confirmLabel={<>I don’t want to see {ask.organisation.name}’s asks</>}
            submitLabel="Don’t show me its asks"
          />
        </section>
      ) : null}
    </div>
  );
}
