import { SubmitButton } from '@/components/ui/SubmitButton';
import { formatDate } from '@/lib/dates';
import { revokeInviteAction } from '@/lib/orgs/actions';
import type { OrganisationForMember } from '@/lib/orgs/queries';

export function PendingInvites({ organisationId, invites }: { organisationId: string; invites: OrganisationForMember['invites'] }) {
  if (invites.length === 0) return <p className="text-slate-700">No invitations are waiting to be used.</p>;
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
      {invites.map((invite) => (
        <li key={invite.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
          <p>
            {invite.email ?? 'Link without an email address'}
            <span className="block text-sm text-slate-700">Expires {formatDate(invite.expiresAt)}</span>
          </p>
          <form action={revokeInviteAction.bind(null, organisationId, invite.id)}>
            <SubmitButton variant="secondary" pendingText="Cancelling…">
              Cancel invitation<span className="sr-only"> {invite.email ?? ''}</span>
            </SubmitButton>
          </form>
        </li>
      ))}
    </ul>
  );
}
