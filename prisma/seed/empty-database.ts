// Checks for and removes demo data. Used by `db:seed -- --reset` and by the test fixtures.
import type { PrismaClient } from '@/lib/generated/prisma/client';

export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  const [users, skills] = await Promise.all([db.user.count(), db.skill.count()]);
  return users === 0 && skills === 0;
}

/**
 * Truncates every table the app owns (not the migrations table). The audit log refuses TRUNCATE (it is
 * append-only, docs/decisions/0025-one-audit-log.md): wiping the demo lifts that for this one transaction,
 * which only the table's owner may do, and puts it back before committing.
 */
export async function emptyDatabase(db: PrismaClient): Promise<void> {
  const tables = await db.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map(({ tablename }) => `"${tablename.replace(/"/g, '""')}"`).join(', ');
  const guarded = await db.$queryRaw<Array<{ tgname: string }>>`
    SELECT tgname FROM pg_trigger WHERE tgrelid = to_regclass('"AuditLog"') AND tgname = 'AuditLog_no_truncate'`;
  await db.$transaction(async (tx) => {
    if (guarded.length > 0) await tx.$executeRawUnsafe('ALTER TABLE "AuditLog" DISABLE TRIGGER "AuditLog_no_truncate"');
    await tx.$executeRawUnsafe(`TRUNCATE ${list} CASCADE`);
    if (guarded.length > 0) await tx.$executeRawUnsafe('ALTER TABLE "AuditLog" ENABLE TRIGGER "AuditLog_no_truncate"');
  });
}
