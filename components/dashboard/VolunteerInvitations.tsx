// Invitations waiting for the volunteer's answer: the ask, the organisation, the staff member's line,
// a link that opens the offer form (offering is accepting) and a form to decline with a reason.
import Link from 'next/link';
import { formatDate } from '@/lib/dates';
import type { DashboardInvitation } from '@/lib/dashboard/volunteer';
import type { FormAction } from '@/lib/forms';
import { DeclineInvitationForm } from './DeclineInvitationForm';

export type InvitationWithDecline = DashboardInvitation & { decline: FormAction };

export function VolunteerInvitations({ invitations, timeZone }: { invitations: InvitationWithDecline[]; timeZone: string }) {
  return (
    <section aria-labelledby="volunteer-invitations" className="space-y-2">
      <h3 id="volunteer-invitations" className="text-lg font-semibold">
        Invitations to help
      </h3>
      {invitations.length === 0 ? (
        <p className="text-slate-700">
          No invitations are waiting. When a charity invites you to an ask, it appears here and we email you.
        </p>
      ) : (
        <ul className="space-y-4">
          {invitations.map((invitation) => (
            <li key={invitation.id} className="space-y-3 rounded-lg border border-slate-200 p-4">
              <p>
                <Link href={`/asks/${invitation.askId}`} className="font-semibold break-words">
                  {invitation.askTitle}
                </Link>{' '}
                <span className="text-slate-700">
                  from {invitation.organisationName}, needed by {formatDate(invitation.deadline, timeZone)}
                </span>
              </p>
              {invitation.message ? (
                <blockquote className="border-l-4 border-brand-700 pl-3 break-words whitespace-pre-line text-slate-900">
                  <p>{invitation.message}</p>
                  {invitation.invitedByName ? <footer className="mt-1 text-sm text-slate-700">{invitation.invitedByName}</footer> : null}
                </blockquote>
              ) : (
                <p className="text-slate-800">
                  {invitation.invitedByName ?? 'The charity'} invited you on {formatDate(invitation.createdAt, timeZone)}.
                </p>
              )}
              <p>
                <Link
                  href={`/asks/${invitation.askId}/offer?invitation=${invitation.id}`}
                  className="inline-block rounded-md bg-brand-700 px-4 py-2 font-semibold text-white no-underline hover:bg-brand-800 hover:text-white"
                >
                  Accept: make an offer<span className="sr-only"> on {invitation.askTitle}</span>
                </Link>
              </p>
              <DeclineInvitationForm action={invitation.decline} invitationId={invitation.id} />
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
