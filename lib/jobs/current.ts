// The job queue of this process. One pg-boss instance per process, kept on globalThis because Next
// loads our modules in more than one bundle (the instrumentation hook, routes, server actions).
import type { PgBoss } from 'pg-boss';

const globalForJobs = globalThis as unknown as { halfhourJobQueue?: PgBoss };

export class JobQueueNotStarted extends Error {
  constructor() {
    super('The job queue has not started in this process (instrumentation.ts starts it in the app, startJobRunner in tools and tests).');
  }
}

export function setJobQueue(boss: PgBoss | undefined): void {
  globalForJobs.halfhourJobQueue = boss;
}

/** The started queue. Throws rather than starting one: starting inside a transaction could deadlock PGlite. */
export function jobQueue(): PgBoss {
  const boss = globalForJobs.halfhourJobQueue;
  if (!boss) throw new JobQueueNotStarted();
  return boss;
}
