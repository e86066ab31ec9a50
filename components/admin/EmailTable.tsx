// The outbox as a table. On a narrow screen it scrolls sideways inside a region that keyboard users can
// focus and scroll too. Failed rows get a "Retry" form whose action the page has bound to the email's id.
import { ScrollingTable } from '@/components/ui/ScrollingTable';
import { SubmitButton } from '@/components/ui/SubmitButton';
import { formatDateTime } from '@/lib/dates';
import { EMAIL_STATUS_LABELS, emailKindLabel, type AdminEmailRow, type EmailFilters } from '@/lib/email/admin';
import type { EmailStatus } from '@/lib/generated/prisma/enums';

/** Errors longer than this show their start; the whole text is one click away. */
const ERROR_PREVIEW = 60;

export interface EmailTableRow extends AdminEmailRow {
  /** Set for FAILED rows only: the retry action, bound to this email by the page. */
  retry?: (formData: FormData) => Promise<void>;
}

const statusClasses: Record<EmailStatus, string> = {
  PENDING: 'bg-slate-100 text-slate-800',
  SENDING: 'bg-brand-50 text-brand-800',
  SENT: 'bg-emerald-50 text-emerald-800',
  FAILED: 'bg-red-50 text-red-800',
  SKIPPED: 'bg-amber-50 text-amber-900',
};

function Time({ date }: { date: Date }) {
  return <time dateTime={date.toISOString()}>{formatDateTime(date)}</time>;
}

function LastError({ error }: { error: string | null }) {
  if (!error) return <span className="text-slate-700">None</span>;
  if (error.length <= ERROR_PREVIEW) return <span className="break-words">{error}</span>;
  return (
    <details>
      <summary className="cursor-pointer">
        {error.slice(0, ERROR_PREVIEW)}…<span className="sr-only"> (show the full error)</span>
      </summary>
      <p className="mt-1 whitespace-pre-wrap break-words text-sm">{error}</p>
    </details>
  );
}

export function EmailTable({ emails, filters }: { emails: EmailTableRow[]; filters: EmailFilters }) {
  const td = 'px-3 py-2 align-top';
  return (
    <ScrollingTable
      label="Emails (scrolls sideways on small screens)"
      caption="Emails, newest first"
      columns={[
        { label: 'To' },
        { label: 'Kind' },
        { label: 'Subject' },
        { label: 'Status' },
        { label: 'Attempts' },
        { label: 'Last error', className: 'w-64' },
        { label: 'Sent at / queued at' },
        { label: <span className="sr-only">Actions</span> },
      ]}
      wide
    >
      {emails.map((email) => (
        <tr key={email.id} className="border-t border-slate-200">
          <td className={`${td} break-all`}>{email.to}</td>
          <td className={td}>{emailKindLabel(email.kind)}</td>
          <td className={td}>{email.subject ?? <span className="text-slate-700">Not rendered yet</span>}</td>
          <td className={td}>
            <span className={`inline-flex rounded-full px-2.5 py-0.5 font-medium ${statusClasses[email.status]}`}>
              {EMAIL_STATUS_LABELS[email.status]}
            </span>
          </td>
          <td className={`${td} tabular-nums`}>{email.attempts}</td>
          <td className={td}>
            <LastError error={email.lastError} />
          </td>
          <td className={`${td} whitespace-nowrap`}>
            {email.sentAt ? (
              <>
                Sent <Time date={email.sentAt} />
              </>
            ) : (
              <>
                Queued <Time date={email.createdAt} />
              </>
            )}
          </td>
          <td className={td}>
            {email.retry ? (
              <form action={email.retry}>
                {/* Only where to come back to; the email is the action's bound id. */}
                {filters.status ? <input type="hidden" name="status" value={filters.status} /> : null}
                {filters.kind ? <input type="hidden" name="kind" value={filters.kind} /> : null}
                {filters.after ? <input type="hidden" name="after" value={filters.after} /> : null}
                <SubmitButton variant="secondary" pendingText="Retrying…">
                  Retry<span className="sr-only"> the email to {email.to}</span>
                </SubmitButton>
              </form>
            ) : null}
          </td>
        </tr>
      ))}
    </ScrollingTable>
  );
}
