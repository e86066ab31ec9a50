// A health table as CSV: its column labels, then its rows, made safe and quoted by lib/csv.ts (a skill or region
// name that looks like a formula stays text in a spreadsheet). The same rows the page shows under each chart.
import { CSV_BOM, csvLine } from '@/lib/csv';
import type { HealthTableData } from './tables';

export function toCsv(table: Pick<HealthTableData, 'columns' | 'rows'>): string {
  const header = csvLine(table.columns.map((column) => column.label));
  return CSV_BOM + header + table.rows.map((row) => csvLine(table.columns.map((column) => row[column.key] ?? null))).join('');
}

/** halfhour-health-skills-2026-12-07.csv (with the region, when the skills gap is one region's). */
export function csvFilename(table: string, now: Date, region?: string | null): string {
  return `halfhour-health-${table}${region ? `-${region.toLowerCase().replace(/_/g, '-')}` : ''}-${now.toISOString().slice(0, 10)}.csv`;
}
