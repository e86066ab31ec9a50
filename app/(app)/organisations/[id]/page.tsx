import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { UnblockButton } from '@/components/blocks/UnblockButton';
import { FirstSteps } from '@/components/orgs/FirstSteps';
import { InviteForm } from '@/components/orgs/InviteForm';
import { LeaveOrganisationForm } from '@/components/orgs/LeaveOrganisationForm';
import { MemberList } from '@/components/orgs/MemberList';
import { OrganisationStatusNotice } from '@/components/orgs/OrganisationStatusNotice';
import { PendingInvites } from '@/components/orgs/PendingInvites';
import { FormAlert } from '@/components/ui/fields';
import { requireOrgMember } from '@/lib/auth/guards';
import { unblockVolunteerAction } from '@/lib/blocks/actions';
import { listBlockedVolunteers } from '@/lib/blocks/queries';
import { formatDate } from '@/lib/dates';
import { causeAreaLabels, organisationTypeLabels, regionLabels, sizeBandLabels } from '@/lib/labels';
import { createInviteAction, leaveOrganisationAction } from '@/lib/orgs/actions';
import { newSubmissionToken } from '@/lib/form-submissions';
import { organisationProgress } from '@/lib/orgs/first-steps';
import { getOrganisationForMember } from '@/lib/orgs/queries';

export const metadata: Metadata = { title: 'Your organisation' };

const notices: Record<string, string> = {
  created: 'Your organisation has been added. Here is what happens next.',
  joined: 'Welcome! You are now a member of this organisation.',
  'already-member': 'You are already a member of this organisation.',
  'owner-added': 'Done: they are now an owner too.',
  'invite-revoked': 'The invitation has been cancelled; its link no longer works.',
  updated: 'Your organisation’s details are saved.',
  'volunteer-unblocked': 'Unblocked. They can be suggested, invited and offer on your asks again.',
  resubmitted:
    'Saved and sent to us to verify. We usually check within a working day; your approved asks are published once we have verified your organisation.',
};

type Props = { params: Promise<{ id: string }>; searchParams: Promise<{ notice?: string; created?: string }> };

export default async function OrganisationPage({ params, searchParams }: Props) {
  const { id } = await params;
  const { user } = await requireOrgMember(id);
  const [organisation, [progress], blocked] = await Promise.all([
    getOrganisationForMember(user, id),
    organisationProgress(user, id),
    listBlockedVolunteers(user, id),
  ]);
  if (!organisation) notFound();
  const query = await searchParams;
  const notice = query.created ? notices.created : query.notice ? notices[query.notice] : undefined;

  return (
    <div className="space-y-8">
      <div className="space-y-3">
        <FormAlert success={notice} />
        <h1 className="text-3xl font-bold tracking-tight">{organisation.name}</h1>
        <OrganisationStatusNotice status={organisation.status} note={organisation.statusNote} vouched={organisation.vouchedAt !== null} />
      </div>

      {progress ? <FirstSteps progress={progress} /> : null}

      <section aria-labelledby="details" className="space-y-3">
        <h2 id="details" className="text-xl font-semibold">
          Details
        </h2>
        <dl className="grid gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-medium text-slate-700">Type</dt>
          <dd>{organisationTypeLabels[organisation.type]}</dd>
          {organisation.registrationNumber ? (
            <>
              <dt className="font-medium text-slate-700">Registration number</dt>
              <dd>{organisation.registrationNumber}</dd>
            </>
          ) : null}
          <dt className="font-medium text-slate-700">Region</dt>
          <dd>{regionLabels[organisation.region]}</dd>
          <dt className="font-medium text-slate-700">Size</dt>
          <dd>{sizeBandLabels[organisation.sizeBand]}</dd>
          <dt className="font-medium text-slate-700">Cause areas</dt>
          <dd>{organisation.causeAreas.map((area) => causeAreaLabels[area]).join(', ')}</dd>
          {organisation.website ? (
            <>
              <dt className="font-medium text-slate-700">Website</dt>
              <dd>
                <a href={organisation.website} rel="noopener noreferrer">
                  {organisation.website}
                </a>
              </dd>
            </>
          ) : null}
        </dl>
        <p className="max-w-3xl text-slate-800">{organisation.description}</p>
        {organisation.myRole === 'OWNER' && organisation.status !== 'SUSPENDED' ? (
          <p>
            <Link href={`/organisations/${organisation.id}/edit`}>
              {organisation.status === 'REJECTED' ? 'Correct the details and send them for verification' : 'Edit the details'}
            </Link>
          </p>
        ) : null}
      </section>

      <section aria-labelledby="members" className="space-y-3">
        <h2 id="members" className="text-xl font-semibold">
          People
        </h2>
        <MemberList organisation={organisation} currentUserId={user.id} />
      </section>

      {organisation.myRole === 'OWNER' ? (
        <section aria-labelledby="invite" className="space-y-4">
          <h2 id="invite" className="text-xl font-semibold">
            Invite a colleague
          </h2>
          <InviteForm action={createInviteAction.bind(null, organisation.id)} submission={newSubmissionToken()} />
          <h3 className="text-lg font-semibold">Invitations not yet used</h3>
          <PendingInvites organisationId={organisation.id} invites={organisation.invites} />
        </section>
      ) : null}

      <section id="blocked-volunteers" aria-labelledby="blocked-volunteers-heading" className="space-y-3">
        <h2 id="blocked-volunteers-heading" className="text-xl font-semibold">
          Blocked volunteers
        </h2>
        {blocked.length === 0 ? (
          <p className="text-slate-800">
            None. You can block a volunteer from any offer they make on your asks: they are no longer suggested to you, cannot offer on your
            asks and cannot be invited. They are not told.
          </p>
        ) : (
          <ul className="space-y-3">
            {blocked.map((volunteer) => (
              <li
                key={volunteer.volunteerId}
                className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 px-4 py-3"
              >
                <span>
                  {volunteer.name}
                  <span className="block text-sm text-slate-700">
                    blocked {formatDate(volunteer.blockedAt)}
                    {volunteer.blockedBy ? ` by ${volunteer.blockedBy}` : ''}
                  </span>
                </span>
                <UnblockButton action={unblockVolunteerAction.bind(null, organisation.id, volunteer.volunteerId)}>
                  Unblock<span className="sr-only"> {volunteer.name}</span>
                </UnblockButton>
              </li>
            ))}
          </ul>
        )}
      </section>

      {/* At the foot of the page, folded away (components/orgs/LeaveOrganisationForm): the first thing a new
          owner meets is what to do next, not a red button. */}
      <section aria-labelledby="leave" className="space-y-3 border-t border-slate-200 pt-6">
        <h2 id="leave" className="text-lg font-semibold">
          Leave this organisation
        </h2>
        <LeaveOrganisationForm
          action={leaveOrganisationAction.bind(null, organisation.id)}
          organisationName={organisation.name}
          onlyOwner={organisation.myRole === 'OWNER' && !organisation.memberships.some((m) => m.role === 'OWNER' && m.user.id !== user.id)}
        />
      </section>
    </div>
  );
}
