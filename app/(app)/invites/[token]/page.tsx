import type { Metadata } from 'next';
import Link from 'next/link';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { requireUser } from '@/lib/auth/guards';
import { acceptInviteAction } from '@/lib/orgs/actions';
import { describeInvite } from '@/lib/orgs/queries';

export const metadata: Metadata = { title: 'Invitation' };

type Props = { params: Promise<{ token: string }>; searchParams: Promise<{ problem?: string }> };

export default async function InvitePage({ params, searchParams }: Props) {
  const { token } = await params;
  await requireUser(`/invites/${token}`, { onboarded: false });
  const invite = await describeInvite(token);
  const { problem } = await searchParams;

  if (!invite || !invite.usable || problem) {
    return (
      <div className="mx-auto max-w-xl space-y-4">
        <h1 className="text-3xl font-bold tracking-tight">This invitation cannot be used</h1>
        <p className="text-slate-800">
          Invitation links work once and expire after 7 days. Ask whoever invited you for a new link, or{' '}
          <Link href="/organisations/new">add your organisation</Link> if it is not on HalfHour yet.
        </p>
      </div>
    );
  }
  return (
    <div className="mx-auto max-w-xl space-y-5">
      <h1 className="text-3xl font-bold tracking-tight">Join {invite.organisationName}</h1>
      <p className="text-slate-800">
        {invite.invitedBy ?? 'A colleague'} invited you to join {invite.organisationName} on HalfHour. As a member you can post asks for the
        organisation and book volunteers.
      </p>
      <form action={acceptInviteAction.bind(null, token)}>
        <SubmitButton pendingText="Joining…">Join {invite.organisationName}</SubmitButton>
      </form>
    </div>
  );
}
