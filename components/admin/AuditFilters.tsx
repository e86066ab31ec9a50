// The filters above the audit log: a plain GET form, so it works without JavaScript and every view has an
// address. Filtering starts again from the newest row; the CSV link downloads every row these filters find.
import Link from 'next/link';
import { AUDIT_TARGET_TYPES } from '@/lib/audit/record';
import { auditExportHref, auditHref, isFiltered, type AuditFilters as Filters } from '@/lib/audit/schema';

const controlClass = 'block w-full rounded-md border border-slate-500 bg-white px-3 py-2 text-slate-900';
const labelClass = 'block text-sm font-medium text-slate-900';

export function AuditFilters({ filters, actions, timeZoneName }: { filters: Filters; actions: string[]; timeZoneName: string }) {
  // An action asked for by address that the log does not hold (yet) is still offered, so the form shows it.
  const actionOptions = filters.action && !actions.includes(filters.action) ? [filters.action, ...actions] : actions;
  return (
    <form method="get" action={auditHref({})} role="search" aria-label="Filter the audit log" className="space-y-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <div className="min-w-0 space-y-1">
          <label htmlFor="audit-person" className={labelClass}>
            Person (name or email)
          </label>
          <input id="audit-person" name="person" type="search" defaultValue={filters.person} maxLength={200} className={controlClass} />
        </div>
        <div className="min-w-0 space-y-1">
          <label htmlFor="audit-action" className={labelClass}>
            Action
          </label>
          {/* Keyed on its value: a select only reads defaultValue when it mounts. */}
          <select key={filters.action ?? ''} id="audit-action" name="action" defaultValue={filters.action ?? ''} className={controlClass}>
            <option value="">All actions</option>
            {actionOptions.map((action) => (
              <option key={action} value={action}>
                {action}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 space-y-1">
          <label htmlFor="audit-type" className={labelClass}>
            Target type
          </label>
          <select key={filters.type ?? ''} id="audit-type" name="type" defaultValue={filters.type ?? ''} className={controlClass}>
            <option value="">All types</option>
            {AUDIT_TARGET_TYPES.map((type) => (
              <option key={type} value={type}>
                {type}
              </option>
            ))}
          </select>
        </div>
        <div className="min-w-0 space-y-1">
          <label htmlFor="audit-target" className={labelClass}>
            Target id
          </label>
          <input
            id="audit-target"
            name="target"
            type="text"
            defaultValue={filters.target}
            maxLength={64}
            spellCheck={false}
            autoComplete="off"
            className={`${controlClass} font-mono`}
          />
        </div>
        <div className="min-w-0 space-y-1">
          <label htmlFor="audit-from" className={labelClass}>
            From <span className="font-normal text-slate-700">({timeZoneName})</span>
          </label>
          <input id="audit-from" name="from" type="date" defaultValue={filters.from} className={controlClass} />
        </div>
        <div className="min-w-0 space-y-1">
          <label htmlFor="audit-to" className={labelClass}>
            To, inclusive <span className="font-normal text-slate-700">({timeZoneName})</span>
          </label>
          <input id="audit-to" name="to" type="date" defaultValue={filters.to} className={controlClass} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-x-6 gap-y-3">
        <button type="submit" className="rounded-md bg-brand-700 px-4 py-2 font-semibold text-white hover:bg-brand-800">
          Filter
        </button>
        {isFiltered(filters) ? <Link href={auditHref({})}>Clear filters</Link> : null}
        <a href={auditExportHref(filters)} download>
          Download these rows as CSV
        </a>
      </div>
    </form>
  );
}
