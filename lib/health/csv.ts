// A health table as CSV (RFC 4180: quoted where needed, CRLF line ends, a byte order mark so Excel reads it as
// UTF-8). A text cell that a spreadsheet would run as a formula (= + - @, or a tab or carriage return first) is
// prefixed with an apostrophe: a skill or region name is data, never a formula (OWASP's CSV injection advice).
import type { Cell, HealthTableData } from './tables';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: Cell): string {
  if (value === null) return '';
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : '';
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

export function toCsv(table: Pick<HealthTableData, 'columns' | 'rows'>): string {
  const lines = [
    table.columns.map((column) => csvCell(column.label)),
    ...table.rows.map((row) => table.columns.map((column) => csvCell(row[column.key] ?? null))),
  ];
  return `\uFEFF${lines.map((cells) => cells.join(',')).join('\r\n')}\r\n`;
}

/** halfhour-health-skills-2026-12-07.csv (with the region, when the skills gap is one region's). */
export function csvFilename(table: string, now: Date, region?: string | null): string {
  return `halfhour-health-${table}${region ? `-${region.toLowerCase().replace(/_/g, '-')}` : ''}-${now.toISOString().slice(0, 10)}.csv`;
}
