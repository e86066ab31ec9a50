// The one audit log (issue 21, docs/decisions/0025-one-audit-log.md): every change worth answering "who did
// this, and when?" for is recorded here, in the same transaction as the change, so a change and its record
// commit or roll back together. The table is append-only in the database (a trigger refuses UPDATE, DELETE and
// TRUNCATE); /admin/audit reads it (lib/audit/queries.ts).
import type { Prisma } from '@/lib/generated/prisma/client';

type Tx = Prisma.TransactionClient;

/** The kinds of record an audit row can be about: their models' names. */
export const AUDIT_TARGET_TYPES = [
  'Ask',
  'Offer',
  'Meeting',
  'Invitation',
  'Feedback',
  'FollowUp',
  'Organisation',
  'OrgInvite',
  'User',
  'Report',
  'Block',
  'EmailOutbox',
  'Clinic',
  'ClinicSeat',
] as const;

/** What an audit row is about: the kind of record (its model's name) and its id. */
export interface AuditTarget {
  type: (typeof AUDIT_TARGET_TYPES)[number];
  id: string;
}

export interface AuditEntry {
  /** Who did it; null for the system (a sweep, a schedule). */
  actorId: string | null;
  /** A stable name, `<area>.<verb>`: "ask.approve", "offer.accept", "user.suspend". Filters and the CSV use it. */
  action: string;
  target: AuditTarget;
  /** What changed, as it was before and as it is after (only the fields that changed, or that explain it). */
  before?: Prisma.InputJsonValue;
  after?: Prisma.InputJsonValue;
  /** Anything else that explains it: a reason, counts of what followed. */
  data?: Prisma.InputJsonValue;
}

function row(entry: AuditEntry): Prisma.AuditLogCreateManyInput {
  return {
    actorId: entry.actorId,
    action: entry.action,
    entityType: entry.target.type,
    entityId: entry.target.id,
    before: entry.before,
    after: entry.after,
    data: entry.data,
  };
}

/** Records one change, inside the caller's transaction. */
export async function recordAudit(tx: Tx, entry: AuditEntry): Promise<void> {
  await tx.auditLog.create({ data: row(entry), select: { id: true } });
}

/** Several changes of one transaction at once (a sweep that withdraws many offers). */
export async function recordAudits(tx: Tx, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.auditLog.createMany({ data: entries.map(row) });
}
