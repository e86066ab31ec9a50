// npm start: everything a new machine needs to serve the demo.
//   1. apply pending migrations (to DATABASE_URL, or to the embedded database under .data/)
//   2. seed the embedded database when it is empty (never a DATABASE_URL database: use npm run db:seed)
//   3. build the app if the sources changed since the last build
//   4. without SMTP_URL, run a local mail catcher (MailDev) so sign-in links can be read in a browser
//   5. serve it on http://localhost:$PORT (default 3000); the app process starts the job queue
//      (pg-boss: email, reminders, expiry sweeps) itself, in instrumentation.ts
// Flags: --dev serves with `next dev` instead of building; --fresh-demo empties the database and
// seeds it again (the end-to-end tests start the app this way on a database of their own).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const args = new Set(process.argv.slice(2));
const dev = args.has('--dev');
const freshDemo = args.has('--fresh-demo');

if (existsSync('.env')) process.loadEnvFile('.env');
process.env.NEXT_TELEMETRY_DISABLED = '1';

// Imported after .env is loaded: the environment is validated when lib/env is first evaluated.
const { env, appUrl, mailCatcherUrl } = await import('@/lib/env');
const { createDatabaseClient } = await import('@/lib/database/client');
const { migrateDatabase } = await import('@/lib/database/connection');
const { databaseName, recreateDatabase } = await import('@/lib/database/local-server');
const { emptyDatabase, isDatabaseEmpty } = await import('@/prisma/seed/empty-database');
const { DEMO_ACCOUNTS, seedDatabase } = await import('@/prisma/seed/seed-database');

const target = { databaseUrl: env.DATABASE_URL, pgliteDataDir: env.PGLITE_DATA_DIR };

async function prepareDatabase(): Promise<string> {
  if (freshDemo) {
    if (target.databaseUrl) await recreateDatabase(target.databaseUrl, databaseName(target.databaseUrl));
    else rmSync(target.pgliteDataDir, { recursive: true, force: true });
  }
  const { applied, describe } = await migrateDatabase(target);
  if (applied.length > 0) console.log(`Applied ${applied.length} migration(s) to the ${describe}.`);

  const client = createDatabaseClient(target);
  try {
    const empty = await isDatabaseEmpty(client.db);
    if (freshDemo && !empty) await emptyDatabase(client.db);
    if ((client.engine === 'embedded' && empty) || freshDemo) {
      await seedDatabase(client.db);
      return `${describe}, seeded with demo data`;
    }
    return empty && client.engine === 'postgres' ? `${describe} (empty: run npm run db:seed for demo data)` : describe;
  } finally {
    await client.close();
  }
}

/** The newest modification time under the paths a build depends on. */
function newestSource(paths: string[]): number {
  let newest = 0;
  const visit = (entry: string) => {
    if (!existsSync(entry)) return;
    const stat = statSync(entry);
    if (stat.isDirectory()) {
      for (const child of readdirSync(entry)) visit(path.join(entry, child));
    } else {
      newest = Math.max(newest, stat.mtimeMs);
    }
  };
  paths.forEach(visit);
  return newest;
}

function buildIfNeeded(): void {
  const buildId = path.join('.next', 'BUILD_ID');
  const sources = [
    'app',
    'components',
    'lib',
    'public',
    'prisma/schema.prisma',
    'next.config.ts',
    'proxy.ts',
    'tailwind.config.ts',
    'postcss.config.mjs',
    'package-lock.json',
    'tsconfig.json',
  ];
  if (existsSync(buildId) && statSync(buildId).mtimeMs >= newestSource(sources)) return;
  console.log('Building the app (first start, or the sources changed)...');
  const result = spawnSync(process.execPath, [nextBin, 'build'], { stdio: 'inherit', env: process.env });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const nextBin = createRequire(import.meta.url).resolve('next/dist/bin/next');

/** MailDev on 127.0.0.1, keeping its messages under .data/mail, when no real SMTP server is configured. */
async function startMailCatcher(): Promise<{ stop(): Promise<void> } | null> {
  if (env.SMTP_URL) return null;
  const { MailDev } = await import('maildev');
  const maildev = new MailDev({
    smtp: env.MAILDEV_SMTP_PORT,
    web: env.MAILDEV_WEB_PORT,
    ip: '127.0.0.1',
    webIp: '127.0.0.1',
    mailDirectory: path.resolve('.data/mail'),
    maxEmails: 500,
    silent: true,
  });
  try {
    await maildev.start();
    return maildev;
  } catch (error) {
    console.warn(
      `The local mail catcher could not start (${error instanceof Error ? error.message : error}). ` +
        'Sign-in emails will fail until it can (is another copy running?), or set SMTP_URL.',
    );
    return null;
  }
}

const described = await prepareDatabase();
if (!dev) buildIfNeeded();
const mailCatcher = await startMailCatcher();

const serve = dev
  ? ['dev', '--port', String(env.PORT)]
  : ['start', '--port', String(env.PORT), '--keepAliveTimeout', String(env.KEEP_ALIVE_TIMEOUT_MS)];
const server = spawn(process.execPath, [nextBin, ...serve], {
  stdio: ['ignore', 'inherit', 'inherit'],
  // The app handles SIGTERM itself (lib/shutdown.ts): requests in flight and jobs in hand finish, then it exits 0.
  env: dev ? process.env : { ...process.env, NEXT_MANUAL_SIG_HANDLE: 'true' },
});
const mail = mailCatcher ? `local inbox at ${mailCatcherUrl()} (no SMTP_URL set)` : env.SMTP_URL ? 'SMTP_URL' : 'not available';
console.log(
  `\nHalfHour: ${appUrl()}\nDatabase: ${described}\nMail: ${mail}\nDemo accounts (sign in by email link): ${Object.values(DEMO_ACCOUNTS).join(', ')}\n`,
);

// Passed on to the server, whose exit code becomes ours: 0 after a graceful stop.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => server.kill(signal));
}
server.on('exit', async (code, signal) => {
  await mailCatcher?.stop().catch(() => undefined);
  process.exit(code ?? (signal ? 1 : 0));
});
