// What anonymous visitors can read: the lib functions the public pages call, on the seeded demo.
import { beforeAll, describe, expect, it } from 'vitest';
import { ASKS_PER_PAGE, searchOpenAsks } from '@/lib/asks/browse';
import { parseBrowseQuery } from '@/lib/asks/browse-query';
import { getPublicAsk, listLatestOpenAsks } from '@/lib/asks/queries';
import { db } from '@/lib/db';
import { getPublicCounts } from '@/lib/metrics/queries';
import { seedDatabase } from '@/prisma/seed/seed-database';
import { createAsk, createOrganisation } from '../support/factories';

const TODAY = new Date('2026-06-15T12:00:00Z');

beforeAll(async () => {
  await seedDatabase(db, TODAY);
});

describe('the public list of open asks', () => {
  const firstPage = (params: Record<string, string> = {}, now = TODAY) => searchOpenAsks(parseBrowseQuery(params), null, now);

  it('lists open asks from verified organisations, newest first', async () => {
    const page = await firstPage();

    expect(page.count).toEqual({ value: 12, capped: false });
    expect(page.asks).toHaveLength(12);
    const published = page.asks.map((ask) => ask.publishedAt!.getTime());
    expect(published).toEqual([...published].sort((a, b) => b - a));
    const statuses = await db.ask.findMany({ where: { id: { in: page.asks.map((a) => a.id) } }, select: { status: true } });
    expect(new Set(statuses.map((row) => row.status))).toEqual(new Set(['OPEN']));
  });

  it('leaves out asks whose deadline has passed, even before the expiry sweep marks them', async () => {
    const inThreeWeeks = new Date(TODAY.getTime() + 21 * 86_400_000);
    const page = await firstPage({}, inThreeWeeks);
    expect(page.count.value).toBeLessThan(12);
    for (const ask of page.asks) expect(ask.deadline.getTime()).toBeGreaterThan(inThreeWeeks.getTime());
  });

  it('filters by skill category', async () => {
    const finance = await firstPage({ category: 'finance' });
    expect(finance.asks.map((ask) => ask.id)).toEqual(['ask-dementia-restricted-funds']);
    expect((await firstPage({ category: 'no-such-category' })).count.value).toBe(0);
  });

  it('pages through many asks by cursor', async () => {
    const org = await createOrganisation(db);
    for (let i = 0; i < ASKS_PER_PAGE + 5; i += 1) {
      await createAsk(db, org.id, {
        title: `Bulk ask ${i}`,
        publishedAt: new Date(TODAY.getTime() - i * 60_000),
        deadline: new Date(TODAY.getTime() + 7 * 86_400_000),
      });
    }
    const first = await firstPage();
    const second = await searchOpenAsks({ ...parseBrowseQuery({}), page: { kind: 'after', cursor: first.next! } }, null, TODAY);
    const last = await firstPage({ page: 'last' });

    expect(first.count.value).toBe(12 + ASKS_PER_PAGE + 5);
    expect(first.asks).toHaveLength(ASKS_PER_PAGE);
    expect(second.asks).toHaveLength(17);
    expect(second.next).toBeUndefined();
    expect(last.asks.map((ask) => ask.id)).toEqual([...first.asks, ...second.asks].slice(-ASKS_PER_PAGE).map((ask) => ask.id));
    expect(new Set([...first.asks, ...second.asks].map((ask) => ask.id)).size).toBe(first.count.value);
    await db.organisation.delete({ where: { id: org.id } }); // asks go with it
  });

  it('shows the newest four on the home page', async () => {
    const latest = await listLatestOpenAsks(4, TODAY);
    const page = await firstPage();
    expect(latest.map((ask) => ask.id)).toEqual(page.asks.slice(0, 4).map((ask) => ask.id));
  });
});

describe('one ask, as the public sees it', () => {
  it('shows open, matched and completed asks', async () => {
    for (const id of ['ask-harbour-gift-aid-tins', 'ask-cashbook-excel', 'ask-secondchapter-xero']) {
      expect((await getPublicAsk(id))?.id).toBe(id);
    }
  });

  it('hides drafts, asks under review, sent back, rejected, withdrawn or expired, and asks of unverified organisations', async () => {
    const hidden = [
      'ask-lottery-opening-paragraph', // draft
      'ask-brightside-safeguarding-trips', // pending review
      'ask-kinship-trustees', // changes requested
      'ask-canalarts-print-sales', // rejected
      'ask-secondchapter-instagram', // withdrawn
      'ask-riverside-polytunnel-crowdfunder', // expired
      'ask-paws-foster-carers', // organisation not yet verified
      'no-such-ask',
    ];
    for (const id of hidden) expect(await getPublicAsk(id), id).toBeNull();
  });

  it('hides an open ask once its organisation is suspended', async () => {
    const org = await createOrganisation(db, { status: 'SUSPENDED' });
    const ask = await createAsk(db, org.id);
    expect(await getPublicAsk(ask.id)).toBeNull();
    await db.organisation.delete({ where: { id: org.id } });
  });

  it('lists only the public stages of its project', async () => {
    const ask = await getPublicAsk('ask-lottery-difference-question');
    expect(ask?.project?.asks.map((stage) => stage.id)).toEqual(['ask-lottery-should-we-apply', 'ask-lottery-difference-question']);
  });
});

describe('the home page figures', () => {
  it('counts open asks, active volunteers, verified organisations and time given', async () => {
    const counts = await getPublicCounts(TODAY);
    // The demo's stories, plus the sessions of the twelve weeks of history (prisma/seed/history.ts).
    const history = await db.meeting.findMany({ where: { status: 'HELD', id: { startsWith: 'meeting-history-' } } });
    expect(history.length).toBeGreaterThan(30);
    expect(counts).toEqual({
      openAsks: 12,
      volunteers: 39, // 41 profiles, 2 paused
      organisations: 10,
      sessionsHeld: 7 + history.length,
      minutesGiven:
        30 +
        30 +
        45 +
        30 +
        30 +
        30 +
        45 +
        history.reduce((sum, meeting) => sum + (meeting.endsAt.getTime() - meeting.startsAt.getTime()) / 60_000, 0),
    });
  });
});
