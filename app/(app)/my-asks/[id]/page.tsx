import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { AskHistory } from '@/components/asks/AskHistory';
import { ModerationMessage } from '@/components/asks/ModerationMessage';
import { PrepPack } from '@/components/asks/PrepPack';
import { SkillTags } from '@/components/asks/SkillTags';
import { WithdrawAskForm } from '@/components/asks/WithdrawAskForm';
import { InvitedVolunteers } from '@/components/matching/InvitedVolunteers';
import { HiddenNotice, HiddenWords } from '@/components/reports/HiddenNotice';
import { ReportedNotice } from '@/components/reports/ReportedNotice';
import { ReportForm } from '@/components/reports/ReportForm';
import { SuggestedVolunteers } from '@/components/matching/SuggestedVolunteers';
import { Badge } from '@/components/ui/Badge';
import { FormAlert } from '@/components/ui/fields';
import { parseAvailability, summariseAvailability } from '@/lib/asks/availability';
import { withdrawAskAction } from '@/lib/asks/actions';
import { getAskForStaff } from '@/lib/asks/queries';
import { askStatusesFrom, isEditableAsk } from '@/lib/asks/transitions';
import { requireUser } from '@/lib/auth/guards';
import { formatDate, formatDateTime, formatDuration, timeZoneLabel } from '@/lib/dates';
import { inviteVolunteerAction } from '@/lib/invitations/actions';
import { invitationsForAsk } from '@/lib/invitations/queries';
import { askStatusLabels, mediumLabels, plural } from '@/lib/labels';
import { suggestionsForStaff } from '@/lib/matching/queries';
import { offerSummaryForStaff } from '@/lib/offers/queries';
import { reportAction } from '@/lib/reports/actions';

export const metadata: Metadata = { title: 'Your ask' };

const notices: Record<string, string> = {
  saved: 'Saved as a draft. Submit it for review when it is ready.',
  submitted: 'Sent for review. We usually check asks within a working day; you will see the outcome here.',
  withdrawn: 'Your ask has been withdrawn.',
  split: 'Split into stages. Each stage is a draft: add what a good outcome looks like, then submit it.',
  invited: 'Invitation sent. The volunteer has been emailed; their answer will show under “Invited”.',
};

/** How many suggested volunteers an open ask shows. */
const SUGGESTION_LIMIT = 5;

const offerStatusLabels = {
  PENDING: 'Waiting for you',
  ACCEPTED: 'Accepted',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn by the volunteer',
  EXPIRED: 'Expired',
} as const;

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string; reported?: string }> };

export default async function MyAskPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/my-asks/${id}`);
  const [ask, { notice, reported }, offerSummary] = await Promise.all([
    getAskForStaff(user, id),
    searchParams,
    offerSummaryForStaff(user, id),
  ]);
  if (!ask) notFound();
  // Only staff reach this point (getAskForStaff found the ask), so the staff-only reads below cannot refuse.
  const openForOffers =
    ask.status === 'OPEN' &&
    ask.publishedAt !== null &&
    ask.organisation.status === 'VERIFIED' &&
    ask.deadline > new Date() &&
    !ask.hiddenAt;
  const [suggestions, invitations] = await Promise.all([
    openForOffers ? suggestionsForStaff(user, ask.id, { limit: SUGGESTION_LIMIT }) : [],
    invitationsForAsk(user, ask.id),
  ]);
  const editable = isEditableAsk(ask.status);
  const withdrawable = askStatusesFrom('withdraw', 'staff').includes(ask.status);
  const isPublic =
    ['OPEN', 'MATCHED', 'COMPLETED'].includes(ask.status) && ask.organisation.status === 'VERIFIED' && ask.publishedAt && !ask.hiddenAt;
  const windows = summariseAvailability(parseAvailability(ask.availability));
  const pendingOffers = ask.offers.filter((offer) => offer.status === 'PENDING').length;

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <FormAlert success={notice ? notices[notice] : undefined} />
        <ReportedNotice shown={reported === '1'} />
        <p className="text-sm">
          <Link href="/my-asks">← All your asks</Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">{ask.title}</h1>
        <p className="flex flex-wrap items-center gap-3 text-slate-700">
          <Badge tone={ask.status === 'OPEN' ? 'success' : ask.status === 'CHANGES_REQUESTED' ? 'accent' : 'neutral'}>
            {askStatusLabels[ask.status]}
          </Badge>
          <span>{ask.organisation.name}</span>
          {ask.qualityScore !== null ? <span>Coach score {ask.qualityScore} of 100</span> : null}
        </p>
        <ModerationMessage status={ask.status} note={ask.moderationNote} />
        {ask.hiddenAt ? <HiddenNotice what="this ask" reason={ask.hiddenReason} /> : null}
        {ask.status === 'OPEN' && !ask.publishedAt ? (
          <p className="rounded-md border border-amber-600 bg-amber-50 px-4 py-3 text-amber-950">
            Approved. It will be published as soon as your organisation is verified.
          </p>
        ) : null}
        <div className="flex flex-wrap gap-4">
          {editable ? (
            <Link
              href={`/my-asks/${ask.id}/edit`}
              className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
            >
              {ask.status === 'CHANGES_REQUESTED' ? 'Edit and resubmit' : 'Edit and submit'}
            </Link>
          ) : null}
          {editable && !ask.projectId ? <Link href={`/my-asks/${ask.id}/split`}>Too big? Split it into stages</Link> : null}
          {isPublic ? <Link href={`/asks/${ask.id}`}>See it as volunteers do</Link> : null}
        </div>
      </div>

      <section aria-labelledby="offers" className="space-y-3">
        <h2 id="offers" className="text-xl font-semibold">
          Offers {pendingOffers > 0 ? `(${pendingOffers} waiting)` : ''}
        </h2>
        {offerSummary.meeting ? (
          <p className="rounded-md bg-emerald-50 px-4 py-3 text-emerald-900">
            Matched: a session is booked for {formatDateTime(offerSummary.meeting.startsAt, user.timeZone)}.{' '}
            <Link href={`/meetings/${offerSummary.meeting.id}`}>See the session</Link>
          </p>
        ) : offerSummary.pending > 0 ? (
          <p className="rounded-md bg-brand-50 px-4 py-3 text-brand-900">
            {plural(offerSummary.pending, 'offer is', 'offers are')} waiting for your answer.{' '}
            <Link href={`/my-asks/${ask.id}/offers`}>Compare them and choose one</Link>
          </p>
        ) : null}
        {ask.offers.length === 0 ? (
          <p className="text-slate-800">
            {ask.status === 'OPEN' ? 'No offers yet. Volunteers with these skills can see your ask.' : 'No offers.'}
          </p>
        ) : (
          <ul className="space-y-3">
            {ask.offers.map((offer) => (
              <li key={offer.id} className="rounded-lg border border-slate-200 p-4">
                <p className="font-medium">
                  {offer.volunteer.name ?? 'A volunteer'}
                  {offer.volunteer.volunteerProfile && !offer.volunteer.volunteerProfile.hiddenAt ? (
                    <span className="font-normal text-slate-700"> · {offer.volunteer.volunteerProfile.headline}</span>
                  ) : null}
                </p>
                {offer.hiddenAt ? <HiddenWords what="This message" /> : <p className="mt-1 text-slate-800">{offer.message}</p>}
                <p className="mt-1 text-sm text-slate-700">
                  {offer.withdrawnBecause === 'BLOCKED' ? 'Withdrawn: you blocked this volunteer' : offerStatusLabels[offer.status]} ·
                  offered {formatDate(offer.createdAt, ask.timeZone)}
                </p>
                <div className="mt-2 flex flex-wrap gap-x-6 gap-y-2">
                  <ReportForm
                    action={reportAction.bind(null, 'OFFER', offer.id, `/my-asks/${ask.id}`)}
                    what={`${offer.volunteer.name ?? 'this volunteer'}’s message`}
                    idPrefix={`report-offer-${offer.id}`}
                  />
                  <ReportForm
                    action={reportAction.bind(null, 'USER', offer.volunteerId, `/my-asks/${ask.id}`)}
                    what={`${offer.volunteer.name ?? 'this volunteer'}’s profile`}
                    idPrefix={`report-volunteer-${offer.id}`}
                  />
                </div>
              </li>
            ))}
          </ul>
        )}
      </section>

      {openForOffers || invitations.length > 0 ? (
        <section aria-labelledby="suggested" className="space-y-4">
          <h2 id="suggested" className="text-xl font-semibold">
            {openForOffers ? 'Suggested volunteers' : 'Volunteers you invited'}
          </h2>
          {openForOffers ? (
            <>
              <p className="text-slate-800">
                People with the skills this ask needs and time this month, best fit first. Invite one and they get an email; if they can
                help, they offer times like anyone else.
              </p>
              <SuggestedVolunteers
                suggestions={suggestions.map((volunteer) => ({
                  ...volunteer,
                  invite: inviteVolunteerAction.bind(null, ask.id, volunteer.volunteerId, volunteer.score),
                }))}
              />
            </>
          ) : null}
          {invitations.length > 0 ? (
            <div className="space-y-2">
              {openForOffers ? <h3 className="text-lg font-semibold">Invited</h3> : null}
              <InvitedVolunteers invitations={invitations} timeZone={user.timeZone} />
            </div>
          ) : null}
        </section>
      ) : null}

      <section aria-labelledby="the-ask" className="space-y-4">
        <h2 id="the-ask" className="text-xl font-semibold">
          The ask
        </h2>
        <SkillTags skills={ask.skills.map(({ skill }) => skill)} label="Skills this ask needs" />
        <dl className="grid gap-x-6 gap-y-3 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Question</dt>
          <dd className="whitespace-pre-line">{ask.question || '(not written yet)'}</dd>
          <dt className="font-medium text-slate-700">A good outcome</dt>
          <dd className="whitespace-pre-line">{ask.outcome || '(not written yet)'}</dd>
          <dt className="font-medium text-slate-700">Prep pack</dt>
          <dd className="whitespace-pre-line">
            <PrepPack context={ask.context} prepLink={ask.prepLink} />
          </dd>
          <dt className="font-medium text-slate-700">Session</dt>
          <dd>
            {formatDuration(ask.durationMinutes)},{' '}
            {ask.media.map((medium) => mediumLabels[medium]).join(', ') || 'no way to meet chosen yet'}
            {ask.location && ask.media.includes('IN_PERSON') ? ` (in person at ${ask.location})` : ''}
          </dd>
          <dt className="font-medium text-slate-700">When ({timeZoneLabel(ask.timeZone)})</dt>
          <dd>{windows.length > 0 ? windows.join('; ') : 'No times chosen yet'}</dd>
          <dt className="font-medium text-slate-700">Needed by</dt>
          <dd>{formatDateTime(ask.deadline, ask.timeZone)}</dd>
        </dl>
      </section>

      {ask.project ? (
        <section aria-labelledby="stages" className="space-y-2">
          <h2 id="stages" className="text-xl font-semibold">
            Part of: {ask.project.title}
          </h2>
          <ol className="space-y-1">
            {ask.project.asks.map((stage) => (
              <li key={stage.id}>
                {stage.stage ? `Stage ${stage.stage}: ` : 'The original broad ask: '}
                {stage.id === ask.id ? (
                  <strong aria-current="page">{stage.title}</strong>
                ) : (
                  <Link href={`/my-asks/${stage.id}`}>{stage.title}</Link>
                )}{' '}
                <span className="text-sm text-slate-700">({askStatusLabels[stage.status]})</span>
              </li>
            ))}
          </ol>
        </section>
      ) : null}

      <section aria-labelledby="history" className="space-y-3">
        <h2 id="history" className="text-xl font-semibold">
          History
        </h2>
        <AskHistory history={ask.history} timeZone={user.timeZone} />
      </section>

      {withdrawable ? (
        <section aria-labelledby="withdraw" className="space-y-3 border-t border-slate-200 pt-6">
          <h2 id="withdraw" className="text-xl font-semibold">
            Withdraw this ask
          </h2>
          <WithdrawAskForm action={withdrawAskAction.bind(null, ask.id)} hasOffers={pendingOffers > 0} />
        </section>
      ) : null}
    </div>
  );
}
