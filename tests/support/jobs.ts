// The job queue in integration tests: real pg-boss on the test file's own database (the one lib/db.ts
// opened), so domain code that queues email in its transactions runs exactly as in the app.
import { afterAll, beforeAll } from 'vitest';
import { appDatabase, db } from '@/lib/db';
import { setJobQueue } from '@/lib/jobs/current';
import { startJobRunner, type JobRunner } from '@/lib/jobs/runner';
import type { QueueTuning } from '@/lib/jobs/queues';

/** Fast retries and expiry, so tests of failures take seconds. */
export const TEST_TUNING: QueueTuning = {
  emailExpireInSeconds: 4,
  emailRetryDelay: 1,
  emailRetryDelayMax: 2,
  emailRetryLimit: 30,
  superviseIntervalSeconds: 1,
};

export interface TestJobsOptions {
  /** Where the worker sends mail; without it no worker runs and emails stay queued. */
  smtpUrl?: () => string;
  appUrl?: string;
  tuning?: QueueTuning;
}

/** Starts the queue (and, given an SMTP server, the workers) for this test file's database. */
export function withJobQueue(options: TestJobsOptions = {}): { runner(): JobRunner } {
  let runner: JobRunner | undefined;
  beforeAll(async () => {
    await db.$connect();
    const database = appDatabase();
    if (!database) throw new Error('lib/db.ts has not opened the test database');
    await database.ready;
    runner = await startJobRunner({
      database,
      db,
      appUrl: options.appUrl ?? process.env.APP_URL ?? 'http://localhost:3999',
      secret: process.env.AUTH_SECRET ?? 'integration-test-secret-that-is-long-enough',
      mail: {
        smtpUrl: options.smtpUrl?.() ?? 'smtp://127.0.0.1:9',
        from: 'HalfHour <no-reply@halfhour.test>',
        connectionTimeout: 1_000,
        socketTimeout: 2_000,
      },
      work: Boolean(options.smtpUrl),
      schedule: false,
      tuning: options.tuning ?? TEST_TUNING,
    });
  });
  afterAll(async () => {
    await runner?.stop({ graceful: false, timeoutMs: 1_000 });
    setJobQueue(undefined);
  });
  return {
    runner() {
      if (!runner) throw new Error('The job queue starts in beforeAll');
      return runner;
    },
  };
}

/** Polls until `check` returns a truthy value (database state, arrived mail), or fails after `timeoutMs`. */
export async function eventually<T>(
  check: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 20_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`Still not true after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
