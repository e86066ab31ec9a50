// The audit log as a table, newest first. On a narrow screen it scrolls sideways inside a region that keyboard
// users can focus and scroll too. Who and what each row is about link to the log filtered to them.
import Link from 'next/link';
import type { AuditRow } from '@/lib/audit/queries';
import { TOMBSTONE_LABEL } from '@/lib/audit/people';
import { auditHref } from '@/lib/audit/schema';
import { ScrollingTable } from '@/components/ui/ScrollingTable';
import { formatTimestamp } from '@/lib/dates';

type Json = AuditRow['before'];

const isObject = (value: Json): value is Record<string, Json> => typeof value === 'object' && value !== null && !Array.isArray(value);
const show = (value: Json | undefined) => (value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value));

/** before/after as one line per field: "status: PENDING → ACCEPTED", or "status: OPEN" when only the outcome was kept. */
function Change({ before, after }: { before: Json; after: Json }) {
  if (before === null && after === null) return null;
  if (!isObject(before ?? {}) || !isObject(after ?? {})) {
    return (
      <p className="break-words">
        {show(before)} → {show(after)}
      </p>
    );
  }
  const was = (before ?? {}) as Record<string, Json>;
  const now = (after ?? {}) as Record<string, Json>;
  const keys = [...new Set([...Object.keys(was), ...Object.keys(now)])];
  return (
    <ul>
      {keys.map((key) => (
        <li key={key} className="break-words">
          <span className="font-medium">{key}</span>: {key in was ? `${show(was[key])} → ` : ''}
          {key in now ? show(now[key]) : '(removed)'}
        </li>
      ))}
    </ul>
  );
}

function Who({ row }: { row: AuditRow }) {
  const { actor } = row;
  if (actor.kind === 'system') return <span className="text-slate-700">HalfHour</span>;
  if (actor.kind === 'deleted') {
    return (
      <Link href={auditHref({ person: actor.id })} className="italic">
        {TOMBSTONE_LABEL}
      </Link>
    );
  }
  const name = actor.person.name?.trim();
  return (
    <span className="break-words">
      <Link href={auditHref({ person: actor.person.id })}>{name || actor.person.email}</Link>
      {name ? <span className="block text-slate-700">{actor.person.email}</span> : null}
    </span>
  );
}

export function AuditTable({ rows, timeZone }: { rows: AuditRow[]; timeZone: string }) {
  const td = 'px-3 py-2 align-top';
  return (
    <ScrollingTable
      label="Audit log (scrolls sideways on small screens)"
      caption="Audit log, newest first"
      columns={[{ label: 'When' }, { label: 'Who' }, { label: 'Action' }, { label: 'Target' }, { label: 'What changed' }]}
      wide
    >
      {rows.map((row) => (
        <tr key={row.id} className="border-t border-slate-200">
          <td className={`${td} whitespace-nowrap`}>
            <time dateTime={row.createdAt.toISOString()}>{formatTimestamp(row.createdAt, timeZone)}</time>
          </td>
          <td className={td}>
            <Who row={row} />
          </td>
          <td className={`${td} font-mono`}>{row.action}</td>
          <td className={td}>
            <span className="block">
              {row.entityType}
              {row.targetLabel ? `: ${row.targetLabel}` : ''}
            </span>
            <Link href={auditHref({ target: row.entityId })} className="font-mono text-xs break-all">
              {row.entityId}
              <span className="sr-only"> (every row about it)</span>
            </Link>
          </td>
          <td className={td}>
            <Change before={row.before} after={row.after} />
            {row.data !== null ? (
              <details>
                <summary className="cursor-pointer">Details</summary>
                <pre className="mt-1 text-xs break-words whitespace-pre-wrap">{JSON.stringify(row.data, null, 2)}</pre>
              </details>
            ) : null}
          </td>
        </tr>
      ))}
    </ScrollingTable>
  );
}
