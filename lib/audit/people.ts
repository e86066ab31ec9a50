// Who the ids in audit rows are. actorId is no foreign key (the log is append-only), so a name is looked up
// when a row is read; an id that leads to nobody is a deleted account, shown as its tombstone.
import 'server-only';
import { db } from '@/lib/db';
import type { UserRole } from '@/lib/generated/prisma/enums';

export interface AuditPerson {
  id: string;
  name: string | null;
  email: string;
  role: UserRole;
}

/** What a deleted account is shown as: no name, no email, only that someone was here. */
export const TOMBSTONE_LABEL = 'Deleted account';

/** The people behind these ids, in one query; ids of deleted accounts are simply absent. */
export async function auditPeople(ids: Iterable<string | null | undefined>): Promise<Map<string, AuditPerson>> {
  const wanted = [...new Set([...ids].filter((id): id is string => Boolean(id)))];
  if (wanted.length === 0) return new Map();
  const users = await db.user.findMany({ where: { id: { in: wanted } }, select: { id: true, name: true, email: true, role: true } });
  return new Map(users.map((user) => [user.id, user]));
}
