// Starts the job queue for a process: pg-boss, the email worker, the dead-letter handler and the
// scheduled sweeps. The app starts one in instrumentation.ts; `npm run worker` starts one on its own;
// tests start them with their own database and SMTP server.
import type { Job, JobResult, PgBoss } from 'pg-boss';
import { deliverEmail, markEmailDead, type DeliveryContext } from '@/lib/email/deliver';
import { createMailer, type Mailer, type MailerOptions } from '@/lib/email/transport';
import type { PrismaClient } from '@/lib/generated/prisma/client';
import { createBoss, startBoss, type JobDatabase } from './boss';
import { setJobQueue } from './current';
import { DEFAULT_TUNING, EMAIL_DEAD_LETTER_QUEUE, EMAIL_QUEUE, type EmailJob, type QueueTuning } from './queues';
import { SCHEDULED_TASKS } from './schedules';
import type { TaskContext } from './task-context';

export interface JobRunnerOptions {
  database: JobDatabase;
  db: PrismaClient;
  appUrl: string;
  secret: string;
  mail: MailerOptions;
  /** Run the workers here (default). Off for a web process when `npm run worker` runs them elsewhere. */
  work?: boolean;
  /** Keep the schedules (default on). Any number of processes may: pg-boss starts each run once. */
  schedule?: boolean;
  /** Emails this worker sends at once (default 4). */
  emailConcurrency?: number;
  tuning?: QueueTuning;
  /** Make this the process's queue for queueEmail (default true). */
  register?: boolean;
}

export interface JobRunner {
  boss: PgBoss;
  mailer: Mailer;
  /** Stops taking work, waits for jobs in hand (up to `timeoutMs`), and closes pg-boss's connections. */
  stop(options?: { graceful?: boolean; timeoutMs?: number }): Promise<void>;
}

export async function startJobRunner(options: JobRunnerOptions): Promise<JobRunner> {
  const tuning = options.tuning ?? DEFAULT_TUNING;
  const schedule = options.schedule ?? true;
  const boss = await startBoss(
    createBoss(options.database, { schedule, superviseIntervalSeconds: tuning.superviseIntervalSeconds }),
    tuning,
  );
  const mailer = createMailer(options.mail);
  if (options.register ?? true) setJobQueue(boss);

  if (options.work ?? true) {
    const delivery: DeliveryContext = {
      db: options.db,
      mailer,
      appUrl: options.appUrl,
      secret: options.secret,
      leaseSeconds: tuning.emailExpireInSeconds,
    };
    const concurrency = options.emailConcurrency ?? 4;
    await boss.work(
      EMAIL_QUEUE,
      {
        // A batch per fetch, settled job by job: one fetch keeps `concurrency` sends busy, and a
        // failing message is retried on its own without holding back the others in its batch.
        batchSize: concurrency * 2,
        perJobResults: true,
        burstWhenBatchFull: true,
        // NOTIFY wakes the worker for a new email at once; a retry waiting out its backoff wakes nobody,
        // so the poll behind it stays short (pg-boss otherwise slows it to 30 s while NOTIFY is on).
        pollingIntervalSeconds: 1,
        notifyPollingIntervalSeconds: 2,
      },
      (jobs: Job<EmailJob>[]) =>
        mapWithConcurrency(jobs, concurrency, async (job): Promise<JobResult> => {
          try {
            await deliverEmail(delivery, job.data.outboxId, job.expireInSeconds);
            return { id: job.id, status: 'completed' };
          } catch (error) {
            return { id: job.id, status: 'failed', output: { message: error instanceof Error ? error.message : String(error) } };
          }
        }),
    );
    await boss.work<EmailJob>(EMAIL_DEAD_LETTER_QUEUE, async ([job]) => {
      if (job) await markEmailDead(options.db, job.data.outboxId);
    });
    const context: TaskContext = { db: options.db, boss, appUrl: options.appUrl };
    for (const task of SCHEDULED_TASKS) {
      await boss.createQueue(task.name);
      // Schedules fire at most once a minute: polling every 30 s instead of pg-boss's 2 s keeps nine
      // idle queues from querying the database several times a second (the embedded one is shared).
      await boss.work(task.name, { pollingIntervalSeconds: 30 }, async () => {
        await task.run(context, new Date());
      });
    }
  }
  if (schedule) {
    for (const task of SCHEDULED_TASKS) {
      await boss.createQueue(task.name);
      // Stored in the database, so schedules survive restarts; pg-boss starts each run once across servers.
      await boss.schedule(task.name, task.cron, null, { tz: 'Europe/London' });
    }
  }

  return {
    boss,
    mailer,
    async stop({ graceful = true, timeoutMs = 10_000 } = {}) {
      if (options.register ?? true) setJobQueue(undefined);
      await boss.stop({ graceful, timeout: timeoutMs, close: true });
      mailer.close();
    },
  };
}

/** Runs `task` over `items`, at most `limit` at a time, keeping the results in order. */
async function mapWithConcurrency<T, R>(items: T[], limit: number, task: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lanes = Array.from({ length: Math.min(limit, items.length) }, async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await task(items[index]!);
    }
  });
  await Promise.all(lanes);
  return results;
}
