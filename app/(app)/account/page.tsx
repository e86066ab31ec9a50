import type { Metadata } from 'next';
import { AccountForm } from '@/components/account/AccountForm';
import { UnblockButton } from '@/components/blocks/UnblockButton';
import { FormAlert } from '@/components/ui/fields';
import { DeleteAccountForm } from '@/components/account/DeleteAccountForm';
import { getAccount } from '@/lib/account/queries';
import { requireUser } from '@/lib/auth/guards';
import { unblockOrganisationAction } from '@/lib/blocks/actions';
import { listBlockedOrganisations } from '@/lib/blocks/queries';
import { formatDate } from '@/lib/dates';

export const metadata: Metadata = { title: 'Your account' };

const notices: Record<string, string> = {
  'organisation-blocked': 'Done. You will not see that organisation’s asks, and its invitations will not reach you.',
  'organisation-unblocked': 'Unblocked. Its asks can be suggested to you again.',
};

export default async function AccountPage({ searchParams }: { searchParams: Promise<{ notice?: string }> }) {
  const user = await requireUser('/account');
  const [account, blocked, { notice }] = await Promise.all([
    getAccount(user),
    user.volunteerProfile ? listBlockedOrganisations(user) : Promise.resolve(null),
    searchParams,
  ]);
  return (
    <div className="mx-auto max-w-2xl space-y-10">
      <FormAlert success={notice ? notices[notice] : undefined} />
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Your account</h1>
        <p className="mt-2 text-slate-800">
          Signed in as {account.email} since {formatDate(account.createdAt)}.
        </p>
      </div>

      <section aria-labelledby="details" className="space-y-4">
        <h2 id="details" className="text-xl font-semibold">
          Name and emails
        </h2>
        <AccountForm account={account} />
      </section>

      {blocked ? (
        <section id="blocked-organisations" aria-labelledby="blocked-organisations-heading" className="space-y-3">
          <h2 id="blocked-organisations-heading" className="text-xl font-semibold">
            Organisations you don’t want to see
          </h2>
          {blocked.length === 0 ? (
            <p className="text-slate-800">
              None. On any ask’s offer page you can choose not to see an organisation’s asks: they leave your suggestions, and its
              invitations do not reach you. The organisation is not told.
            </p>
          ) : (
            <ul className="space-y-3">
              {blocked.map((organisation) => (
                <li
                  key={organisation.organisationId}
                  className="flex flex-wrap items-center justify-between gap-3 rounded-md border border-slate-200 px-4 py-3"
                >
                  <span>
                    {organisation.name}
                    <span className="block text-sm text-slate-700">since {formatDate(organisation.blockedAt)}</span>
                  </span>
                  <UnblockButton action={unblockOrganisationAction.bind(null, organisation.organisationId)}>
                    Unblock<span className="sr-only"> {organisation.name}</span>
                  </UnblockButton>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}

      <section aria-labelledby="data" className="space-y-3">
        <h2 id="data" className="text-xl font-semibold">
          Your data
        </h2>
        <p className="text-slate-800">A copy of everything we hold about you, as a JSON file.</p>
        <p>
          <a href="/account/data" download>
            Download my data
          </a>
        </p>
      </section>

      <section aria-labelledby="delete" className="space-y-3 border-t border-slate-200 pt-6">
        <h2 id="delete" className="text-xl font-semibold">
          Delete your account
        </h2>
        <p className="text-slate-800">This cannot be undone. When you delete your account:</p>
        <ul className="list-disc space-y-1 pl-6 text-slate-800">
          <li>your profile, skills, offers and sign-in sessions are deleted straight away;</li>
          <li>
            feedback you wrote about a session is kept without your name, because it is also part of the other person’s record of that
            session;
          </li>
          <li>organisations where you are the only member are deleted, with their asks;</li>
          <li>if you are the only owner of an organisation with other members, make one of them an owner first.</li>
        </ul>
        <DeleteAccountForm />
      </section>
    </div>
  );
}
