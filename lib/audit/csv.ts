// The audit log as CSV: its columns, and one row as /admin/audit shows it (lib/csv.ts makes it safe). Pure: no I/O.
import { csvLine } from '@/lib/csv';

export const AUDIT_CSV_HEADER = [
  'time_utc',
  'actor_id',
  'actor',
  'action',
  'target_type',
  'target_id',
  'target',
  'before',
  'after',
  'data',
];

/** What one row of the CSV is made of: the row as /admin/audit shows it, with its JSON as compact text. */
export interface AuditCsvRow {
  createdAt: Date;
  actorId: string | null;
  actorLabel: string;
  action: string;
  entityType: string;
  entityId: string;
  targetLabel: string | null;
  before: unknown;
  after: unknown;
  data: unknown;
}

const json = (value: unknown) => (value === null || value === undefined ? '' : JSON.stringify(value));

export function auditCsvLine(row: AuditCsvRow): string {
  return csvLine([
    row.createdAt.toISOString(),
    row.actorId,
    row.actorLabel,
    row.action,
    row.entityType,
    row.entityId,
    row.targetLabel,
    json(row.before),
    json(row.after),
    json(row.data),
  ]);
}
