// The home page's figures as the page gets them (lib/metrics/queries.ts getHomeFigures): counted at most once a
// minute by each server, since each is a count over a whole table and the page is rendered again on every approval.
import { afterEach, describe, expect, it, vi } from 'vitest';
import { clearDataCache } from '@/lib/cache/data-cache';
import { freshness } from '@/lib/cache/freshness';
import { db } from '@/lib/db';
import { getHomeFigures, getPublicCounts, HOME_FIGURES_MAX_AGE_MS } from '@/lib/metrics/queries';
import { createAsk, createOrganisation } from '../support/factories';
import { hearPageChanges } from '../support/page-changes';

// lib/cache/data-cache.ts keeps a value only while this process hears the database, as instrumentation.ts has it.
hearPageChanges(freshness());

afterEach(() => {
  vi.useRealTimers();
});

describe('the home page’s figures', () => {
  it('are the exact counts, kept for a minute through writes, then counted again', async () => {
    clearDataCache();
    const organisation = await createOrganisation(db, { status: 'VERIFIED' });
    await createAsk(db, organisation.id, { organisationVerified: true });
    const first = await getHomeFigures();
    expect(first).toEqual(await getPublicCounts());
    expect(first.openAsks).toBe(1);

    // A second ask is listed: the figures a moment later are the ones kept, not read again.
    await createAsk(db, organisation.id, { organisationVerified: true });
    expect(await getHomeFigures()).toBe(first);

    // A minute on, they are counted again.
    vi.useFakeTimers({ toFake: ['Date'], now: Date.now() + HOME_FIGURES_MAX_AGE_MS + 1 });
    const later = await getHomeFigures();
    expect(later).not.toBe(first);
    expect(later.openAsks).toBe(2);
  });
});
