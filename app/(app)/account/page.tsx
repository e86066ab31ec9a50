import type { Metadata } from 'next';
import { AccountForm } from '@/components/account/AccountForm';
import { DeleteAccountForm } from '@/components/account/DeleteAccountForm';
import { getAccount } from '@/lib/account/queries';
import { requireUser } from '@/lib/auth/guards';
import { formatDate } from '@/lib/dates';

export const metadata: Metadata = { title: 'Your account' };

export default async function AccountPage() {
  const user = await requireUser('/account');
  const account = await getAccount(user);
  return (
    <div className="mx-auto max-w-2xl space-y-10">
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
