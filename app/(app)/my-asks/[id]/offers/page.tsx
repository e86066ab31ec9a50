import type { Metadata } from 'next';
import Link from 'next/link';
import { BlockForm } from '@/components/blocks/BlockForm';
import { AcceptOfferForm } from '@/components/offers/AcceptOfferForm';
import { DeclineOfferForm } from '@/components/offers/DeclineOfferForm';
import { OfferCard } from '@/components/offers/OfferCard';
import { ReportForm } from '@/components/reports/ReportForm';
import { EmptyState } from '@/components/ui/EmptyState';
import { FormAlert } from '@/components/ui/fields';
import { requireUser } from '@/lib/auth/guards';
import { blockVolunteerAction } from '@/lib/blocks/actions';
import { volunteersBlockedBy } from '@/lib/blocks/queries';
import { orNotFound } from '@/lib/auth/not-found';
import { formatDateTime, timeZoneLabel } from '@/lib/dates';
import { acceptOfferAction, declineOfferAction } from '@/lib/offers/actions';
import { listOffersForStaff } from '@/lib/offers/queries';
import { reportAction } from '@/lib/reports/actions';

export const metadata: Metadata = { title: 'Compare offers' };

const notices: Record<string, string> = {
  declined: 'The offer is declined and the volunteer has been told.',
  reported: 'Thank you: your report was received. Our team will look into it and email you what we decided.',
  'volunteer-blocked':
    'The volunteer is blocked: they are no longer suggested to you, cannot offer on your asks and cannot be invited. They are not told. Unblock them on your organisation’s page.',
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string }> };

export default async function CompareOffersPage({ params, searchParams }: Props) {
  const { id } = await params;
  const user = await requireUser(`/my-asks/${id}/offers`);
  const [{ ask, offers, meeting }, { notice }] = await Promise.all([orNotFound(() => listOffersForStaff(user, id)), searchParams]);
  const blocked = await volunteersBlockedBy(
    user,
    ask.organisationId,
    offers.map((offer) => offer.volunteerId),
  );
  const zoneName = timeZoneLabel(ask.timeZone);
  const choosing = ask.status === 'OPEN';

  return (
    <div className="space-y-6">
      <div className="space-y-3">
        <FormAlert success={notice ? notices[notice] : undefined} />
        <p className="text-sm">
          <Link href={`/my-asks/${ask.id}`}>← Back to the ask</Link>
        </p>
        <h1 className="text-3xl font-bold tracking-tight">Offers on “{ask.title}”</h1>
        <p className="text-slate-700">
          All times are in your ask’s time zone, {zoneName}. Accepting one offer books the session and thanks the other volunteers for you.
        </p>
        {meeting ? (
          <p className="rounded-md bg-emerald-50 px-4 py-3 text-emerald-900">
            Booked for {formatDateTime(meeting.startsAt, ask.timeZone)}. <Link href={`/meetings/${meeting.id}`}>See the session</Link>
          </p>
        ) : null}
      </div>

      {offers.length === 0 ? (
        <EmptyState title="No offers yet">Volunteers with these skills can see your ask. We email you when someone offers.</EmptyState>
      ) : (
        <div className="grid grid-cols-1 gap-4 md:grid-cols-2 xl:grid-cols-3">
          {offers.map((offer) => (
            <OfferCard key={offer.id} offer={offer} timeZone={ask.timeZone}>
              {choosing && offer.status === 'PENDING' ? (
                <div className="mt-auto space-y-4 border-t border-slate-200 pt-4">
                  <AcceptOfferForm
                    action={acceptOfferAction.bind(null, offer.id)}
                    offerId={offer.id}
                    zoneName={zoneName}
                    times={offer.times.map((time) => ({ id: time.id, label: formatDateTime(time.startsAt, ask.timeZone) }))}
                  />
                  <details>
                    <summary className="cursor-pointer font-medium">Decline this offer</summary>
                    <div className="mt-3">
                      <DeclineOfferForm action={declineOfferAction.bind(null, offer.id)} offerId={offer.id} />
                    </div>
                  </details>
                </div>
              ) : null}
              <div className="border-t border-slate-200 pt-4">
                {blocked.has(offer.volunteerId) ? (
                  <p className="text-sm text-slate-700">
                    You blocked this volunteer. <Link href={`/organisations/${ask.organisationId}#blocked-volunteers`}>Unblock them</Link>
                  </p>
                ) : (
                  <BlockForm
                    action={blockVolunteerAction.bind(null, ask.organisationId, offer.volunteerId)}
                    id={`block-${offer.id}`}
                    summary="Block this volunteer…"
                    explanation="They will no longer be suggested to you, cannot offer on your organisation’s asks and cannot be invited. Their offers still waiting are withdrawn. They are not told. You can unblock them on your organisation’s page."
                    confirmLabel="Yes, block this volunteer for our organisation"
                    submitLabel="Block this volunteer"
                    returnTo={`/my-asks/${ask.id}/offers`}
                  />
                )}
              </div>
              <div className="space-y-2">
                <ReportForm
                  action={reportAction.bind(null, 'OFFER', offer.id, `/my-asks/${ask.id}/offers?notice=reported`)}
                  what={`${offer.volunteerName}’s message`}
                  idPrefix={`report-offer-${offer.id}`}
                />
                <ReportForm
                  action={reportAction.bind(null, 'USER', offer.volunteerId, `/my-asks/${ask.id}/offers?notice=reported`)}
                  what={`${offer.volunteerName}’s profile`}
                  idPrefix={`report-volunteer-${offer.id}`}
                />
              </div>
            </OfferCard>
          ))}
        </div>
      )}
    </div>
  );
}
