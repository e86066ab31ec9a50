// npm run bench:email: how fast does one worker send, and how long does a sign-in link take to arrive?
// Builds a scratch database on the local PostgreSQL server (DATABASE_URL, default
// postgresql://postgres@127.0.0.1:5432/postgres), starts a local SMTP server (smtp-server, accepting
// everything) and one job runner (one worker process's worth: pg-boss, the email worker), then
//   1. throughput: queues 3,000 emails in one go and times until the last is recorded as sent;
//   2. sign-in latency: 60 sign-in requests through the real requestSignInLink, one every 250 ms, each
//      timed from the call to the moment the SMTP server has the whole message.
// Drops the database afterwards, even on failure.
//   --embedded  measure the embedded database (PGlite, in memory) instead: what `npm start` uses
//   --count=N   emails for the throughput run (default 3000)
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { SMTPServer } from 'smtp-server';
import { allowServerOnly } from '../support/server-only';

allowServerOnly();

const args = process.argv.slice(2);
const embedded = args.includes('--embedded');
const COUNT = Number(args.find((arg) => arg.startsWith('--count='))?.split('=')[1] ?? 3000);
const SIGN_INS = 60;
const serverUrl = process.env.DATABASE_URL ?? 'postgresql://postgres@127.0.0.1:5432/postgres';
const BENCH_DB = 'halfhour_bench_email';

// A local SMTP server that notes when each message has fully arrived, by recipient.
const arrivals = new Map<string, number>();
let received = 0;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  logger: false,
  closeTimeout: 100,
  onData(stream, session, callback) {
    stream.on('data', () => undefined);
    stream.on('end', () => {
      received++;
      for (const rcpt of session.envelope.rcptTo) arrivals.set(rcpt.address, performance.now());
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const smtpUrl = `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}`;

const { assertLocalDatabaseUrl, dropDatabase, recreateDatabase } = await import('@/lib/database/local-server');
const { migrateDatabase } = await import('@/lib/database/connection');

let benchUrl: string | undefined;
if (embedded) {
  delete process.env.DATABASE_URL;
  process.env.PGLITE_DATA_DIR = 'memory://';
} else {
  assertLocalDatabaseUrl(serverUrl, 'the email benchmark');
  benchUrl = await recreateDatabase(serverUrl, BENCH_DB);
  await migrateDatabase({ databaseUrl: benchUrl, pgliteDataDir: 'unused' });
  process.env.DATABASE_URL = benchUrl;
}
process.env.APP_URL = 'http://localhost:3000';
process.env.AUTH_SECRET ??= 'bench-secret-that-is-long-enough-for-the-check';
process.env.SIGN_IN_LIMIT_PER_ADDRESS = '1000';
process.env.SIGN_IN_LIMIT_PER_CLIENT = '10000';

const { appDatabase, db } = await import('@/lib/db');
const { startJobRunner } = await import('@/lib/jobs/runner');
const { queueEmail } = await import('@/lib/email/outbox');
const { requestSignInLink } = await import('@/lib/auth/sign-in');

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

async function waitUntil(check: () => Promise<boolean> | boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

try {
  await db.$connect();
  const database = appDatabase()!;
  await database.ready;
  const runner = await startJobRunner({
    database,
    db,
    appUrl: 'http://localhost:3000',
    secret: process.env.AUTH_SECRET,
    mail: { smtpUrl, from: 'HalfHour <no-reply@halfhour.localhost>' },
    schedule: false,
  });

  // 1. Throughput: everything queued first (in transactions of 100), then timed until all are sent.
  for (let start = 0; start < COUNT; start += 100) {
    await db.$transaction(async (tx) => {
      for (let i = start; i < Math.min(COUNT, start + 100); i++) {
        await queueEmail(
          tx,
          {
            to: `reader-${i}@bench.example`,
            message: { kind: 'sign-in-link', data: { url: `http://localhost:3000/x?token=${i}`, minutes: 15 } },
          },
          runner.boss,
        );
      }
    });
  }
  const startedAt = performance.now();
  await waitUntil(async () => (await db.emailOutbox.count({ where: { status: 'SENT' } })) >= COUNT, 15 * 60_000);
  const seconds = (performance.now() - startedAt) / 1000;
  const perMinute = Math.round((COUNT / seconds) * 60);

  // 2. Sign-in latency on an idle queue.
  const latencies: number[] = [];
  for (let i = 0; i < SIGN_INS; i++) {
    const address = `signin-${i}@bench.example`;
    const began = performance.now();
    const result = await requestSignInLink({ email: address }, `203.0.113.${i % 250}`);
    if (!result.ok) throw new Error(`sign-in request refused: ${JSON.stringify(result)}`);
    await waitUntil(() => arrivals.has(address), 30_000);
    latencies.push(arrivals.get(address)! - began);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  latencies.sort((a, b) => a - b);
  await runner.stop({ graceful: true, timeoutMs: 5_000 });

  const engine = embedded ? 'embedded PGlite (in memory)' : 'PostgreSQL server';
  console.log(
    `\nHalfHour email benchmark on the ${engine}: one worker (pg-boss, batches of 8, 4 sends at a time, a connection per message) to a local SMTP server\n`,
  );
  console.log('measure                                   value');
  console.log(`emails queued, then sent                  ${COUNT} in ${seconds.toFixed(1)} s`);
  console.log(`messages the SMTP server received         ${received - SIGN_INS}`);
  console.log(
    `sign-in link, request to arrival (n=${SIGN_INS})   p50 ${percentile(latencies, 50).toFixed(0)} ms, p95 ${percentile(latencies, 95).toFixed(0)} ms, max ${latencies.at(-1)!.toFixed(0)} ms`,
  );
  console.log('');
  console.log(`emails per minute: ${perMinute}`);
  console.log(`sign-in link p95: ${Math.round(percentile(latencies, 95))} ms`);
} finally {
  await db.$disconnect().catch(() => undefined);
  await appDatabase()
    ?.close()
    .catch(() => undefined);
  await new Promise<void>((resolve) => smtp.close(() => resolve()));
  if (benchUrl) await dropDatabase(serverUrl, BENCH_DB);
}
