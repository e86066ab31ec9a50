// Issue 19, faults: Redis unreachable with REDIS_URL set. The real page cache (Next's cache handler on the
// Redis store, docs/decisions/0013) against a private redis-server this file starts, stalls, shuts down and
// starts again (never the machine's Redis on 6379): while Redis is away nothing throws or hangs and every page
// misses (so it renders per request); then caching works again. Redis only shares pages: whether one is fresh is
// each server's own record of what the database said changed (docs/decisions/0024), so a change committed while
// Redis was away still keeps the copy from before it from being served once Redis is back with its data.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { Freshness } from '@/lib/cache/freshness';
import { TAGS_HEADER } from '@/lib/cache/next-internals';
import PageCacheHandler from '@/lib/cache/page-cache';
import { RedisPageStore, type PageStore } from '@/lib/cache/page-store';
import { PAGE_TAGS } from '@/lib/cache/page-tags';
import { db } from '@/lib/db';
import { createAsk, createOrganisation } from '../support/factories';
import { hear, hearPageChanges, PAST_CLOCK_ALLOWANCE_MS, until } from '../support/page-changes';

const PAGE = { kind: 'APP_PAGE' } as const;
/** Far beyond the store's own bounds (connect and command timeouts of a couple of seconds): past it, a call hung. */
const HUNG_AFTER_MS = 10_000;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A page as Next hands it to the handler, with our tags and the moment its render began. */
function renderedPage(tags: string[], renderedAt: number, html = '<p>Open asks</p>') {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from('0:["rsc payload"]'),
    status: 200,
    headers: { [TAGS_HEADER]: [...tags, PAGE_TAGS.all, `rendered-at:${renderedAt}`].join(',') },
  };
}

/** The call's result, or 'hung' when it has not settled long after the store's own bounds. */
async function settles<T>(call: Promise<T>): Promise<T | 'hung'> {
  let timer: NodeJS.Timeout | undefined;
  const hung = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), HUNG_AFTER_MS)));
  try {
    return await Promise.race([call, hung]);
  } finally {
    clearTimeout(timer);
  }
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

/** A redis-server of this file's own on a free port, its data in a directory of its own (kept only by SHUTDOWN SAVE). */
class PrivateRedis {
  readonly dir = mkdtempSync(path.join(tmpdir(), 'hh-redisdown-'));
  port = 0;
  #process: ChildProcess | undefined;

  get url() {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    this.port ||= await freePort();
    const args = ['--port', String(this.port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no', '--dir', this.dir];
    const child = spawn('redis-server', args, { stdio: 'ignore' });
    this.#process = child;
    let failed: Error | undefined;
    child.once('error', (error) => (failed = error)); // no redis-server here (CI installs it: .ci/run)
    for (let tries = 0; tries < 100; tries++) {
      if (failed) throw new Error(`could not start redis-server: ${failed.message}`);
      if (this.#cli('PING').stdout === 'PONG') return;
      if (child.exitCode !== null) throw new Error(`redis-server exited with ${child.exitCode}`);
      await pause(100);
    }
    throw new Error('redis-server did not answer');
  }

  /** Redis stops answering but keeps its connections open (a stalled or unroutable host). */
  stall() {
    this.#process?.kill('SIGSTOP');
  }

  resume() {
    this.#process?.kill('SIGCONT');
  }

  /** Redis goes away (connections refused), saving its data so that `start` brings the old pages back. */
  async shutDownKeepingData(): Promise<void> {
    const child = this.#process;
    if (!child || child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    this.#cli('SHUTDOWN', 'SAVE');
    await exited;
  }

  async stop(): Promise<void> {
    const child = this.#process;
    if (!child || child.exitCode !== null) return;
    child.kill('SIGCONT');
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGKILL');
    await exited;
  }

  remove() {
    rmSync(this.dir, { recursive: true, force: true });
  }

  #cli(...command: string[]) {
    const result = spawnSync('redis-cli', ['-p', String(this.port), ...command], { encoding: 'utf8', timeout: 5_000 });
    return { stdout: (result.stdout ?? '').trim() };
  }
}

describe('the page cache when Redis is unreachable (REDIS_URL set)', () => {
  const redis = new PrivateRedis();
  const open: PageStore[] = [];
  let prefix = '';
  /** An ask in this file's database, written to while Redis is away. */
  let askId = '';

  beforeAll(async () => {
    await redis.start();
    const organisation = await createOrganisation(db);
    askId = (await createAsk(db, organisation.id)).id;
  });

  // Two app servers' records of what the database said changed, each heard over a connection of its own.
  const heardByOne = hearPageChanges(new Freshness());
  const heardByOther = hearPageChanges(new Freshness());

  /** One app server: its own client of the shared Redis (pages under this test's prefix) and its own record of changes. */
  const server = (heard: Freshness) => {
    const store = new RedisPageStore(redis.url, prefix);
    open.push(store);
    return new PageCacheHandler({ store, freshness: heard });
  };

  /**
   * A committed write to the ask, made by no app server (a worker's sweep or an operator's SQL would do the same),
   * once every listening server heard it and past the clock allowance, so a render beginning after counts as after it.
   */
  async function changeAsk(servers: Freshness[] = [heardByOne, heardByOther]) {
    const before = Date.now();
    for (const heard of servers) expect(heard.isStale({ renderedAt: before, tags: [PAGE_TAGS.ask(askId)] })).toBe(false);
    await db.ask.update({ where: { id: askId }, data: { outcome: `A cashbook we trust (changed at ${before}).` } });
    for (const heard of servers) expect(await until(() => heard.isStale({ renderedAt: before, tags: [PAGE_TAGS.ask(askId)] }))).toBe(true);
    await pause(PAST_CLOCK_ALLOWANCE_MS);
  }

  /** Waits until this server stores and serves a page again: Redis is back and its client reconnected. */
  async function backOn(handler: PageCacheHandler) {
    const key = `/cached/probe/${randomUUID()}`;
    for (let tries = 0; tries < 300; tries++) {
      await handler.set(key, renderedPage([], Date.now()));
      if (await handler.get(key, PAGE)) return;
      await pause(100);
    }
    throw new Error('the page cache never came back');
  }

  const askPage = '/cached/asks/a1';
  const askRender = (renderedAt: number, html?: string) => renderedPage([PAGE_TAGS.ask(askId)], renderedAt, html);
  /** A page no write here touches. */
  const projectPage = '/cached/projects/p1';
  const projectRender = (renderedAt: number, html?: string) => renderedPage([PAGE_TAGS.project('p1')], renderedAt, html);

  beforeEach(() => {
    prefix = `halfhour-test:${randomUUID()}:`;
    // The store says once that Redis is away; that is expected here.
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
  });

  afterEach(async () => {
    vi.restoreAllMocks();
    redis.resume();
    await Promise.all(open.splice(0).map((store) => store.close()));
  });

  afterAll(async () => {
    await redis.stop();
    redis.remove();
  });

  it('stalled Redis: reads and writes settle instead of hanging, every page misses, and caching returns after', async () => {
    const handler = server(heardByOne);
    await handler.set(askPage, askRender(Date.now()));
    await handler.set(projectPage, projectRender(Date.now()));
    expect(await handler.get(askPage, PAGE)).not.toBeNull();

    redis.stall();
    // A visitor's request: the cached copy is not served (a miss, so the page renders per request), and storing
    // the new render neither throws nor holds the request.
    expect(await settles(handler.get(askPage, PAGE))).toBeNull();
    expect(await settles(handler.set('/cached/home/index', renderedPage([PAGE_TAGS.home], Date.now())))).toBeUndefined();
    expect(await settles(handler.get('/cached/home/index', PAGE))).toBeNull();
    // The ask changes meanwhile: the server hears it from the database, Redis or no Redis.
    await changeAsk();

    redis.resume();
    await backOn(handler);
    // The page whose ask changed while Redis was stalled is not served from before; the untouched one is.
    expect(await handler.get(askPage, PAGE)).toBeNull();
    expect(await handler.get(projectPage, PAGE)).not.toBeNull();
    await handler.set(askPage, askRender(Date.now(), '<p>After</p>'));
    expect((await handler.get(askPage, PAGE))?.value).toMatchObject({ html: '<p>After</p>' });
  });

  it('Redis shut down and started again with its data: a change committed meanwhile keeps every server from serving the copy from before', async () => {
    const one = server(heardByOne);
    const other = server(heardByOther); // idle during the outage
    await one.set(askPage, askRender(Date.now(), '<p>Before</p>'));
    expect(await other.get(askPage, PAGE)).not.toBeNull(); // shared through Redis
    // A render that began before the write, stored only once Redis is back (it may have read the ask before the write).
    const renderBeganBeforeTheWrite = Date.now();

    await redis.shutDownKeepingData();
    expect(await settles(other.get(askPage, PAGE))).toBeNull();
    await changeAsk(); // nothing could be written to Redis about it, and nothing needs to be

    await redis.start(); // the copy from before the write is back in Redis
    await backOn(one);
    await backOn(other);
    await pause(1_050); // a changed page is served while it renders again only within a second of its render
    expect(await one.get(askPage, PAGE)).toBeNull();
    expect(await other.get(askPage, PAGE)).toBeNull();
    await other.set(askPage, askRender(renderBeganBeforeTheWrite, '<p>Maybe old</p>'));
    expect(await one.get(askPage, PAGE)).toBeNull();
    expect(await other.get(askPage, PAGE)).toBeNull();

    // Freshness is back: a new render is served by both servers until the database says the ask changed again.
    await other.set(askPage, askRender(Date.now(), '<p>After</p>'));
    expect((await one.get(askPage, PAGE))?.value).toMatchObject({ html: '<p>After</p>' });
    expect((await other.get(askPage, PAGE))?.value).toMatchObject({ html: '<p>After</p>' });
    await changeAsk();
    await pause(1_050); // a changed page is served for a second after its render at most
    expect(await one.get(askPage, PAGE)).toBeNull();
    expect(await other.get(askPage, PAGE)).toBeNull();
  });

  it('Redis shut down and started again with its data: a server started after it returns serves no page rendered before it heard the database', async () => {
    const one = server(heardByOne);
    await one.set(askPage, askRender(Date.now(), '<p>Before</p>'));
    await one.set(projectPage, projectRender(Date.now()));

    await redis.shutDownKeepingData();
    expect(await settles(one.get(askPage, PAGE))).toBeNull();
    await changeAsk();

    await redis.start();
    await backOn(one);
    await pause(1_050); // past the second in which a changed page is served while it renders again
    expect(await one.get(askPage, PAGE)).toBeNull();
    expect(await one.get(projectPage, PAGE)).not.toBeNull(); // untouched, and this server heard all along

    // A server started now never heard the change, nor can it know what changed before it listened: it serves
    // neither page from Redis. What it renders itself is served, by it and by the others.
    const heardLate = new Freshness();
    const listener = await hear(heardLate);
    try {
      const late = server(heardLate);
      expect(await late.get(askPage, PAGE)).toBeNull();
      expect(await late.get(projectPage, PAGE)).toBeNull();
      await late.set(projectPage, projectRender(Date.now(), '<p>Late</p>'));
      expect((await late.get(projectPage, PAGE))?.value).toMatchObject({ html: '<p>Late</p>' });
      expect((await one.get(projectPage, PAGE))?.value).toMatchObject({ html: '<p>Late</p>' });
    } finally {
      await listener.stop();
    }
  });

  it('a server started while Redis is down renders per request and caches once Redis arrives', async () => {
    await redis.stop();
    const handler = server(heardByOne);
    expect(await settles(handler.get('/cached/home/index', PAGE))).toBeNull();
    expect(await settles(handler.set('/cached/home/index', renderedPage([PAGE_TAGS.home], Date.now())))).toBeUndefined();

    await redis.start();
    await backOn(handler);
    await handler.set('/cached/home/index', renderedPage([PAGE_TAGS.home], Date.now(), '<p>Home</p>'));
    expect((await handler.get('/cached/home/index', PAGE))?.value).toMatchObject({ html: '<p>Home</p>' });
  });
});
