// The audit log as CSV (RFC 4180), safe to open in a spreadsheet: a cell that a spreadsheet would read as a
// formula (starting =, +, -, @, a tab or a carriage return) is prefixed with an apostrophe, so a name like
// "=HYPERLINK(...)" written by a user stays text on the admin's machine. Pure: no I/O.

/** Excel reads a file as UTF-8 only when it starts with the byte order mark. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: defused, then quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, ended with CRLF as RFC 4180 asks. */
export function csvLine(cells: Array<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}

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
