// The audit log for admins: who did what to which record, and when, newest first. Filters are a plain GET
// form and the pages plain links, so it all works without JavaScript; times are in the admin's own zone.
import type { Metadata } from 'next';
import Link from 'next/link';
import { AdminNav } from '@/components/admin/AdminNav';
import { AuditFilters } from '@/components/admin/AuditFilters';
import { AuditTable } from '@/components/admin/AuditTable';
import { EmptyState } from '@/components/ui/EmptyState';
import { listAudit } from '@/lib/audit/queries';
import { AUDIT_PATH, auditHref, isFiltered, parseAuditPage } from '@/lib/audit/schema';
import { requireAdmin } from '@/lib/auth/guards';
import { timeZoneLabel } from '@/lib/dates';

export const metadata: Metadata = { title: 'Audit log' };

type SearchParams = Record<string, string | string[] | undefined>;

export default async function AdminAuditPage({ searchParams }: { searchParams: Promise<SearchParams> }) {
  const admin = await requireAdmin(AUDIT_PATH);
  const params = await searchParams;
  const { rows, filters, older, newer, actions } = await listAudit(admin, params, admin.timeZone);
  // A page past either end (an old link, rows the filters no longer find) leads back to the newest.
  const paged = Boolean(parseAuditPage(params).after || parseAuditPage(params).before);
  return (
    <div className="space-y-6">
      <AdminNav current="audit" />
      <h1 className="text-3xl font-bold tracking-tight">Audit log</h1>
      <p className="text-slate-800">
        Every change HalfHour records, newest first: who made it, what it was, what it was made to, and what changed. Nothing here can be
        edited or deleted. Times are in {timeZoneLabel(admin.timeZone)}.
      </p>
      <AuditFilters filters={filters} actions={actions} timeZoneName={timeZoneLabel(admin.timeZone)} />
      {rows.length === 0 ? (
        <EmptyState
          title={
            paged
              ? 'Nothing more in this direction.'
              : isFiltered(filters)
                ? 'Nothing in the audit log matches these filters.'
                : 'The audit log is empty.'
          }
        >
          {paged ? (
            <Link href={auditHref(filters)}>Back to the newest rows</Link>
          ) : isFiltered(filters) ? (
            <Link href={auditHref({})}>Show every row</Link>
          ) : (
            'Changes appear here as soon as they are made.'
          )}
        </EmptyState>
      ) : (
        <AuditTable rows={rows} timeZone={admin.timeZone} />
      )}
      {older || newer ? (
        <nav aria-label="Newer and older rows" className="border-t border-slate-200 pt-4">
          <ul className="flex flex-wrap items-center justify-between gap-x-6 gap-y-2">
            <li>
              {newer ? (
                <Link href={auditHref(filters, { before: newer })} rel="prev">
                  ‹ Newer
                </Link>
              ) : null}
            </li>
            <li>
              {older ? (
                <Link href={auditHref(filters, { after: older })} rel="next">
                  Older ›
                </Link>
              ) : null}
            </li>
          </ul>
        </nav>
      ) : null}
    </div>
  );
}
