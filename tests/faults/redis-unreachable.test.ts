// Issue 19, faults: Redis unreachable with REDIS_URL set. The real page cache (Next's cache handler on the
// Redis store, docs/decisions/0013) against a private redis-server this file starts, stalls, shuts down and
// starts again (never the machine's Redis on 6379): while Redis is away nothing throws or hangs and every page
// misses (so it renders per request); a tag invalidated meanwhile never lets a copy rendered before be served
// once Redis is back; and then caching and invalidation work again.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import PageCacheHandler, { RedisPageStore, type PageCacheStore } from '@/lib/cache/page-cache';
import { PUBLIC_TAGS } from '@/lib/cache/tag-names';

const TAGS_HEADER = 'x-next-cache-tags';
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
    headers: { [TAGS_HEADER]: [...tags, PUBLIC_TAGS.all, `rendered-at:${renderedAt}`].join(',') },
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
  const open: PageCacheStore[] = [];
  let prefix = '';

  /** One app server's store (a second call with the same prefix is a second server sharing Redis). */
  const serverStore = () => {
    const store = new RedisPageStore(redis.url, prefix);
    open.push(store);
    return store;
  };

  /** Waits until this server stores and serves a page again: Redis is back and its client reconnected. */
  async function backOn(handler: PageCacheHandler) {
    const key = `/cached/probe/${randomUUID()}`;
    for (let tries = 0; tries < 300; tries++) {
      await handler.set(key, renderedPage([], Date.now()));
      if (await handler.get(key, PAGE)) {
        // Past the clock allowance after its catching up (lost invalidations written on return), so a render
        // that begins now counts as after them.
        await pause(300);
        return;
      }
      await pause(100);
    }
    throw new Error('the page cache never came back');
  }

  beforeAll(async () => {
    await redis.start();
  });

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

  it('stalled Redis: reads, writes and invalidations settle instead of hanging, every page misses, and caching returns after', async () => {
    const handler = new PageCacheHandler({ store: serverStore() });
    await handler.set('/cached/browse/all', renderedPage([PUBLIC_TAGS.askLists], Date.now() - 5_000));
    expect(await handler.get('/cached/browse/all', PAGE)).not.toBeNull();

    redis.stall();
    // A visitor's request: the cached copy is not served (a miss, so the page renders per request), and storing
    // the new render and a write's invalidation neither throw nor hold the request.
    expect(await settles(handler.get('/cached/browse/all', PAGE))).toBeNull();
    expect(await settles(handler.set('/cached/home/index', renderedPage([PUBLIC_TAGS.home], Date.now())))).toBeUndefined();
    expect(await settles(handler.revalidateTag([PUBLIC_TAGS.askLists]))).toBeUndefined();
    expect(await settles(handler.get('/cached/home/index', PAGE))).toBeNull();

    redis.resume();
    await backOn(handler);
    // The list invalidated while Redis was stalled is not served from before, and fresh renders are cached again.
    expect(await handler.get('/cached/browse/all', PAGE)).toBeNull();
    await handler.set('/cached/browse/all', renderedPage([PUBLIC_TAGS.askLists], Date.now(), '<p>After</p>'));
    expect((await handler.get('/cached/browse/all', PAGE))?.value).toMatchObject({ html: '<p>After</p>' });
  });

  it('Redis shut down and started again with its data: no server serves a copy from before, even when the writer is gone', async () => {
    const writer = serverStore(); // the server whose write invalidates, stopped before Redis returns
    const other = new PageCacheHandler({ store: serverStore() }); // another server, idle during the outage
    await new PageCacheHandler({ store: writer }).set('/cached/asks/a1', renderedPage([PUBLIC_TAGS.ask('a1')], Date.now() - 5_000));
    expect(await other.get('/cached/asks/a1', PAGE)).not.toBeNull();

    await redis.shutDownKeepingData();
    // The ask changes (its write committed) while Redis is away: its invalidation cannot be stored.
    expect(await settles(writer.invalidate([PUBLIC_TAGS.ask('a1')]))).toBeUndefined();
    await writer.close();
    // A render that began before Redis came back, stored once it is (it may have read the ask before the write).
    const renderBeganDuringOutage = Date.now();

    await redis.start(); // the old copy of a1, from before the write, is back in Redis
    await backOn(other);
    expect(await other.get('/cached/asks/a1', PAGE)).toBeNull();
    await other.set('/cached/asks/a1', renderedPage([PUBLIC_TAGS.ask('a1')], renderBeganDuringOutage, '<p>Maybe old</p>'));
    expect(await other.get('/cached/asks/a1', PAGE)).toBeNull();

    // Freshness is back: a new render is served until a write invalidates it again.
    await other.set('/cached/asks/a1', renderedPage([PUBLIC_TAGS.ask('a1')], Date.now(), '<p>After</p>'));
    expect((await other.get('/cached/asks/a1', PAGE))?.value).toMatchObject({ html: '<p>After</p>' });
    await pause(300); // past the clock allowance, so this invalidation is after that render began
    await serverStore().invalidate([PUBLIC_TAGS.ask('a1')]);
    expect(await other.get('/cached/asks/a1', PAGE)).toBeNull();
  });

  it('Redis shut down and started again with its data: a server started after it returns gets the invalidations made meanwhile', async () => {
    const writer = new PageCacheHandler({ store: serverStore() });
    await writer.set('/cached/asks/a1', renderedPage([PUBLIC_TAGS.ask('a1')], Date.now() - 5_000, '<p>Before</p>'));
    await writer.set('/cached/asks/a2', renderedPage([PUBLIC_TAGS.ask('a2')], Date.now() - 5_000));

    await redis.shutDownKeepingData();
    expect(await settles(writer.get('/cached/asks/a1', PAGE))).toBeNull();
    expect(await settles(writer.revalidateTag([PUBLIC_TAGS.ask('a1')]))).toBeUndefined();

    await redis.start();
    await backOn(writer);
    const late = new PageCacheHandler({ store: serverStore() }); // never saw Redis away
    expect(await late.get('/cached/asks/a1', PAGE)).toBeNull();
    expect(await late.get('/cached/asks/a2', PAGE)).not.toBeNull(); // not invalidated: still served by this server
  });

  it('a server started while Redis is down renders per request and caches once Redis arrives', async () => {
    await redis.stop();
    const handler = new PageCacheHandler({ store: serverStore() });
    expect(await settles(handler.get('/cached/home/index', PAGE))).toBeNull();
    expect(await settles(handler.set('/cached/home/index', renderedPage([PUBLIC_TAGS.home], Date.now())))).toBeUndefined();
    expect(await settles(handler.revalidateTag([PUBLIC_TAGS.home]))).toBeUndefined();

    await redis.start();
    await backOn(handler);
    await handler.set('/cached/home/index', renderedPage([PUBLIC_TAGS.home], Date.now(), '<p>Home</p>'));
    expect((await handler.get('/cached/home/index', PAGE))?.value).toMatchObject({ html: '<p>Home</p>' });
  });
});
