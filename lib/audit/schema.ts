// What /admin/audit and its CSV may be asked for, read from a query string. Never throws: a value that makes no
// sense is dropped (an unknown type means every type, a bad cursor the newest page), so every address shows a list.
import { z } from 'zod';
import { AUDIT_TARGET_TYPES, type AuditTarget } from './record';

export const AUDIT_PATH = '/admin/audit';
export const AUDIT_EXPORT_PATH = '/admin/audit/export';

export interface AuditFilters {
  /** Who did it: part of a name or an email address, or a user's exact id (a deleted account's too). */
  person?: string;
  /** A stable action name, exactly: "ask.approve". */
  action?: string;
  /** The target's id, exactly. */
  target?: string;
  type?: AuditTarget['type'];
  /** Calendar days in the admin's time zone, both included: "2026-12-01". */
  from?: string;
  to?: string;
}

export interface AuditPage {
  /** Continue with the rows older than this cursor... */
  after?: string;
  /** ...or with those newer than it. */
  before?: string;
}

export interface AuditCursor {
  at: Date;
  id: string;
}

// createdAt in epoch milliseconds (the column keeps milliseconds), then the id: "1781520000000.cm1abc".
const CURSOR_PATTERN = /^(\d{1,15})\.([A-Za-z0-9_-]{1,64})$/;

export function encodeCursor(cursor: AuditCursor): string {
  return `${cursor.at.getTime()}.${cursor.id}`;
}

export function decodeCursor(text: string | undefined): AuditCursor | undefined {
  const match = text ? CURSOR_PATTERN.exec(text) : null;
  if (!match) return undefined;
  const at = new Date(Number(match[1]));
  return Number.isNaN(at.getTime()) ? undefined : { at, id: match[2]! };
}

const text = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .transform((value) => value || undefined);
const day = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/)
  .refine((value) => !Number.isNaN(Date.parse(`${value}T00:00:00Z`)) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value));

const fields = {
  person: text(200),
  action: z
    .string()
    .trim()
    .regex(/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)+$/),
  target: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{1,64}$/),
  type: z.enum(AUDIT_TARGET_TYPES),
  from: day,
  to: day,
};

const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

function pick<T>(schema: z.ZodType<T>, value: unknown): T | undefined {
  const parsed = schema.safeParse(first(value));
  return parsed.success ? parsed.data : undefined;
}

export type AuditQueryInput = Record<string, unknown>;

/** The filters in a query string; whatever does not parse is left out. */
export function parseAuditFilters(input: AuditQueryInput): AuditFilters {
  const filters: AuditFilters = {
    person: pick(fields.person, input.person),
    action: pick(fields.action, input.action),
    target: pick(fields.target, input.target),
    type: pick(fields.type, input.type),
    from: pick(fields.from, input.from),
    to: pick(fields.to, input.to),
  };
  // A range given backwards is read the right way round.
  if (filters.from && filters.to && filters.from > filters.to) [filters.from, filters.to] = [filters.to, filters.from];
  return Object.fromEntries(Object.entries(filters).filter(([, value]) => value !== undefined)) as AuditFilters;
}

/** The page asked for: one cursor at most; older wins if both are sent. */
export function parseAuditPage(input: AuditQueryInput): AuditPage {
  const after = first(input.after);
  const before = first(input.before);
  if (typeof after === 'string' && decodeCursor(after)) return { after };
  if (typeof before === 'string' && decodeCursor(before)) return { before };
  return {};
}

export function isFiltered(filters: AuditFilters): boolean {
  return Object.values(filters).some(Boolean);
}

function query(filters: AuditFilters, page: AuditPage = {}): string {
  const params = new URLSearchParams();
  for (const key of ['person', 'action', 'target', 'type', 'from', 'to'] as const) {
    const value = filters[key];
    if (value) params.set(key, value);
  }
  if (page.after) params.set('after', page.after);
  else if (page.before) params.set('before', page.before);
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** The audit log's address with these filters and page. */
export function auditHref(filters: AuditFilters, page: AuditPage = {}): string {
  return `${AUDIT_PATH}${query(filters, page)}`;
}

/** The CSV of every row these filters find. */
export function auditExportHref(filters: AuditFilters): string {
  return `${AUDIT_EXPORT_PATH}${query(filters)}`;
}
