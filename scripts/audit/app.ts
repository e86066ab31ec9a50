// The app that `npm run audit:pages` audits when no --url is given: started the way `npm start` starts it
// (scripts/start.ts, demo seed) on an embedded database, ports and mail catcher of its own, in a process
// group of its own so stopping it stops next, MailDev and all.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { createDatabaseClient, type DatabaseOptions } from '@/lib/database/client';
import { DEMO_ACCOUNTS } from '@/prisma/seed/seed-database';

export interface OwnAppOptions {
  port: number;
  /** The embedded database's directory (relative to the checkout), used by this tool alone. */
  pgliteDataDir: string;
  /** Where the app's output goes, so a failed start can be explained. */
  logFile: string;
  freshDemo: boolean;
  /** Called with the stop function as soon as the process exists, so an interrupted wait still stops it. */
  onStarted(stop: () => Promise<void>): void;
}

export interface OwnApp {
  url: string;
  stop(): Promise<void>;
}

/** Fails at once when something already listens on `port`: we must never audit someone else's app. */
export async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = createServer();
    probe.once('error', (error: NodeJS.ErrnoException) =>
      reject(
        new Error(
          error.code === 'EADDRINUSE' ? `Port ${port} is in use: pass --port with a free one, or --url to audit that app.` : error.message,
        ),
      ),
    );
    probe.listen(port, () => probe.close(() => resolve()));
  });
}

/** The environment `npm start` would see, with everything that could reach a shared database or mail server taken out. */
function appEnvironment(options: Pick<OwnAppOptions, 'port' | 'pgliteDataDir'>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['DATABASE_URL', 'E2E_TEST_HOOKS', 'SMTP_URL', 'JOB_WORKERS', 'NODE_OPTIONS']) delete env[name];
  return {
    ...env,
    PORT: String(options.port),
    // The same host Lighthouse loads, so canonical links and redirects stay on the audited origin.
    APP_URL: `http://localhost:${options.port}`,
    PGLITE_DATA_DIR: options.pgliteDataDir,
    MAILDEV_SMTP_PORT: String(options.port + 25),
    MAILDEV_WEB_PORT: String(options.port + 80),
    NEXT_TELEMETRY_DISABLED: '1',
  };
}

function tail(file: string, lines = 30): string {
  try {
    return readFileSync(file, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
  } catch {
    return '(no output)';
  }
}

/** Signals the whole process group, ignoring a group that is already gone. */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): boolean {
  try {
    process.kill(-child.pid!, signal);
    return true;
  } catch {
    return false;
  }
}

function groupAlive(child: ChildProcess): boolean {
  return signalGroup(child, 0 as unknown as NodeJS.Signals);
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts `npx tsx scripts/start.ts [--fresh-demo]` and resolves once the home page answers. */
export async function startOwnApp(options: OwnAppOptions): Promise<OwnApp> {
  await assertPortFree(options.port);
  mkdirSync(path.dirname(options.logFile), { recursive: true });
  const log = openSync(options.logFile, 'a');
  const child = spawn('npx', ['--no-install', 'tsx', 'scripts/start.ts', ...(options.freshDemo ? ['--fresh-demo'] : [])], {
    detached: true,
    stdio: ['ignore', log, log],
    env: appEnvironment(options),
  });
  closeSync(log);
  let exitCode: number | null | undefined;
  child.once('exit', (code, signal) => (exitCode = code ?? (signal ? -1 : 0)));

  // SIGTERM to the group (start.ts, next, MailDev), SIGKILL after 15 s; every caller waits for the same stop.
  let stopping: Promise<void> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      signalGroup(child, 'SIGTERM');
      for (let waited = 0; waited < 15_000 && groupAlive(child); waited += 200) await sleep(200);
      if (groupAlive(child)) signalGroup(child, 'SIGKILL');
      for (let waited = 0; waited < 5_000 && groupAlive(child); waited += 100) await sleep(100);
    })());

  options.onStarted(stop);

  const url = `http://localhost:${options.port}`;
  // A first start builds the app (a few minutes on two cores), so the wait is long.
  const deadline = Date.now() + 12 * 60_000;
  try {
    while (Date.now() < deadline) {
      if (exitCode !== undefined)
        throw new Error(`The app exited (code ${exitCode}) before it answered. Its output ends:\n${tail(options.logFile)}`);
      try {
        const response = await fetch(`${url}/`, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
        if (response.ok) return { url, stop };
      } catch {
        // Not listening yet.
      }
      await sleep(1000);
    }
    throw new Error(`The app did not answer ${url}/ within 12 minutes. Its output ends:\n${tail(options.logFile)}`);
  } catch (error) {
    await stop();
    throw error;
  }
}

export interface AuditSession {
  token: string;
  email: string;
  /** Deletes the session row again (a no-op for a throwaway database). */
  remove(): Promise<void>;
}

/**
 * A next-auth database session for the seeded demo volunteer, inserted directly as the tests do. With
 * the embedded database this must run while the app is stopped: PGlite allows one process at a time.
 */
export async function createVolunteerSession(database: DatabaseOptions): Promise<AuditSession> {
  const email = DEMO_ACCOUNTS.volunteer;
  const client = createDatabaseClient(database);
  try {
    const volunteer = await client.db.user.findUnique({ where: { email }, select: { id: true } });
    if (!volunteer) throw new Error(`No seeded volunteer ${email} in the database: is it seeded with the demo data?`);
    const token = `audit-${randomBytes(24).toString('hex')}`;
    await client.db.session.create({ data: { sessionToken: token, userId: volunteer.id, expires: new Date(Date.now() + 2 * 3_600_000) } });
    return {
      token,
      email,
      async remove() {
        const cleanup = createDatabaseClient(database);
        try {
          await cleanup.db.session.deleteMany({ where: { sessionToken: token } });
        } finally {
          await cleanup.close();
        }
      },
    };
  } finally {
    await client.close();
  }
}
