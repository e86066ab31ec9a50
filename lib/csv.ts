// CSV downloads (RFC 4180), safe to open in a spreadsheet: the audit log and the health page's tables. A cell
// that a spreadsheet would read as a formula (starting =, +, -, @, a tab or a carriage return) is prefixed with
// an apostrophe, so a name like "=HYPERLINK(...)" written by a user stays text on the admin's machine (OWASP's
// CSV injection advice). Pure: no I/O.

/** Excel reads a file as UTF-8 only when it starts with the byte order mark. */
export const CSV_BOM = '\uFEFF';

const FORMULA_START = /^[=+\-@\t\r]/;

/** One cell: defused, then quoted when it holds a comma, a quote or a line break (quotes doubled). */
export function csvCell(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' && !Number.isFinite(value)) return '';
  let text = String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** One line, ended with CRLF as RFC 4180 asks. */
export function csvLine(cells: Array<string | number | null | undefined>): string {
  return `${cells.map(csvCell).join(',')}\r\n`;
}
