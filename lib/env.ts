// The environment, validated once. next.config.ts imports this module, so a bad value stops
// `next build` and `next start` with a readable message instead of failing at the first request.
import { z } from 'zod';

const postgresUrl = z
  .string()
  .trim()
  .refine((value) => /^postgres(ql)?:\/\//.test(value), 'must start with postgres:// or postgresql://');

const schema = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  // Set: talk to that PostgreSQL server. Unset: run the embedded PostgreSQL (PGlite) under PGLITE_DATA_DIR.
  DATABASE_URL: postgresUrl.optional(),
  DATABASE_POOL_SIZE: z.coerce.number().int().min(1).max(100).default(10),
  // Where each app server LISTENs for the pages a write changed (lib/cache/listener.ts): a session of its own, so
  // not through PgBouncer in transaction mode. Unset: DATABASE_URL.
  DATABASE_LISTEN_URL: postgresUrl.optional(),
  // Bounds on waiting for PostgreSQL (docs/decisions/0021-database-faults.md), so a request fails with the
  // "busy" page instead of hanging. Connect: opening a connection AND waiting for a free one in the pool (pg
  // waits forever by default); long enough for a burst of 50 transactions on 10 connections. Statement: one
  // statement's run time, enforced by PostgreSQL. Idle in transaction: a transaction left open holding locks.
  DATABASE_CONNECT_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(15_000),
  DATABASE_IDLE_IN_TRANSACTION_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  PGLITE_DATA_DIR: z.string().trim().min(1).default('.data/pglite'),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  // How long `next start` keeps an idle keep-alive connection open. Longer than a reverse proxy's own idle
  // timeout (nginx and most load balancers: 60 s), so the app never closes a connection at the moment the
  // proxy, or any client, sends the next request on it: that client would see ECONNRESET. Node's own is 5 s.
  KEEP_ALIVE_TIMEOUT_MS: z.coerce.number().int().min(1000).max(600_000).default(65_000),
  // The public address of the app, used in emails and sign-in links.
  APP_URL: z.url().optional(),
  // Signs sign-in tokens and sessions. Required when several app servers share a database;
  // without it each checkout generates one and keeps it in .data/auth-secret.
  AUTH_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
  // Outgoing mail. Unset: the local mail catcher that `npm start` runs (MailDev).
  SMTP_URL: z
    .string()
    .trim()
    .refine((value) => /^smtps?:\/\//.test(value), 'must start with smtp:// or smtps://')
    .optional(),
  MAIL_FROM: z.string().trim().min(3).default('HalfHour <no-reply@halfhour.localhost>'),
  // Where the job workers (email, schedules) run: in each app process, or only in `npm run worker`.
  JOB_WORKERS: z.enum(['in-app', 'separate']).default('in-app'),
  // Sign-in links allowed per 15 minutes, per email address and per client.
  SIGN_IN_LIMIT_PER_ADDRESS: z.coerce.number().int().min(1).max(1000).default(5),
  SIGN_IN_LIMIT_PER_CLIENT: z.coerce.number().int().min(1).max(10000).default(20),
  // How many reverse proxies stand in front of the app, each appending to X-Forwarded-For. 0: the client is
  // the connection's own address and the header is ignored (a client can write it). Behind one proxy, 1.
  // Too high lets a client choose its address; too low counts everyone as the proxy (lib/auth/client-address.ts).
  TRUSTED_PROXIES: z.coerce.number().int().min(0).max(10).default(0),
  // Shares the rendered cached pages between app servers (docs/decisions/0024: freshness comes from the database).
  // Unset: each process keeps its own cache in memory.
  REDIS_URL: z
    .string()
    .trim()
    .refine((value) => /^rediss?:\/\//.test(value), 'must start with redis:// or rediss://')
    .optional(),
  // Separates apps that share one Redis.
  REDIS_KEY_PREFIX: z
    .string()
    .trim()
    .regex(/^[\w:.-]{1,64}$/)
    .optional(),
  // Test-only: turns on /api/e2e/*, which the end-to-end tests use to let time pass (a session's start).
  // Never set it on a real server: with it off those routes answer 404.
  E2E_TEST_HOOKS: z.enum(['on', 'off']).default('off'),
  MAILDEV_SMTP_PORT: z.coerce.number().int().min(1).max(65535).default(1025),
  MAILDEV_WEB_PORT: z.coerce.number().int().min(1).max(65535).default(1080),
});

export type Env = z.infer<typeof schema>;

// `npm run worker` needs a server database; with the embedded one, only the app process can send mail.
const checkedSchema = schema.refine((env) => env.JOB_WORKERS !== 'separate' || env.DATABASE_URL, {
  message: 'JOB_WORKERS=separate needs DATABASE_URL: with the embedded database the app process must run the workers',
  path: ['JOB_WORKERS'],
});

function readEnv(): Env {
  // Empty strings count as unset, which is what a blank line in a .env file means.
  const raw = Object.fromEntries(Object.entries(process.env).filter(([, value]) => value !== ''));
  const parsed = checkedSchema.safeParse(raw);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((issue) => `  ${issue.path.join('.')}: ${issue.message}`);
    throw new Error(`Invalid environment:\n${problems.join('\n')}`);
  }
  return parsed.data;
}

export const env = readEnv();

export function appUrl(): string {
  return env.APP_URL ?? `http://localhost:${env.PORT}`;
}

/** The address of the local mail catcher's inbox when no SMTP server is configured, else null. */
export function mailCatcherUrl(): string | null {
  return env.SMTP_URL ? null : `http://localhost:${env.MAILDEV_WEB_PORT}`;
}

/** Where outgoing mail goes: SMTP_URL, or the local mail catcher. */
export function smtpUrl(): string {
  return env.SMTP_URL ?? `smtp://127.0.0.1:${env.MAILDEV_SMTP_PORT}`;
}
