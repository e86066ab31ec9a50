// Hearing the test file's database as an app server does (lib/cache/listener.ts, docs/decisions/0024), for tests
// that check a committed write makes the pages and results showing it stale: on a PostgreSQL server over a
// connection of its own, on the embedded engine through PGlite's own listen.
import { afterAll, beforeAll } from 'vitest';
import { Freshness } from '@/lib/cache/freshness';
import { listenForPageChanges, type PageChangeListener } from '@/lib/cache/listener';
import { appDatabase } from '@/lib/db';

/** A notification arrives a moment after its commit; past this, it was lost. */
export const HEARD_WITHIN_MS = 2_000;
/** Longer than Freshness's clock allowance (250 ms): a render that begins after this wait counts as after a change heard before it. */
export const PAST_CLOCK_ALLOWANCE_MS = 300;

export const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Whether `check` holds within `withinMs`, asked every 20 ms. */
export async function until(check: () => boolean | Promise<boolean>, withinMs = HEARD_WITHIN_MS): Promise<boolean> {
  const deadline = Date.now() + withinMs;
  for (;;) {
    if (await check()) return true;
    if (Date.now() >= deadline) return false;
    await pause(20);
  }
}

/**
 * Starts listening to this file's database (either engine), noting what it hears in `target`; settles once it
 * hears, past the clock allowance, so a render begun then is not stale for having begun too early.
 */
export async function hear(target: Freshness): Promise<PageChangeListener> {
  const database = appDatabase();
  if (!database) throw new Error('hear: lib/db opened no database of its own');
  const listener = await listenForPageChanges(database, target);
  if (!(await until(() => target.hearing, 10_000))) {
    await listener.stop();
    throw new Error('hear: the listener never connected');
  }
  await pause(PAST_CLOCK_ALLOWANCE_MS);
  return listener;
}

/**
 * Listens to this file's database from before its tests to after them (hear), noting what it hears in `target`:
 * a record of one's own, or the process's `freshness()` for code that reads that.
 */
export function hearPageChanges(target: Freshness = new Freshness()): Freshness {
  let listener: PageChangeListener | undefined;
  beforeAll(async () => {
    listener = await hear(target);
  });
  // Before tests/support/integration-setup.ts drops the database (after hooks run last-registered first).
  afterAll(async () => {
    await listener?.stop();
  });
  return target;
}
