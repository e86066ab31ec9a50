// The page cache behind the cached pages (docs/decisions/0013, 0024): Next's cache handler on each store (this
// process's memory; Redis on 127.0.0.1:6379 when it answers, each test under a key prefix of its own), pages
// shared by two "servers" that each hear the database's changes, which requests the proxy sends to a cached
// page, and that the app's own writes (its mutations and sweeps) reach the tags of the pages they change.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expireOverdueAsks } from '@/lib/asks/expiry';
import { withdrawAsk } from '@/lib/asks/mutations';
import { browseKey, browseParams } from '@/lib/cache/browse-key';
import { BROWSE_KEY_HEADER, cachedPageRewrites, DASHBOARD_KEY_HEADER, RETURN_PATH_HEADER } from '@/lib/cache/cached-routes';
import { Freshness } from '@/lib/cache/freshness';
import { listenForPageChanges, type PageChangeListener } from '@/lib/cache/listener';
import PageCacheHandler, { NOT_FOUND_TAG } from '@/lib/cache/page-cache';
import { MemoryPageStore, RedisPageStore, type PageStore } from '@/lib/cache/page-store';
import { PAGE_TAGS } from '@/lib/cache/page-tags';
import { NextRequest } from 'next/server';
import { unstable_doesMiddlewareMatch } from 'next/experimental/testing/server';
import { config as proxyConfig, proxy } from '@/proxy';
import { appDatabase, db } from '@/lib/db';
import { approveAsk } from '@/lib/moderation/asks';
import { withdrawOffer } from '@/lib/offers/mutations';
import { verifyOrganisation } from '@/lib/moderation/organisations';
import { createAsk, createOffer, createOrganisation, createUser, createVolunteer } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { redisAnswers } from '../support/redis';

/** Whether Next runs proxy.ts for this request, by Next's own reading of its matcher. */
function proxyRunsFor(url: string, headers: Record<string, string> = {}): boolean {
  return unstable_doesMiddlewareMatch({ config: proxyConfig, url, headers });
}

withJobQueue(); // approving and withdrawing queue emails in their transactions

const REDIS_URL = 'redis://127.0.0.1:6379';
const TAGS_HEADER = 'x-next-cache-tags';

/** A page as Next hands it to the handler: HTML, an RSC payload (a Buffer), segments (a Map) and its tags. */
function renderedPage(tags: string[], html = '<p>Open asks</p>') {
  return {
    kind: 'APP_PAGE',
    html,
    rscData: Buffer.from('0:["rsc payload"]'),
    segmentData: new Map([['/_tree', Buffer.from('tree')]]),
    status: 200,
    headers: { [TAGS_HEADER]: ['_N_T_/layout', '_N_T_/cached/browse/all', ...tags].join(',') },
  };
}

const PAGE = { kind: 'APP_PAGE' } as const;
/** A server's record of changes that hears the database (here, changes are told to it by hand). */
const hearing = () => {
  const heard = new Freshness();
  heard.startedHearing(Date.now() - 60_000);
  return heard;
};
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const redisUp = await redisAnswers();
const stores: Array<{ name: string; make: (prefix: string) => PageStore; shared: boolean }> = [
  { name: 'memory', make: () => new MemoryPageStore(), shared: false },
  ...(redisUp ? [{ name: 'Redis', make: (prefix: string) => new RedisPageStore(REDIS_URL, prefix), shared: true }] : []),
];
if (!redisUp) console.warn('page-cache.test: no Redis on 127.0.0.1:6379, so only the memory store is tested.');

describe.each(stores)('the page cache on the $name store', ({ make, shared }) => {
  const open: PageStore[] = [];
  const prefixes: string[] = [];
  /** A store under a prefix of this test's own (a second call with the same prefix is a second "server"). */
  const storeFor = (prefix: string) => {
    const store = make(prefix);
    open.push(store);
    return store;
  };
  const newPrefix = () => {
    const prefix = `halfhour-test:${randomUUID()}:`;
    prefixes.push(prefix);
    return prefix;
  };

  afterAll(async () => {
    if (shared) {
      const { createClient } = await import('redis');
      const client = createClient({ url: REDIS_URL });
      await client.connect();
      for (const prefix of prefixes) {
        for await (const keys of client.scanIterator({ MATCH: `${prefix}*` })) if (keys.length > 0) await client.del(keys);
      }
      await client.quit();
    }
    await Promise.all(open.map((store) => store.close()));
  });

  it('keeps a rendered page, RSC payload and segments included, and hands it back', async () => {
    const handler = new PageCacheHandler({ store: storeFor(newPrefix()), freshness: hearing() });
    await handler.set('/cached/browse/all', renderedPage([PAGE_TAGS.askLists]), { cacheControl: { revalidate: 60 } });
    const entry = await handler.get('/cached/browse/all', PAGE);
    expect(entry).not.toBeNull();
    const value = entry!.value as ReturnType<typeof renderedPage>;
    expect(value.html).toBe('<p>Open asks</p>');
    expect(Buffer.isBuffer(value.rscData) && value.rscData.toString()).toBe('0:["rsc payload"]');
    expect(value.segmentData.get('/_tree')?.toString()).toBe('tree');
    expect(entry!.cacheControl).toEqual({ revalidate: 60 });
    expect(await handler.get('/cached/browse/other', PAGE)).toBeNull();
  });

  it('makes the page it is handed script-free in place, since Next answers the render and its waiters from it', async () => {
    const handler = new PageCacheHandler({ store: storeFor(newPrefix()), freshness: hearing() });
    const page = renderedPage(
      [PAGE_TAGS.home],
      '<html><head><script src="/_next/static/chunks/a.js" nonce="n0nce" async=""></script></head><body><p nonce="n0nce">Home</p><script nonce="n0nce">self.__next_f.push([1,"x"])</script></body></html>',
    );
    await handler.set('/cached/home/index', page, { cacheControl: { revalidate: 60 } });
    expect(page.html).toBe('<html><head></head><body><p>Home</p></body></html>');
    expect(page.headers).toMatchObject({ 'content-security-policy': expect.stringContaining("script-src 'none'") });
    const stored = (await handler.get('/cached/home/index', PAGE))!.value as ReturnType<typeof renderedPage>;
    expect(stored.html).toBe(page.html);

    // A page that says "not found" (tagNotFound) is sent with status 404, its first view too.
    const missing = renderedPage([PAGE_TAGS.ask('gone'), NOT_FOUND_TAG], '<h1>We could not find that page</h1>');
    await handler.set('/cached/asks/gone', missing, { cacheControl: { revalidate: 60 } });
    expect(missing.status).toBe(404);
    expect(((await handler.get('/cached/asks/gone', PAGE))!.value as ReturnType<typeof renderedPage>).status).toBe(404);
    expect(page.status).toBe(200);
  });

  it('renders a page again once one of its tags changes, and leaves pages without that tag alone', async () => {
    const heard = hearing();
    const handler = new PageCacheHandler({ store: storeFor(newPrefix()), freshness: heard });
    // Rendered a while ago (after this server began hearing): a change now is after its render began.
    const renderedAt = Date.now() - 5_000;
    await handler.set('/cached/asks/a1', renderedPage([PAGE_TAGS.ask('a1'), `rendered-at:${renderedAt}`]));
    await handler.set('/cached/asks/a2', renderedPage([PAGE_TAGS.ask('a2'), `rendered-at:${renderedAt}`]));
    expect(await handler.get('/cached/asks/a1', PAGE)).not.toBeNull();
    heard.changed([PAGE_TAGS.ask('a1')]);
    expect(await handler.get('/cached/asks/a1', PAGE)).toBeNull();
    expect(await handler.get('/cached/asks/a2', PAGE)).not.toBeNull();
  });

  it('serves nothing while this server cannot hear the database, and nothing rendered before it heard again', async () => {
    const heard = hearing();
    const handler = new PageCacheHandler({ store: storeFor(newPrefix()), freshness: heard });
    await handler.set('/cached/home/index', renderedPage([PAGE_TAGS.home, `rendered-at:${Date.now() - 5_000}`]));
    expect(await handler.get('/cached/home/index', PAGE)).not.toBeNull();
    heard.stoppedHearing();
    expect(await handler.get('/cached/home/index', PAGE)).toBeNull();
    heard.startedHearing(); // a change may have been missed meanwhile
    expect(await handler.get('/cached/home/index', PAGE)).toBeNull();
    expect(
      await new PageCacheHandler({ store: storeFor(newPrefix()), freshness: new Freshness() }).get('/cached/home/index', PAGE),
    ).toBeNull();
  });

  it('never serves a page past its expiry (a dashboard whose session has ended), on either store', async () => {
    const handler = new PageCacheHandler({ store: storeFor(newPrefix()), freshness: hearing() });
    await handler.set('/cached/dashboard/past', renderedPage([`expires-at:${Date.now() - 1}`]));
    await handler.set('/cached/dashboard/soon', renderedPage([`expires-at:${Date.now() + 60_000}`]));
    expect(await handler.get('/cached/dashboard/past', PAGE)).toBeNull();
    expect(await handler.get('/cached/dashboard/soon', PAGE)).not.toBeNull();
  });

  it('counts a change made while the page was rendering (the page may have read the old data)', async () => {
    const heard = hearing();
    const handler = new PageCacheHandler({ store: storeFor(newPrefix()), freshness: heard });
    const renderBegan = Date.now() - 1_500;
    heard.changed([PAGE_TAGS.askLists], Date.now() - 1_000); // the write lands mid-render
    await handler.set('/cached/browse/all', renderedPage([PAGE_TAGS.askLists, `rendered-at:${renderBegan}`]));
    expect(await handler.get('/cached/browse/all', PAGE)).toBeNull();
  });

  it('serves a changed page as it is for half a second after its render, then once more while Next renders it again, never after a second', async () => {
    const heard = hearing();
    const handler = new PageCacheHandler({ store: storeFor(newPrefix()), freshness: heard });
    const now = Date.now();
    for (const [key, age] of [
      ['/cached/browse/just-rendered', 100],
      ['/cached/browse/half-a-second', 700],
      ['/cached/browse/a-second', 1_100],
    ] as const) {
      await handler.set(key, renderedPage([PAGE_TAGS.askLists, `rendered-at:${now - age}`]));
    }
    heard.changed([PAGE_TAGS.askLists]);
    // Served as it is: a list changing several times a second is rendered twice a second at most.
    expect((await handler.get('/cached/browse/just-rendered', PAGE))?.lastModified).toBeGreaterThan(1);
    // lastModified 1: far past its revalidate time, so Next serves it (STALE) and renders it again at once.
    expect((await handler.get('/cached/browse/half-a-second', PAGE))?.lastModified).toBe(1);
    expect(await handler.get('/cached/browse/a-second', PAGE)).toBeNull();
    // A page that may have missed a change is never served, however young.
    heard.startedHearing();
    expect(await handler.get('/cached/browse/just-rendered', PAGE)).toBeNull();
  });

  it('keeps only our tags (not Next’s implicit path tags), ignores revalidateTag, and keeps no data or image entries', async () => {
    const heard = hearing();
    const handler = new PageCacheHandler({ store: storeFor(newPrefix()), freshness: heard });
    await handler.set('/cached/home/index', renderedPage([PAGE_TAGS.home, `rendered-at:${Date.now() - 5_000}`]));
    heard.changed(['_N_T_/layout']);
    await handler.revalidateTag();
    expect(await handler.get('/cached/home/index', PAGE)).not.toBeNull();

    await handler.set('fetch-key', { kind: 'FETCH', headers: {} });
    expect(await handler.get('fetch-key', { kind: 'FETCH' })).toBeNull();
  });

  it('keeps the pages of different builds apart', async () => {
    const store = storeFor(newPrefix());
    const older = new PageCacheHandler({ store, freshness: hearing(), serverDistDir: '/nonexistent/build-a/server' });
    await older.set('/cached/home/index', renderedPage([PAGE_TAGS.home]));
    // The same directory (hence build id) sees it; it is keyed by the build, so a new build starts empty.
    expect(
      await new PageCacheHandler({ store, freshness: hearing(), serverDistDir: '/nonexistent/build-a/server' }).get(
        '/cached/home/index',
        PAGE,
      ),
    ).not.toBeNull();
  });

  it.runIf(shared)('shares pages between servers, each judging freshness by what it heard from the database', async () => {
    const prefix = newPrefix();
    const [heardByFirst, heardBySecond] = [hearing(), hearing()];
    const first = new PageCacheHandler({ store: storeFor(prefix), freshness: heardByFirst });
    const second = new PageCacheHandler({ store: storeFor(prefix), freshness: heardBySecond });
    await first.set('/cached/asks/shared', renderedPage([PAGE_TAGS.ask('shared'), `rendered-at:${Date.now() - 5_000}`]));
    expect(await second.get('/cached/asks/shared', PAGE)).not.toBeNull();

    // The database tells every server; each renders the page again.
    heardByFirst.changed([PAGE_TAGS.ask('shared')]);
    heardBySecond.changed([PAGE_TAGS.ask('shared')]);
    expect(await first.get('/cached/asks/shared', PAGE)).toBeNull();
    expect(await second.get('/cached/asks/shared', PAGE)).toBeNull();

    // Another prefix (another app, or another test) keeps its own pages.
    expect(await new PageCacheHandler({ store: storeFor(newPrefix()), freshness: hearing() }).get('/cached/asks/shared', PAGE)).toBeNull();
  });
});

describe('when Redis cannot be reached', () => {
  it('serves nothing from the cache and never throws, so pages render per request', async () => {
    const store = new RedisPageStore('redis://127.0.0.1:1', `halfhour-test:${randomUUID()}:`);
    const handler = new PageCacheHandler({ store, freshness: hearing() });
    const errors = console.error;
    console.error = () => undefined; // it says so once; not here
    try {
      await handler.set('/cached/home/index', renderedPage([PAGE_TAGS.home]));
      expect(await handler.get('/cached/home/index', PAGE)).toBeNull();
    } finally {
      console.error = errors;
      await store.close();
    }
  });
});

describe('which requests get a cached page', () => {
  const params = (text: string) => new URLSearchParams(text);

  const rewriteOf = async (path: string, headers: Record<string, string> = {}) => {
    const response = await proxy(new NextRequest(new URL(path, 'http://127.0.0.1:3000'), { headers }));
    return {
      key: response.headers.get(`x-middleware-request-${BROWSE_KEY_HEADER}`) ?? undefined,
      returnTo: response.headers.get(`x-middleware-request-${RETURN_PATH_HEADER}`) ?? undefined,
      dashboard: response.headers.get(`x-middleware-request-${DASHBOARD_KEY_HEADER}`) ?? undefined,
    };
  };

  it('sends the public pages to their cached twins (next.config rewrites), and filtered lists by their key', async () => {
    const destinations = cachedPageRewrites().map((rewrite) => rewrite.destination);
    expect(destinations).toEqual(
      expect.arrayContaining([
        '/cached/home/index',
        '/cached/browse/all',
        '/cached/browse/:key',
        '/cached/asks/:key',
        '/cached/projects/:key',
        '/cached/signin/index',
      ]),
    );
    expect((await rewriteOf('/asks?region=LONDON')).key).toBe(browseKey(params('region=LONDON')));
    // A header the client sent under that name is dropped, never used to pick a twin.
    expect((await rewriteOf('/asks?foo=bar', { [BROWSE_KEY_HEADER]: 'cmVnaW9uPUxPTkRPTg' })).key).toBe('all');
    expect((await rewriteOf('/asks?q=budget', { [BROWSE_KEY_HEADER]: 'cmVnaW9uPUxPTkRPTg' })).key).toBeUndefined();
    // The twins' own addresses are not public: that rule comes first, before any rewrite to a twin.
    expect(cachedPageRewrites()[0]).toEqual({ source: '/cached/:path*', destination: '/cached' });
  });

  it('hands a signed-out sign-in’s return path to the cached form, the one in its address', async () => {
    const signIn = cachedPageRewrites().find((rewrite) => rewrite.source === '/signin');
    // Every signed-out sign-in is the cached page, except one with a notice.
    expect(signIn?.missing).toContainEqual({ type: 'query', key: 'error' });
    expect(signIn?.missing).not.toContainEqual({ type: 'query', key: 'callbackUrl' });
    expect((await rewriteOf(`/signin?callbackUrl=${encodeURIComponent('/invites/abc?x=1')}`)).returnTo).toBe(
      encodeURIComponent('/invites/abc?x=1'),
    );
    expect((await rewriteOf('/signin?callbackUrl=%2Fdashboard', { [RETURN_PATH_HEADER]: '%2Fadmin' })).returnTo).toBe('%2Fdashboard');
    expect((await rewriteOf('/asks?region=LONDON', { [RETURN_PATH_HEADER]: '%2Fadmin' })).returnTo).toBeUndefined();
    // Longer than the form allows: left out (the default applies), not cut, which could split a character.
    const long = `/${'a'.repeat(1998)}${encodeURIComponent('😀')}`;
    expect((await rewriteOf(`/signin?callbackUrl=${long}`)).returnTo).toBeUndefined();
    // The proxy also runs for a server action's post to that address (the first visitor to an uncached copy
    // has scripts, and posts to the per-request page): its matcher must not leave those out.
    expect(proxyRunsFor('/signin?callbackUrl=%2Fdashboard', { 'next-action': 'abc' })).toBe(true);
  });

  it('gives a signed-in person’s plain /dashboard their cached page’s key, and never a key a client sent', async () => {
    const person = await createVolunteer(db, { onboardedAt: new Date() });
    const token = `proxy-${person.id}`;
    await db.session.create({ data: { sessionToken: token, userId: person.id, expires: new Date(Date.now() + 86_400_000) } });
    const cookie = { cookie: `next-auth.session-token=${token}` };
    const key = (await rewriteOf('/dashboard', cookie)).dashboard;
    expect(key?.startsWith(`${person.id}.`)).toBe(true);
    // Made up by a client: dropped, with or without a session.
    expect((await rewriteOf('/dashboard', { [DASHBOARD_KEY_HEADER]: key! })).dashboard).toBeUndefined();
    expect((await rewriteOf('/dashboard', { ...cookie, [DASHBOARD_KEY_HEADER]: 'someone.1.else' })).dashboard).toBe(key);
    // A notice, or a server action with JavaScript, is the per-request page's.
    expect((await rewriteOf('/dashboard?notice=left-organisation', cookie)).dashboard).toBeUndefined();
    expect((await rewriteOf('/dashboard', { ...cookie, 'next-action': 'abc' })).dashboard).toBeUndefined();
    // A client-side navigation (RSC request) too, by the rewrite's condition: Next strips RSC headers before the proxy.
    const dashboardRewrite = cachedPageRewrites().find((rewrite) => rewrite.source === '/dashboard');
    expect(dashboardRewrite?.missing).toEqual(expect.arrayContaining([{ type: 'header', key: 'rsc' }]));
    expect((await rewriteOf('/dashboard', { cookie: 'next-auth.session-token=nobody' })).dashboard).toBeUndefined();
    // In any case: Next's rewrites ignore case, so /DASHBOARD would reach the rewrite too.
    expect((await rewriteOf('/DashBoard', { [DASHBOARD_KEY_HEADER]: key! })).dashboard).toBeUndefined();
    expect((await rewriteOf('/DASHBOARD', cookie)).dashboard).toBe(key);
    // A client-side navigation or prefetch costs no statement.
    expect((await rewriteOf('/dashboard', { ...cookie, 'sec-fetch-mode': 'cors' })).dashboard).toBeUndefined();
    expect((await rewriteOf('/dashboard', { ...cookie, 'sec-fetch-mode': 'navigate' })).dashboard).toBe(key);
  });

  it('keeps a text search per request', () => {
    expect(browseKey(params('q=budget&region=LONDON'))).toBeUndefined();
    // An empty search is no search.
    expect(browseKey(params('q=+&region=LONDON'))).toBe(browseKey(params('region=LONDON')));
  });

  it('gives one key to every spelling of the same filters, and a different key to different filters', () => {
    const key = browseKey(params('medium=PHONE&region=LONDON&medium=VIDEO&sort=newest&utm_source=x'));
    expect(key).toBe(browseKey(params('region=LONDON&medium=VIDEO&medium=PHONE')));
    expect(key).not.toBe(browseKey(params('region=LONDON&medium=VIDEO')));
    expect(browseKey(params('sort=newest'))).toBe('all');
    expect(Object.fromEntries(browseParams(key!)!)).toEqual({ medium: 'PHONE', region: 'LONDON' });
    // Only keys the proxy makes: another spelling of the same query would be a second copy of the page.
    expect(browseParams(Buffer.from('region=LONDON&medium=VIDEO&medium=PHONE').toString('base64url'))).toBeUndefined();
    expect(browseParams('not/a/key')).toBeUndefined();
  });
});

describe('the app’s own writes reach the pages they change (its mutations and sweeps, through the database)', () => {
  let admin: Awaited<ReturnType<typeof createUser>>;
  let staff: Awaited<ReturnType<typeof createUser>>;
  let organisationId: string;
  let listener: PageChangeListener;
  const heard = new Freshness();

  beforeAll(async () => {
    admin = await createUser(db, { role: 'ADMIN' });
    staff = await createUser(db);
    organisationId = (await createOrganisation(db)).id;
    await db.membership.create({ data: { userId: staff.id, organisationId, role: 'OWNER' } });
    listener = await listenForPageChanges(appDatabase()!, heard);
    for (let tries = 0; !heard.hearing && tries < 250; tries++) await pause(20);
  });
  afterAll(() => listener?.stop());

  /** Of the tags asked about, those that changed after `write` began, within two seconds of it. */
  async function changedBy(write: () => Promise<unknown>, tags: string[], expected: number): Promise<string[]> {
    await pause(300); // past the clock allowance of what came before
    const renderedAt = Date.now();
    await write();
    const changed = () => tags.filter((tag) => heard.isStale({ renderedAt, tags: [tag] }));
    for (let waited = 0; changed().length < expected && waited < 2_000; waited += 20) await pause(20);
    await pause(100); // and nothing more arrives
    return changed();
  }

  it('approving an ask reaches its page (a cached "not found"), its project, the lists and the home page', async () => {
    const project = await db.project.create({ data: { organisationId, createdById: staff.id, title: 'A bid in stages' } });
    const ask = await createAsk(db, organisationId, { status: 'PENDING_REVIEW', publishedAt: null, projectId: project.id, stage: 1 });
    const other = await createAsk(db, organisationId);
    const tags = [PAGE_TAGS.ask(ask.id), PAGE_TAGS.askLists, PAGE_TAGS.home, PAGE_TAGS.project(project.id)];
    const changed = await changedBy(
      async () => expect((await approveAsk(admin, ask.id)).ok).toBe(true),
      [...tags, PAGE_TAGS.ask(other.id)],
      4,
    );
    expect(changed.sort()).toEqual(tags.sort());
  });

  it('withdrawing an ask reaches it; a refused withdrawal reaches nothing', async () => {
    const ask = await createAsk(db, organisationId);
    expect(
      await changedBy(
        async () => expect((await withdrawAsk(staff, ask.id, {})).ok).toBe(true),
        [PAGE_TAGS.ask(ask.id), PAGE_TAGS.askLists],
        2,
      ),
    ).toHaveLength(2);
    expect(await changedBy(async () => expect((await withdrawAsk(staff, ask.id, {})).ok).toBe(false), [PAGE_TAGS.ask(ask.id)], 0)).toEqual(
      [],
    );
  });

  it('verifying an organisation reaches its asks, published at that moment', async () => {
    const pending = await createOrganisation(db, { status: 'PENDING_VERIFICATION' });
    const ask = await createAsk(db, pending.id, { publishedAt: null });
    const tags = [PAGE_TAGS.ask(ask.id), PAGE_TAGS.askLists, PAGE_TAGS.home];
    expect(await changedBy(async () => expect(await verifyOrganisation(admin, pending.id)).toBe(true), tags, 3)).toHaveLength(3);
  });

  it('withdrawing an offer reaches the ask it was made to (its count of offers)', async () => {
    const ask = await createAsk(db, organisationId);
    const volunteer = await createVolunteer(db);
    const offer = await createOffer(db, ask.id, volunteer.id);
    const tags = [PAGE_TAGS.ask(ask.id), PAGE_TAGS.askLists];
    expect(await changedBy(async () => expect((await withdrawOffer(volunteer, offer.id)).ok).toBe(true), tags, 2)).toHaveLength(2);
  });

  it('the expiry sweep (a job) reaches the asks it closes, and only those', async () => {
    const overdue = await createAsk(db, organisationId, { deadline: new Date(Date.now() - 60_000) });
    const current = await createAsk(db, organisationId);
    const changed = await changedBy(
      async () => expect((await expireOverdueAsks(db)).expired).toContain(overdue.id),
      [PAGE_TAGS.ask(overdue.id), PAGE_TAGS.ask(current.id), PAGE_TAGS.askLists],
      2,
    );
    expect(changed).toEqual([PAGE_TAGS.ask(overdue.id), PAGE_TAGS.askLists]);
  });
});
