// What every scheduled sweep is given to run with: the database, the job queue and the site's address for links in
// emails. A module of its own so the sweeps need not import lib/jobs/schedules.ts, which imports them all.
import type { PgBoss } from 'pg-boss';
import type { PrismaClient } from '@/lib/generated/prisma/client';

export interface TaskContext {
  db: PrismaClient;
  boss: PgBoss;
  appUrl: string;
}
