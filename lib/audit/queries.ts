// Reading the audit log, for admins only: /admin/audit (one page at a time, newest first, paged by
// (createdAt, id) so a row written meanwhile never shifts a page) and its CSV (every row the filters find,
// streamed in batches the same way). Who and what each row is about are looked up here, a batch at a time.
import 'server-only';
import { assertAdmin, type Actor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { Prisma } from '@/lib/generated/prisma/client';
import { addDays, zonedTimeToUtc } from '@/lib/time-zones';
import { CSV_BOM, csvLine } from '@/lib/csv';
import { AUDIT_CSV_HEADER, auditCsvLine } from './csv';
import { auditPeople, TOMBSTONE_LABEL, type AuditPerson } from './people';
import {
  decodeCursor,
  encodeCursor,
  parseAuditFilters,
  parseAuditPage,
  type AuditCursor,
  type AuditFilters,
  type AuditQueryInput,
} from './schema';

export const AUDIT_PAGE_SIZE = 50;
/** People a name or email filter may stand for; a search that matches more is too broad to mean anyone. */
const PEOPLE_PER_SEARCH = 500;
const EXPORT_BATCH = 500;

const rowSelect = {
  id: true,
  createdAt: true,
  actorId: true,
  action: true,
  entityType: true,
  entityId: true,
  before: true,
  after: true,
  data: true,
} satisfies Prisma.AuditLogSelect;

type StoredRow = Prisma.AuditLogGetPayload<{ select: typeof rowSelect }>;

/** Who did it, as the log can tell now: a person, HalfHour itself, or a deleted account's tombstone. */
export type AuditActor = { kind: 'person'; person: AuditPerson } | { kind: 'system' } | { kind: 'deleted'; id: string };

export interface AuditRow extends StoredRow {
  actor: AuditActor;
  /** What the target is called now (a person's name, an ask's title), when it is something with a name. */
  targetLabel: string | null;
}

export function actorLabel(actor: AuditActor): string {
  if (actor.kind === 'system') return 'HalfHour';
  if (actor.kind === 'deleted') return TOMBSTONE_LABEL;
  const name = actor.person.name?.trim();
  return name ? `${name} <${actor.person.email}>` : actor.person.email;
}

/** The filters as a where clause. Dates are whole days in the admin's zone, `to` included. */
async function whereOf(filters: AuditFilters, timeZone: string): Promise<Prisma.AuditLogWhereInput> {
  const and: Prisma.AuditLogWhereInput[] = [];
  if (filters.person) {
    const people = await db.user.findMany({
      where: {
        OR: [
          { id: filters.person },
          { email: { contains: filters.person, mode: 'insensitive' } },
          { name: { contains: filters.person, mode: 'insensitive' } },
        ],
      },
      select: { id: true },
      take: PEOPLE_PER_SEARCH,
    });
    // The exact id too: a deleted account has no name or email left to search, only its id.
    and.push({ actorId: { in: [filters.person, ...people.map((person) => person.id)] } });
  }
  if (filters.action) and.push({ action: filters.action });
  if (filters.target) and.push({ entityId: filters.target });
  if (filters.type) and.push({ entityType: filters.type });
  if (filters.from) and.push({ createdAt: { gte: zonedTimeToUtc(filters.from, '00:00', timeZone) } });
  if (filters.to) and.push({ createdAt: { lt: zonedTimeToUtc(addDays(filters.to, 1), '00:00', timeZone) } });
  return { AND: and };
}

const olderThan = (cursor: AuditCursor): Prisma.AuditLogWhereInput => ({
  OR: [{ createdAt: { lt: cursor.at } }, { createdAt: cursor.at, id: { lt: cursor.id } }],
});
const newerThan = (cursor: AuditCursor): Prisma.AuditLogWhereInput => ({
  OR: [{ createdAt: { gt: cursor.at } }, { createdAt: cursor.at, id: { gt: cursor.id } }],
});
const NEWEST_FIRST = [{ createdAt: 'desc' }, { id: 'desc' }] satisfies Prisma.AuditLogOrderByWithRelationInput[];
const OLDEST_FIRST = [{ createdAt: 'asc' }, { id: 'asc' }] satisfies Prisma.AuditLogOrderByWithRelationInput[];

/** Names for the actors and targets of these rows: three queries however many rows. */
async function describe(rows: StoredRow[]): Promise<AuditRow[]> {
  const ofType = (type: string) => [...new Set(rows.filter((row) => row.entityType === type).map((row) => row.entityId))];
  const [people, asks, organisations] = await Promise.all([
    auditPeople([...rows.map((row) => row.actorId), ...ofType('User')]),
    db.ask.findMany({ where: { id: { in: ofType('Ask') } }, select: { id: true, title: true } }),
    db.organisation.findMany({ where: { id: { in: ofType('Organisation') } }, select: { id: true, name: true } }),
  ]);
  const titles = new Map<string, string>([
    ...asks.map((ask) => [ask.id, ask.title] as const),
    ...organisations.map((organisation) => [organisation.id, organisation.name] as const),
  ]);
  return rows.map((row) => {
    const person = row.actorId ? people.get(row.actorId) : undefined;
    const actor: AuditActor = !row.actorId
      ? { kind: 'system' }
      : person
        ? { kind: 'person', person }
        : { kind: 'deleted', id: row.actorId };
    let targetLabel: string | null = titles.get(row.entityId) ?? null;
    if (row.entityType === 'User') {
      const target = people.get(row.entityId);
      targetLabel = target ? target.name?.trim() || target.email : TOMBSTONE_LABEL;
    }
    return { ...row, actor, targetLabel };
  });
}

export interface AuditList {
  rows: AuditRow[];
  filters: AuditFilters;
  /** Cursors of the pages either side; absent where there is none. */
  older?: string;
  newer?: string;
  /** Every action name the log holds, for the filter's list. */
  actions: string[];
}

/** One page of the audit log, newest first. `input` may hold anything a URL can; `timeZone` is the admin's. */
export async function listAudit(actor: Actor, input: AuditQueryInput, timeZone: string, pageSize = AUDIT_PAGE_SIZE): Promise<AuditList> {
  assertAdmin(actor);
  const filters = parseAuditFilters(input);
  const page = parseAuditPage(input);
  const where = await whereOf(filters, timeZone);
  const actions = db.auditLog.groupBy({ by: ['action'], orderBy: { action: 'asc' } });

  let rows: StoredRow[];
  let older = false;
  let newer = false;
  const before = decodeCursor(page.before);
  if (before) {
    // The page just newer than the cursor: read upwards, then show it newest first like the rest.
    const found = await db.auditLog.findMany({
      where: { AND: [where, newerThan(before)] },
      select: rowSelect,
      orderBy: OLDEST_FIRST,
      take: pageSize + 1,
    });
    newer = found.length > pageSize;
    rows = found.slice(0, pageSize).reverse();
    older = true;
  } else {
    const after = decodeCursor(page.after);
    const found = await db.auditLog.findMany({
      where: after ? { AND: [where, olderThan(after)] } : where,
      select: rowSelect,
      orderBy: NEWEST_FIRST,
      take: pageSize + 1,
    });
    older = found.length > pageSize;
    rows = found.slice(0, pageSize);
    newer = Boolean(after);
  }
  const first = rows[0];
  const last = rows.at(-1);
  return {
    rows: await describe(rows),
    filters,
    older: older && last ? encodeCursor({ at: last.createdAt, id: last.id }) : undefined,
    // From an empty page past the end, "newer" is the newest page.
    newer: newer && first ? encodeCursor({ at: first.createdAt, id: first.id }) : undefined,
    actions: (await actions).map((row) => row.action),
  };
}

/**
 * Every row the filters find as CSV, newest first, read and sent a batch at a time so a long log neither
 * sits in memory nor holds one long query open. The admin is checked before anything is read.
 */
export function exportAuditCsv(actor: Actor, input: AuditQueryInput, timeZone: string): ReadableStream<Uint8Array> {
  assertAdmin(actor);
  const filters = parseAuditFilters(input);
  const encoder = new TextEncoder();
  let where: Prisma.AuditLogWhereInput | undefined;
  let cursor: AuditCursor | undefined;
  let started = false;
  let done = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      if (!started) {
        started = true;
        where = await whereOf(filters, timeZone);
        controller.enqueue(encoder.encode(CSV_BOM + csvLine(AUDIT_CSV_HEADER)));
        return;
      }
      if (done) return;
      const batch = await db.auditLog.findMany({
        where: cursor ? { AND: [where!, olderThan(cursor)] } : where,
        select: rowSelect,
        orderBy: NEWEST_FIRST,
        take: EXPORT_BATCH,
      });
      const lines = (await describe(batch)).map((row) => auditCsvLine({ ...row, actorLabel: actorLabel(row.actor) })).join('');
      if (lines) controller.enqueue(encoder.encode(lines));
      const last = batch.at(-1);
      if (batch.length < EXPORT_BATCH || !last) {
        done = true;
        controller.close();
      } else cursor = { at: last.createdAt, id: last.id };
    },
  });
}
