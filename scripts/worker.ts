// npm run worker: the job workers (email, scheduled sweeps) as a process of their own, for deployments
// that run the web processes with JOB_WORKERS=separate. Any number may run against one PostgreSQL
// database: pg-boss hands each job to one worker. Needs DATABASE_URL: the embedded database belongs
// to the one `npm start` process, which runs its workers itself.
import { allowServerOnly } from './support/server-only';

if (process.env.DATABASE_URL === undefined && (await import('node:fs')).existsSync('.env')) process.loadEnvFile('.env');
allowServerOnly();

const { appUrl, env, smtpUrl } = await import('@/lib/env');
if (!env.DATABASE_URL) {
  console.error('npm run worker needs DATABASE_URL. With the embedded database, `npm start` runs the workers in the app.');
  process.exit(1);
}
const { createDatabaseClient } = await import('@/lib/database/client');
const { authSecret } = await import('@/lib/auth/secret');
const { startJobRunner } = await import('@/lib/jobs/runner');

const client = createDatabaseClient({ databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR, poolSize: 4 });
const runner = await startJobRunner({
  database: client,
  db: client.db,
  appUrl: appUrl(),
  secret: authSecret(),
  mail: { smtpUrl: smtpUrl(), from: env.MAIL_FROM },
  emailConcurrency: 4,
});
console.log(`HalfHour worker: sending email through ${env.SMTP_URL ? 'SMTP_URL' : smtpUrl()}, running schedules. Ctrl-C stops it.`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, async () => {
    if (stopping) return;
    stopping = true;
    // Jobs in hand get 20 seconds to finish; any still running are retried by another worker later.
    await runner.stop({ graceful: true, timeoutMs: 20_000 });
    await client.close();
    process.exit(0);
  });
}
