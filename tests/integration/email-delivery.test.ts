// The outbox, end to end, with real pg-boss and a real SMTP server that misbehaves on cue: emails are
// never lost (mail server down, refusing, answering 4xx, hanging; a worker killed mid-send), never sent
// twice (retries, two workers on one database), and never queued by a transaction that rolled back.
import { spawn } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabaseClient, type DatabaseClient } from '@/lib/database/client';
import { deliverEmail } from '@/lib/email/deliver';
import { queueEmail, queueEmails } from '@/lib/email/outbox';
import { createMailer } from '@/lib/email/transport';
import { EMAIL_QUEUE } from '@/lib/jobs/queues';
import { startJobRunner, type JobRunner, type JobRunnerOptions } from '@/lib/jobs/runner';
import { startFlakySmtp, type FlakySmtp } from '../support/flaky-smtp';
import { testEngines } from '../support/engines';
import { eventually, TEST_TUNING } from '../support/jobs';

const APP_URL = 'http://localhost:3999';
const SECRET = 'integration-test-secret-that-is-long-enough';

function runnerOptions(client: DatabaseClient, smtp: FlakySmtp, overrides: Partial<JobRunnerOptions> = {}): JobRunnerOptions {
  return {
    database: client,
    db: client.db,
    appUrl: APP_URL,
    secret: SECRET,
    mail: { smtpUrl: smtp.url, from: 'HalfHour <no-reply@halfhour.test>', connectionTimeout: 1_000, socketTimeout: 1_500 },
    schedule: false,
    register: false,
    tuning: TEST_TUNING,
    ...overrides,
  };
}

/** Queues `count` sign-in emails, each in its own transaction, and returns their outbox ids. */
async function queueSignInLinks(client: DatabaseClient, runner: JobRunner, count: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < count; i++) {
    const id = await client.db.$transaction((tx) =>
      queueEmail(
        tx,
        {
          to: `${tag}-${i}@example.org`,
          message: { kind: 'sign-in-link', data: { url: `${APP_URL}/api/auth/callback/email?token=${tag}${i}`, minutes: 15 } },
        },
        runner.boss,
      ),
    );
    ids.push(id!);
  }
  return ids;
}

const messageId = (outboxId: string) => `<${outboxId}@localhost>`;

async function rows(client: DatabaseClient, ids: string[]) {
  return client.db.emailOutbox.findMany({ where: { id: { in: ids } }, orderBy: { id: 'asc' } });
}

function expectEachArrivedOnce(smtp: FlakySmtp, ids: string[]) {
  const counts = smtp.countsById();
  for (const id of ids) expect(counts.get(messageId(id)), `email ${id}`).toBe(1);
}

describe.each(testEngines())('the email outbox on the $name database', (engine) => {
  let client: DatabaseClient;
  beforeAll(async () => {
    client = engine.open();
    await client.ready;
  });
  afterAll(async () => {
    await client.close();
  });

  it('queues nothing when the transaction rolls back, and exactly one job when it commits', async () => {
    const smtp = await startFlakySmtp('ok');
    const runner = await startJobRunner(runnerOptions(client, smtp, { work: false }));
    try {
      let rolledBack: string | null = null;
      await expect(
        client.db.$transaction(async (tx) => {
          rolledBack = await queueEmail(
            tx,
            { to: 'never@example.org', message: { kind: 'sign-in-link', data: { url: `${APP_URL}/x`, minutes: 15 } } },
            runner.boss,
          );
          throw new Error('changed my mind');
        }),
      ).rejects.toThrow('changed my mind');
      expect(rolledBack).toBeTruthy();
      expect(await client.db.emailOutbox.count({ where: { id: rolledBack! } })).toBe(0);
      expect(await runner.boss.findJobs(EMAIL_QUEUE, { data: { outboxId: rolledBack! } })).toHaveLength(0);

      const [committed] = await queueSignInLinks(client, runner, 1, 'committed');
      expect(await client.db.emailOutbox.count({ where: { id: committed! } })).toBe(1);
      expect(await runner.boss.findJobs(EMAIL_QUEUE, { data: { outboxId: committed! } })).toHaveLength(1);
      // Not for sending: the next test's worker would deliver it to its own SMTP server.
      await runner.boss.deleteJob(
        EMAIL_QUEUE,
        (await runner.boss.findJobs(EMAIL_QUEUE, { data: { outboxId: committed! } })).map((job) => job.id),
      );
      await client.db.emailOutbox.delete({ where: { id: committed! } });
    } finally {
      await runner.stop({ graceful: false, timeoutMs: 1_000 });
      await smtp.close();
    }
  });

  it('queues a batch in one go: one job per email kept, none for a key used before, a key repeated, or mail turned off', async () => {
    const smtp = await startFlakySmtp('ok');
    const runner = await startJobRunner(runnerOptions(client, smtp, { work: false }));
    try {
      const keen = await client.db.user.create({ data: { email: `keen-${engine.name}@example.org`, name: 'Keen' } });
      const quiet = await client.db.user.create({
        data: { email: `quiet-${engine.name}@example.org`, name: 'Quiet', emailOnOffers: false },
      });
      const declined = (user: { id: string; email: string }, key: string) => ({
        to: user.email,
        userId: user.id,
        dedupeKey: `batch-${engine.name}-${key}`,
        message: {
          kind: 'offer-declined' as const,
          data: {
            askTitle: 'Check our cashbook',
            organisationName: 'Fridge',
            reason: 'declined' as const,
            note: null,
            url: `${APP_URL}/asks`,
          },
        },
      });
      const before = await client.db.$transaction((tx) => queueEmails(tx, [declined(keen, 'old')], runner.boss));
      const ids = await client.db.$transaction((tx) =>
        queueEmails(
          tx,
          [
            declined(keen, 'a'),
            {
              to: quiet.email,
              userId: quiet.id,
              message: {
                kind: 'offer-received' as const,
                data: { askTitle: 'Check our cashbook', volunteerName: 'Val', message: 'Happy to help.', url: `${APP_URL}/my-asks/a1` },
              },
            }, // an offer received, which Quiet turned off: not queued
            declined(quiet, 'b'), // an offer declined is always sent
            declined(keen, 'old'), // its key was used before
            declined(keen, 'c'),
            declined(keen, 'c'), // the same key twice in one batch: once
            { to: quiet.email, userId: quiet.id, message: { kind: 'sign-in-link' as const, data: { url: `${APP_URL}/x`, minutes: 15 } } },
          ],
          runner.boss,
        ),
      );
      expect(ids.map((id) => id !== null)).toEqual([true, false, true, false, true, false, true]);
      const kept = [...before, ...ids].filter((id): id is string => id !== null);
      expect(await client.db.emailOutbox.count({ where: { id: { in: kept } } })).toBe(5);
      for (const id of kept) expect(await runner.boss.findJobs(EMAIL_QUEUE, { data: { outboxId: id } })).toHaveLength(1);
      // Not for sending: the next test's worker would deliver them to its own SMTP server.
      for (const id of kept) {
        await runner.boss.deleteJob(
          EMAIL_QUEUE,
          (await runner.boss.findJobs(EMAIL_QUEUE, { data: { outboxId: id } })).map((job) => job.id),
        );
      }
      await client.db.emailOutbox.deleteMany({ where: { id: { in: kept } } });
    } finally {
      await runner.stop({ graceful: false, timeoutMs: 1_000 });
      await smtp.close();
    }
  });

  it('records a send the mail server accepted once the database is back, however many tries that takes within the lease', async () => {
    const smtp = await startFlakySmtp('ok');
    const runner = await startJobRunner(runnerOptions(client, smtp, { work: false }));
    const mailer = createMailer({
      smtpUrl: smtp.url,
      from: 'HalfHour <no-reply@halfhour.test>',
      connectionTimeout: 1_000,
      socketTimeout: 1_500,
    });
    const [id] = await queueSignInLinks(client, runner, 1, 'unrecorded');
    // The database answers the record of the send with the error a restart gives, for 4 s from its first try
    // (longer than five quick tries, which once left the row claimed, and its job sent again when it expired).
    let refusedUntil = 0;
    let refusals = 0;
    const db = new Proxy(client.db, {
      get(target, property) {
        const value = Reflect.get(target, property);
        if (property !== '$executeRaw') return typeof value === 'function' ? value.bind(target) : value;
        return (strings: TemplateStringsArray, ...values: unknown[]) => {
          if (strings.join('?').includes(`"status" = 'SENT'`)) {
            refusedUntil ||= Date.now() + 4_000;
            if (Date.now() < refusedUntil) {
              refusals += 1;
              return Promise.reject(new Error('Connection terminated unexpectedly'));
            }
          }
          return target.$executeRaw(strings, ...values);
        };
      },
    });
    const context = { db, mailer, appUrl: APP_URL, secret: SECRET, leaseSeconds: 30 };
    try {
      expect(await deliverEmail(context, id!)).toBe('sent');
      expect(refusals).toBeGreaterThanOrEqual(6);
      expect((await client.db.emailOutbox.findUniqueOrThrow({ where: { id: id! } })).status).toBe('SENT');
      // The job's own completion may have been lost in the same outage: pg-boss runs it again, which sends nothing.
      expect(await deliverEmail({ ...context, db: client.db }, id!)).toBe('already-sent');
      expectEachArrivedOnce(smtp, [id!]);
      expect(smtp.received).toHaveLength(1);
    } finally {
      const jobs = await runner.boss.findJobs(EMAIL_QUEUE, { data: { outboxId: id! } });
      await runner.boss.deleteJob(
        EMAIL_QUEUE,
        jobs.map((job) => job.id),
      );
      mailer.close();
      await runner.stop({ graceful: false, timeoutMs: 1_000 });
      await smtp.close();
    }
  });

  it('loses nothing and sends nothing twice while the mail server refuses, answers 4xx, then hangs', async () => {
    const smtp = await startFlakySmtp('refuse');
    const runner = await startJobRunner(runnerOptions(client, smtp));
    try {
      const ids = await queueSignInLinks(client, runner, 6, 'flaky');

      // Refused: every message has been tried and is waiting for its retry.
      await eventually(async () =>
        (await rows(client, ids)).every((row) => row.attempts >= 1 && row.status === 'PENDING' && row.lastError),
      );
      expect((await rows(client, ids))[0]!.lastError).toMatch(/ECONNREFUSED/);

      await smtp.setMode('tempfail');
      await eventually(async () => (await rows(client, ids)).every((row) => row.lastError?.includes('451')));

      await smtp.setMode('hang');
      await eventually(async () => (await rows(client, ids)).some((row) => /timeout/i.test(row.lastError ?? '')));
      expect(smtp.received).toHaveLength(0);

      await smtp.setMode('ok');
      await eventually(async () => (await rows(client, ids)).every((row) => row.status === 'SENT'), 60_000);
      // Give any stray duplicate time to arrive before counting.
      await new Promise((resolve) => setTimeout(resolve, 2_000));
      expect(smtp.received.map((email) => email.messageId).sort()).toEqual(ids.map(messageId).sort());
      expectEachArrivedOnce(smtp, ids);
      for (const row of await rows(client, ids)) {
        expect(row.attempts).toBeGreaterThanOrEqual(3);
        expect(row.sentAt).toBeInstanceOf(Date);
        expect(row.subject).toBe('Your HalfHour sign-in link');
      }
    } finally {
      await runner.stop({ graceful: false, timeoutMs: 1_000 });
      await smtp.close();
    }
  });

  it('skips what should not go out any more, and keeps no working link once a message is sent', async () => {
    const smtp = await startFlakySmtp('refuse');
    const runner = await startJobRunner(runnerOptions(client, smtp));
    try {
      const person = await client.db.user.create({ data: { email: `skip-${engine.name}@example.org`, name: 'Sky' } });
      const offer = {
        to: person.email,
        userId: person.id,
        message: {
          kind: 'offer-received' as const,
          data: { askTitle: 'Check our cashbook', volunteerName: 'Val', message: 'Happy to help.', url: `${APP_URL}/my-asks/a1` },
        },
      };
      const optional = await client.db.$transaction((tx) => queueEmail(tx, offer, runner.boss));
      const [link] = await queueSignInLinks(client, runner, 1, 'secret');
      // While the mail server is down, the person turns offers off; the queued email is then not sent.
      await eventually(async () => (await rows(client, [optional!]))[0]!.attempts >= 1);
      await client.db.user.update({ where: { id: person.id }, data: { emailOnOffers: false } });
      await smtp.setMode('ok');
      await eventually(async () =>
        (await rows(client, [optional!, link!])).every((row) => row.status === 'SKIPPED' || row.status === 'SENT'),
      );
      const [skipped] = await rows(client, [optional!]);
      expect(skipped).toMatchObject({ status: 'SKIPPED', lastError: 'The recipient turned these emails off before it was sent.' });
      // The sign-in link arrived, and the database no longer holds it.
      expectEachArrivedOnce(smtp, [link!]);
      expect(smtp.received.some((email) => email.messageId === messageId(optional!))).toBe(false);
      const sent = await client.db.emailOutbox.findUniqueOrThrow({ where: { id: link! } });
      expect(sent.data).toEqual({ url: '(removed once sent)', minutes: 15 });

      // A sign-in link that could not be sent within its 15 minutes is not sent at all.
      await smtp.setMode('refuse');
      const [stale] = await queueSignInLinks(client, runner, 1, 'stale');
      await client.db.emailOutbox.update({ where: { id: stale! }, data: { createdAt: new Date(Date.now() - 16 * 60_000) } });
      await eventually(async () => (await rows(client, [stale!]))[0]!.status === 'SKIPPED');
      expect((await rows(client, [stale!]))[0]).toMatchObject({ lastError: 'The sign-in link expired before it could be sent.' });
    } finally {
      await runner.stop({ graceful: false, timeoutMs: 1_000 });
      await smtp.close();
    }
  });

  it('turns a message that used its last retry into a dead letter, and an admin retry sends it once', async () => {
    const smtp = await startFlakySmtp('tempfail');
    const runner = await startJobRunner(runnerOptions(client, smtp, { tuning: { ...TEST_TUNING, emailRetryLimit: 1 } }));
    try {
      const [id] = await queueSignInLinks(client, runner, 1, 'dead');
      await eventually(async () => (await client.db.emailOutbox.findUnique({ where: { id: id! } }))?.status === 'FAILED');
      const dead = await client.db.emailOutbox.findUniqueOrThrow({ where: { id: id! } });
      expect(dead.attempts).toBe(2);
      expect(dead.lastError).toMatch(/451/);

      await smtp.setMode('ok');
      // What retryEmail (lib/email/admin.ts) does: back to PENDING and a new job, in one transaction.
      await client.db.$transaction(async (tx) => {
        await tx.emailOutbox.update({ where: { id: id! }, data: { status: 'PENDING' } });
        await runner.boss.send(EMAIL_QUEUE, { outboxId: id! }, { db: (await import('pg-boss')).fromPrisma(tx) });
      });
      await eventually(async () => (await client.db.emailOutbox.findUnique({ where: { id: id! } }))?.status === 'SENT');
      expectEachArrivedOnce(smtp, [id!]);
    } finally {
      await runner.stop({ graceful: false, timeoutMs: 1_000 });
      await smtp.close();
    }
  });
});

// Two processes on one database: only the PostgreSQL server can do it. The embedded database belongs
// to the one process that opened it (PGlite is a single connection in a single process).
const server = testEngines().find((engine) => engine.name === 'postgres');

describe.runIf(server)('workers on one PostgreSQL server', () => {
  const databaseUrl = process.env.DATABASE_URL!;

  it('never send one message twice: two workers share 200 emails, five times over', async () => {
    const smtp = await startFlakySmtp('ok');
    const clients = [0, 1].map(() => createDatabaseClient({ databaseUrl, pgliteDataDir: 'unused', poolSize: 4 }));
    const runners = await Promise.all(clients.map((client) => startJobRunner(runnerOptions(client, smtp, { emailConcurrency: 4 }))));
    try {
      for (let round = 0; round < 5; round++) {
        const ids = await queueSignInLinks(clients[0]!, runners[0]!, 200, `pair${round}`);
        await eventually(
          async () => (await clients[0]!.db.emailOutbox.count({ where: { id: { in: ids }, status: 'SENT' } })) === ids.length,
          60_000,
        );
        expectEachArrivedOnce(smtp, ids);
      }
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expect(smtp.received).toHaveLength(1_000);
    } finally {
      await Promise.all(runners.map((runner) => runner.stop({ graceful: false, timeoutMs: 1_000 })));
      await Promise.all(clients.map((client) => client.close()));
      await smtp.close();
    }
  });

  it('sends a message once after the worker sending it was killed mid-send', async () => {
    const hanging = await startFlakySmtp('hang');
    const working = await startFlakySmtp('ok');
    // A real worker process (npm run worker), killed with SIGKILL while its SMTP server has not answered.
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/worker.ts'], {
      env: { ...process.env, DATABASE_URL: databaseUrl, SMTP_URL: hanging.url, APP_URL, AUTH_SECRET: SECRET },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const client = createDatabaseClient({ databaseUrl, pgliteDataDir: 'unused', poolSize: 4 });
    let rescuer: JobRunner | undefined;
    // Queues the email and sets the short expiry for its job; sends nothing itself.
    const producer = await (async () => {
      await eventually(() => output.includes('HalfHour worker:'), 30_000);
      return startJobRunner(runnerOptions(client, working, { work: false }));
    })();
    try {
      const [id] = await queueSignInLinks(client, producer, 1, 'killed');
      await eventually(async () => (await client.db.emailOutbox.findUnique({ where: { id: id! } }))?.status === 'SENDING');
      child.kill('SIGKILL');
      await new Promise((resolve) => child.once('exit', resolve));

      rescuer = await startJobRunner(runnerOptions(client, working));
      await eventually(async () => (await client.db.emailOutbox.findUnique({ where: { id: id! } }))?.status === 'SENT', 30_000);
      await new Promise((resolve) => setTimeout(resolve, 1_000));
      expectEachArrivedOnce(working, [id!]);
      expect(working.received).toHaveLength(1);
      expect(hanging.received).toHaveLength(0);
      expect((await client.db.emailOutbox.findUniqueOrThrow({ where: { id: id! } })).attempts).toBe(2);
    } finally {
      child.kill('SIGKILL');
      await rescuer?.stop({ graceful: false, timeoutMs: 1_000 });
      await producer.stop({ graceful: false, timeoutMs: 1_000 });
      await client.close();
      await hanging.close();
      await working.close();
    }
  });
});
