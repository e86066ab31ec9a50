import { SubmitButton } from '@/components/ui/SubmitButton';
import { Badge } from '@/components/ui/Badge';
import type { OrganisationForMember } from '@/lib/orgs/queries';
import { makeOwnerAction } from '@/lib/orgs/actions';

/** The people in an organisation; owners can make another member an owner. */
export function MemberList({ organisation, currentUserId }: { organisation: OrganisationForMember; currentUserId: string }) {
  return (
    <ul className="divide-y divide-slate-200 rounded-lg border border-slate-200">
      {organisation.memberships.map((membership) => (
        <li key={membership.user.id} className="flex flex-wrap items-center justify-between gap-3 p-4">
          <div>
            <p className="font-medium">
              {membership.user.name ?? membership.user.email}
              {membership.user.id === currentUserId ? ' (you)' : ''}
            </p>
            <p className="text-sm text-slate-700">{membership.user.email}</p>
          </div>
          <div className="flex items-center gap-3">
            <Badge tone={membership.role === 'OWNER' ? 'brand' : 'neutral'}>{membership.role === 'OWNER' ? 'Owner' : 'Member'}</Badge>
            {organisation.myRole === 'OWNER' && membership.role !== 'OWNER' ? (
              <form action={makeOwnerAction.bind(null, organisation.id, membership.user.id)}>
                <SubmitButton variant="secondary" pendingText="Saving…">
                  Make owner<span className="sr-only"> ({membership.user.name ?? membership.user.email})</span>
                </SubmitButton>
              </form>
            ) : null}
          </div>
        </li>
      ))}
    </ul>
  );
}
