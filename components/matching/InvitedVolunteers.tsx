// Who staff have invited to an ask and what each said: waiting, offered (accepted), declined with their
// reason, or withdrawn because the ask moved on. Dates are in the staff member's zone.
import { Badge } from '@/components/ui/Badge';
import { formatDate } from '@/lib/dates';
import type { InvitationStatus } from '@/lib/generated/prisma/enums';
import type { SentInvitation } from '@/lib/invitations/queries';

const statusLabels: Record<InvitationStatus, string> = {
  PENDING: 'Waiting for an answer',
  ACCEPTED: 'Offered to help',
  DECLINED: 'Declined',
  WITHDRAWN: 'Withdrawn: the ask moved on',
  EXPIRED: 'No answer',
};
const tones: Record<InvitationStatus, 'brand' | 'success' | 'neutral' | 'accent'> = {
  PENDING: 'brand',
  ACCEPTED: 'success',
  DECLINED: 'neutral',
  WITHDRAWN: 'neutral',
  EXPIRED: 'neutral',
};

export function InvitedVolunteers({ invitations, timeZone }: { invitations: SentInvitation[]; timeZone: string }) {
  return (
    <ul className="space-y-2">
      {invitations.map((invitation) => (
        <li key={invitation.id} className="space-y-1 rounded-md border border-slate-200 px-4 py-3">
          <p className="flex flex-wrap items-center gap-x-3 gap-y-1">
            <span className="font-medium break-words">{invitation.volunteerName}</span>
            <Badge tone={tones[invitation.status]}>{statusLabels[invitation.status]}</Badge>
          </p>
          <p className="text-sm text-slate-700">
            Invited {formatDate(invitation.createdAt, timeZone)}
            {invitation.invitedByName ? ` by ${invitation.invitedByName}` : ''}
            {invitation.respondedAt ? `; answered ${formatDate(invitation.respondedAt, timeZone)}` : ''}.
          </p>
          {invitation.status === 'DECLINED' && invitation.declineReason ? (
            <p className="break-words text-slate-800">Their reason: {invitation.declineReason}</p>
          ) : null}
        </li>
      ))}
    </ul>
  );
}
