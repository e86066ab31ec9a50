// The app process's job queue, started by instrumentation.ts: pg-boss on the app's own database
// client and, unless JOB_WORKERS=separate (then `npm run worker` runs them), the workers and schedules.
// instrumentation.ts stops it on SIGTERM (lib/shutdown.ts).
import 'server-only';
import { authSecret } from '@/lib/auth/secret';
import { appDatabase, db } from '@/lib/db';
import { appUrl, env, smtpUrl } from '@/lib/env';
import { startJobRunner, type JobRunner } from './runner';

const globalForJobs = globalThis as unknown as { halfhourJobRunner?: Promise<JobRunner> };

export function startAppJobs(): Promise<JobRunner> {
  globalForJobs.halfhourJobRunner ??= (async () => {
    await db.$connect();
    const database = appDatabase();
    if (!database) throw new Error('The app database was not opened by lib/db.ts');
    await database.ready;
    const runner = await startJobRunner({
      database,
      db,
      appUrl: appUrl(),
      secret: authSecret(),
      mail: { smtpUrl: smtpUrl(), from: env.MAIL_FROM },
      work: env.JOB_WORKERS === 'in-app',
    });
    return runner;
  })();
  return globalForJobs.halfhourJobRunner;
}
