// Hearing from the database which cached pages a committed write changed (docs/decisions/0024). Triggers on
// every table a cached page reads send the tags of the pages showing a changed row on the channel below
// (migration 20261207123000_page_changes); PostgreSQL delivers them when the write commits. Every app server
// listens, from instrumentation.ts, and notes the changes in lib/cache/freshness.ts. While it cannot listen,
// nothing is served from the cache; once it listens again, nothing rendered before counts.
import type { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { DatabaseClient } from '@/lib/database/client';
import { freshness, type Freshness } from './freshness';

/** The channel the triggers notify (notify_page_tags in the migration). */
export const PAGE_CHANGES_CHANNEL = 'halfhour_cache';
/** How often a server's listening connection is checked: a connection can die without a word (a host gone). */
const HEARTBEAT_MS = 5_000;
/** How long a check or a connection attempt may take before the connection counts as lost. */
const CHECK_TIMEOUT_MS = 3_000;
/** The most a reconnection waits between attempts. */
const MAX_RETRY_MS = 2_000;

export interface PageChangeListener {
  stop(): Promise<void>;
}

/** The tags in one notification: space-separated (tags hold no spaces). */
export function tagsOf(payload: string | undefined): string[] {
  return payload ? payload.split(' ').filter(Boolean) : [];
}

/** Listens on a PostgreSQL server over a connection of its own, connecting again whenever it is lost. */
export function listenOnServer(databaseUrl: string, target: Freshness = freshness()): PageChangeListener {
  let stopped = false;
  let current: pg.Client | undefined;
  let heartbeat: NodeJS.Timeout | undefined;
  let retry: NodeJS.Timeout | undefined;
  let attempts = 0;

  const lost = (client: pg.Client, error?: unknown) => {
    if (client !== current) return; // already handled (an error is followed by an end)
    current = undefined;
    target.stoppedHearing();
    clearInterval(heartbeat);
    client.end().catch(() => undefined);
    if (stopped) return;
    if (attempts === 0)
      console.error('Page cache: lost the database’s change notifications; pages render per request until they are back.', error);
    retry = setTimeout(connect, Math.min(100 * 2 ** attempts++, MAX_RETRY_MS));
  };

  const connect = async () => {
    const client = new pg.Client({
      connectionString: databaseUrl,
      connectionTimeoutMillis: CHECK_TIMEOUT_MS,
      query_timeout: CHECK_TIMEOUT_MS,
    });
    current = client;
    client.on('notification', (message) => {
      if (message.channel === PAGE_CHANGES_CHANNEL) target.changed(tagsOf(message.payload));
    });
    client.on('error', (error) => lost(client, error));
    client.on('end', () => lost(client));
    try {
      await client.connect();
      await client.query(`LISTEN ${PAGE_CHANGES_CHANNEL}`);
    } catch (error) {
      lost(client, error);
      return;
    }
    if (stopped || client !== current) return;
    attempts = 0;
    target.startedHearing();
    heartbeat = setInterval(() => client.query('SELECT 1').catch((error: unknown) => lost(client, error)), HEARTBEAT_MS);
    heartbeat.unref();
  };

  void connect();
  return {
    async stop() {
      stopped = true;
      clearTimeout(retry);
      clearInterval(heartbeat);
      const client = current;
      current = undefined;
      target.stoppedHearing();
      await client?.end().catch(() => undefined);
    },
  };
}

/** Listens on the embedded database (one connection, in this process: it never drops). */
export async function listenOnEmbedded(pglite: PGlite, target: Freshness = freshness()): Promise<PageChangeListener> {
  const unsubscribe = await pglite.listen(PAGE_CHANGES_CHANNEL, (payload) => target.changed(tagsOf(payload)));
  target.startedHearing();
  return {
    async stop() {
      target.stoppedHearing();
      await unsubscribe();
    },
  };
}

/** Starts hearing the app's database, whichever engine it is (on a server, at `listenUrl` when given: DATABASE_LISTEN_URL). */
export async function listenForPageChanges(
  database: DatabaseClient,
  target: Freshness = freshness(),
  listenUrl?: string,
): Promise<PageChangeListener> {
  await database.ready;
  if (database.pglite) return listenOnEmbedded(database.pglite, target);
  const url = listenUrl ?? database.databaseUrl;
  if (!url) throw new Error('listenForPageChanges: a database server needs its address');
  return listenOnServer(url, target);
}
