// pg-boss on whichever database the app uses: its own small pool on a PostgreSQL server, or the
// embedded PGlite shared with Prisma (one connection per process, so it must be the same instance).
import type { PGlite } from '@electric-sql/pglite';
import { fromPglite, fromPrisma, PgBoss, type ConstructorOptions, type ConnectionOptions } from 'pg-boss';
import type { Prisma } from '@/lib/generated/prisma/client';
import { DEFAULT_TUNING, queueDefinitions, type QueueTuning } from './queues';

export interface JobDatabase {
  databaseUrl?: string;
  pglite?: PGlite;
}

export interface BossOptions {
  /** Process cron schedules in this instance (default true). */
  schedule?: boolean;
  /** How often this instance looks for expired jobs (a worker that died mid-job) and queue upkeep. */
  superviseIntervalSeconds?: number;
}

export function createBoss(database: JobDatabase, options: BossOptions = {}): PgBoss {
  const supervise = options.superviseIntervalSeconds ?? 60;
  const common: ConstructorOptions = {
    superviseIntervalSeconds: supervise,
    monitorIntervalSeconds: supervise,
    // Workers are woken by NOTIFY the moment a job is queued; polling stays on as the floor.
    useListenNotify: true,
    schedule: options.schedule ?? true,
    // Our own logs say when mail fails; pg-boss's warnings (slow queries, big queues) go to the console.
    persistWarnings: false,
  };
  if (database.databaseUrl) {
    return new PgBoss({ ...common, connectionString: database.databaseUrl, max: 4, application_name: 'halfhour-jobs' });
  }
  if (database.pglite) return new PgBoss({ ...common, db: fromPglite(database.pglite), backend: 'pglite' });
  throw new Error('The job queue needs a database: a DATABASE_URL or the embedded database.');
}

/** Starts pg-boss (creating its schema on first use) and makes sure every queue exists with our settings. */
export async function startBoss(boss: PgBoss, tuning: QueueTuning = DEFAULT_TUNING): Promise<PgBoss> {
  boss.on('error', (error) => console.error('Job queue error:', error));
  await boss.start();
  for (const queue of queueDefinitions(tuning)) {
    const { name, ...settings } = queue;
    if (await boss.getQueue(name)) {
      // Settings may change between releases; the policy and partitioning of a queue cannot.
      const { policy: _policy, partition: _partition, heartbeatSeconds: _heartbeat, ...updatable } = settings;
      await boss.updateQueue(name, updatable);
    } else {
      await boss.createQueue(name, settings);
    }
  }
  return boss;
}

/**
 * Send options that put a job in the caller's Prisma transaction: it exists if and only if that
 * transaction commits. On the embedded database this is also the only safe way: a pg-boss call made
 * on the side while a transaction holds PGlite's one connection would wait for it forever.
 */
export function inTransaction(tx: Prisma.TransactionClient): ConnectionOptions {
  return { db: fromPrisma(tx) };
}
