// Races settled by the database, proven with parallel calls of the lib functions the server actions use:
// fifty colleagues accepting fifty different offers on one ask at once, two asks booking one volunteer
// at overlapping times, and one volunteer at capacity offering on two asks at once. Every loser gets a
// clear message (ok: false) and nobody sees an exception.
import { beforeAll, describe, expect, it } from 'vitest';
import { appDatabase, db } from '@/lib/db';
import { acceptOffer, makeOffer } from '@/lib/offers/mutations';
import { addDays, dateInZone } from '@/lib/time-zones';
import { createOffer, createUser } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { addMember, createAskBy, createCharity } from '../support/meeting-factories';

withJobQueue();

type User = Awaited<ReturnType<typeof createUser>>;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const LONDON = 'Europe/London';
const OFFERS = 50;
// Ten runs on PostgreSQL, where the transactions truly run at once; the embedded engine has one
// connection, so a couple of runs there prove the same code is right on it too.
const RUNS = appDatabase()?.engine === 'postgres' ? 10 : 2;

let org: { id: string };
let staff: User[];

async function volunteer(capacity = 3) {
  return createUser(db, {
    name: 'Racing Volunteer',
    volunteerProfile: {
      create: { headline: 'Helps', bio: 'Helps in races.', media: ['VIDEO'], monthlyCapacity: capacity, timeZone: LONDON },
    },
  });
}

function openAsk() {
  return createAskBy(db, org.id, staff[0]!.id, { media: ['VIDEO'], timeZone: LONDON, durationMinutes: 30 });
}

/** An offer with one proposed time, written directly: the race is in accepting it. */
async function offerAt(askId: string, volunteerId: string, startsAt: Date) {
  const offer = await createOffer(db, askId, volunteerId, {
    times: { create: [{ startsAt, endsAt: new Date(startsAt.getTime() + 30 * 60_000) }] },
  });
  const time = await db.offerTime.findFirstOrThrow({ where: { offerId: offer.id } });
  return { offerId: offer.id, timeId: time.id };
}

/** Runs every call at once; fails the test if any of them threw instead of answering. */
async function allAnswer<T>(calls: Array<() => Promise<T>>): Promise<T[]> {
  const settled = await Promise.allSettled(calls.map((call) => call()));
  const thrown = settled.filter((result) => result.status === 'rejected');
  expect(thrown.map((result) => String((result as PromiseRejectedResult).reason))).toEqual([]);
  return settled.map((result) => (result as PromiseFulfilledResult<T>).value);
}

beforeAll(async () => {
  const charity = await createCharity(db);
  org = charity.organisation;
  staff = [charity.owner];
  for (let index = 0; index < 9; index += 1) staff.push(await addMember(db, org.id, { name: `Colleague ${index}` }));
});

describe('racing to accept offers', () => {
  it(`${OFFERS} accepts of ${OFFERS} different offers on one ask leave one accepted offer and one meeting, every one of ${RUNS} runs`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const ask = await openAsk();
      const base = Date.now() + 3 * DAY;
      const offers = [];
      for (let index = 0; index < OFFERS; index += 1) {
        const person = await volunteer();
        offers.push(await offerAt(ask.id, person.id, new Date(base + index * HOUR)));
      }

      const results = await allAnswer(
        offers.map(
          ({ offerId, timeId }, index) =>
            () =>
              acceptOffer(staff[index % staff.length]!, offerId, { timeId }),
        ),
      );

      const winners = results.filter((result) => result.ok);
      expect(winners, `run ${run}`).toHaveLength(1);
      for (const loser of results.filter((result) => !result.ok)) {
        expect(loser).toMatchObject({ ok: false, formError: expect.stringMatching(/already been matched/) });
      }
      const statuses = await db.offer.groupBy({ by: ['status'], where: { askId: ask.id }, _count: { _all: true } });
      expect(Object.fromEntries(statuses.map((row) => [row.status, row._count._all]))).toEqual({ ACCEPTED: 1, DECLINED: OFFERS - 1 });
      const meetings = await db.meeting.findMany({ where: { askId: ask.id } });
      expect(meetings).toHaveLength(1);
      const accepted = await db.offer.findFirstOrThrow({ where: { askId: ask.id, status: 'ACCEPTED' } });
      expect(meetings[0]!.offerId).toBe(accepted.id);
      if (winners[0]?.ok) expect(winners[0].data.meetingId).toBe(meetings[0]!.id);
      expect(await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).toMatchObject({ status: 'MATCHED' });
      // Each declined volunteer is told once.
      const declined = await db.offer.findMany({ where: { askId: ask.id, status: 'DECLINED' }, select: { id: true } });
      expect(await db.emailOutbox.count({ where: { dedupeKey: { in: declined.map((offer) => `offer-declined:${offer.id}`) } } })).toBe(
        OFFERS - 1,
      );
    }
  });

  it('two asks booking one volunteer at overlapping times give one meeting and a clear message', async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const person = await volunteer();
      const first = await openAsk();
      const second = await openAsk();
      const startsAt = new Date(Date.now() + (5 + run) * DAY);
      const a = await offerAt(first.id, person.id, startsAt);
      // Fifteen minutes later: the two half-hour sessions overlap.
      const b = await offerAt(second.id, person.id, new Date(startsAt.getTime() + 15 * 60_000));

      const results = await allAnswer([
        () => acceptOffer(staff[0]!, a.offerId, { timeId: a.timeId }),
        () => acceptOffer(staff[1]!, b.offerId, { timeId: b.timeId }),
      ]);
      expect(
        results.filter((result) => result.ok),
        `run ${run}`,
      ).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({ ok: false, formError: expect.stringMatching(/overlaps this time/) });
      expect(await db.meeting.count({ where: { volunteerId: person.id } })).toBe(1);
      // The loser's transaction left nothing behind: its ask still open, its offer still waiting.
      const loserAsk = results[0]!.ok ? second.id : first.id;
      expect(await db.ask.findUniqueOrThrow({ where: { id: loserAsk } })).toMatchObject({ status: 'OPEN' });
      expect(await db.offer.findFirstOrThrow({ where: { askId: loserAsk } })).toMatchObject({ status: 'PENDING' });
    }
  });
});

describe('racing to offer', () => {
  it('a volunteer with room for one more offering on two asks at once gets exactly one offer', async () => {
    const inDays = (days: number) => addDays(dateInZone(new Date(), LONDON), days);
    const form = {
      message: 'I have done exactly this for three other charities and would be glad to help.',
      medium: 'VIDEO',
      time1Date: inDays(3),
      time1Time: '10:00',
      time2Date: inDays(4),
      time2Time: '10:00',
    };
    for (let run = 0; run < RUNS; run += 1) {
      const person = await volunteer(1);
      const asks = [await openAsk(), await openAsk()];
      const results = await allAnswer(asks.map((ask) => () => makeOffer(person, ask.id, form)));
      expect(
        results.filter((result) => result.ok),
        `run ${run}`,
      ).toHaveLength(1);
      expect(results.find((result) => !result.ok)).toMatchObject({
        ok: false,
        formError: expect.stringMatching(/reached your limit of 1 session a month/),
      });
      expect(await db.offer.count({ where: { volunteerId: person.id } })).toBe(1);
    }
  });
});
