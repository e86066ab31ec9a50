// Checks for and removes demo data. Used by `db:seed -- --reset` and by the test fixtures.
import type { PrismaClient } from '@/lib/generated/prisma/client';

export async function isDatabaseEmpty(db: PrismaClient): Promise<boolean> {
  const [users, skills] = await Promise.all([db.user.count(), db.skill.count()]);
  return users === 0 && skills === 0;
}

/** Truncates every table the app owns (not the migrations table). */
export async function emptyDatabase(db: PrismaClient): Promise<void> {
  const tables = await db.$queryRaw<Array<{ tablename: string }>>`
    SELECT tablename FROM pg_tables WHERE schemaname = current_schema() AND tablename <> '_prisma_migrations'`;
  if (tables.length === 0) return;
  const list = tables.map(({ tablename }) => `"${tablename.replace(/"/g, '""')}"`).join(', ');
  await db.$executeRawUnsafe(`TRUNCATE ${list} CASCADE`);
}
