// The filters above the outbox list: a plain GET form, so it works without JavaScript and every view has
// an address. Changing a filter starts again from the newest email. The status links apply one status at once.
import Link from 'next/link';
import {
  adminEmailsHref,
  EMAIL_STATUS_LABELS,
  EMAIL_STATUSES,
  emailKindLabel,
  type EmailFilters as Filters,
  type EmailList,
} from '@/lib/email/admin';
import { EMAIL_KINDS } from '@/lib/email/messages';

const controlClass = 'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900';

export function EmailFilters({ filters, counts }: { filters: Filters; counts: EmailList['counts'] }) {
  const filtered = Boolean(filters.status || filters.kind);
  return (
    <div className="space-y-4">
      <form method="get" action={adminEmailsHref({})} role="search" aria-label="Filter emails" className="flex flex-wrap items-end gap-4">
        <div className="w-full min-w-0 space-y-1 sm:w-56">
          <label htmlFor="email-status" className="block text-sm font-medium text-slate-900">
            Status
          </label>
          {/* Keyed on its value: a select only reads defaultValue when it mounts. */}
          <select key={filters.status ?? ''} id="email-status" name="status" defaultValue={filters.status ?? ''} className={controlClass}>
            <option value="">All statuses ({counts.all})</option>
            {EMAIL_STATUSES.map((status) => (
              <option key={status} value={status}>
                {EMAIL_STATUS_LABELS[status]} ({counts[status]})
              </option>
            ))}
          </select>
        </div>
        <div className="w-full min-w-0 space-y-1 sm:w-64">
          <label htmlFor="email-kind" className="block text-sm font-medium text-slate-900">
            Kind
          </label>
          <select key={filters.kind ?? ''} id="email-kind" name="kind" defaultValue={filters.kind ?? ''} className={controlClass}>
            <option value="">All kinds</option>
            {EMAIL_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {emailKindLabel(kind)}
              </option>
            ))}
          </select>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
            Filter
          </button>
          {filtered ? <Link href={adminEmailsHref({})}>Clear filters</Link> : null}
        </div>
      </form>
      <div>
        <h2 id="email-counts" className="text-sm font-medium text-slate-900">
          {filters.kind ? `${emailKindLabel(filters.kind)} emails by status` : 'Emails by status'}
        </h2>
        <ul aria-labelledby="email-counts" className="mt-1 flex flex-wrap gap-x-5 gap-y-1">
          {EMAIL_STATUSES.map((status) => (
            <li key={status}>
              <Link
                href={adminEmailsHref({ kind: filters.kind, status })}
                aria-current={filters.status === status ? 'true' : undefined}
                className={filters.status === status ? 'font-semibold' : undefined}
              >
                {EMAIL_STATUS_LABELS[status]}: {counts[status]}
              </Link>
            </li>
          ))}
        </ul>
      </div>
    </div>
  );
}
