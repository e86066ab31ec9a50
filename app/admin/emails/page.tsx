import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/AdminNav';
import { EmailFilters } from '@/components/admin/EmailFilters';
import { EmailTable } from '@/components/admin/EmailTable';
import { EmptyState } from '@/components/ui/EmptyState';
import { FormAlert } from '@/components/ui/fields';
import { requireAdmin } from '@/lib/auth/guards';
import { retryEmailAction } from '@/lib/email/actions';
import { adminEmailsHref, listEmails } from '@/lib/email/admin';

export const metadata: Metadata = { title: 'Emails' };

const notices: Record<string, { success?: string; error?: string }> = {
  retried: { success: 'Queued to send again. Its status changes to Sent once it has gone.' },
  'not-failed': { error: 'Nothing to retry: that email is no longer marked as failed. Another admin may have retried it already.' },
  'queue-down': { error: 'The job queue is not running on this server, so nothing was queued. Try again in a minute.' },
};

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AdminEmailsPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin('/admin/emails');
  const params = await searchParams;
  const { emails, filters, counts, next } = await listEmails(admin, params);
  const notice = typeof params.notice === 'string' ? notices[params.notice] : undefined;
  const rows = emails.map((email) => ({
    ...email,
    retry: email.status === 'FAILED' ? retryEmailAction.bind(null, email.id) : undefined,
  }));
  return (
    <div className="space-y-6">
      <AdminNav current="emails" />
      <FormAlert success={notice?.success} error={notice?.error} />
      <h1 className="text-3xl font-bold tracking-tight">Emails</h1>
      <p className="text-slate-800">
        Every email HalfHour has queued, newest first. A failed email used up its automatic retries; once whatever stopped it is fixed (the
        mail server, the address), retry it.
      </p>
      <EmailFilters filters={filters} counts={counts} />
      {rows.length === 0 ? (
        <EmptyState title="No emails match these filters.">
          {filters.status || filters.kind ? (
            <Link href={adminEmailsHref({})}>Show all emails</Link>
          ) : (
            'Emails appear here as soon as they are queued.'
          )}
        </EmptyState>
      ) : (
        <EmailTable emails={rows} filters={filters} />
      )}
      {filters.after || next ? (
        <nav aria-label="Older and newer emails" className="border-t border-slate-200 pt-4">
          <ul className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
            <li>
              {filters.after ? <Link href={adminEmailsHref({ status: filters.status, kind: filters.kind })}>« Newest emails</Link> : null}
            </li>
            <li>
              {next ? (
                <Link href={adminEmailsHref({ status: filters.status, kind: filters.kind, after: next })} rel="next">
                  Older emails ›
                </Link>
              ) : null}
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
