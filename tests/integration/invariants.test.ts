// The marketplace's race-prone rules are enforced by the database itself, on both engines.
// Each test also removes the constraint inside a rolled-back transaction and shows the same write
// then succeeds: proof that the constraint, and nothing else, is what refuses it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseClient } from '@/lib/database/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { testEngines } from '../support/engines';
import { createAsk, createMeeting, createOffer, createOrganisation, createUser, createVolunteer } from '../support/factories';

class Rollback extends Error {}

/** Drops the constraint(s), tries `write`, then rolls everything back. Resolves to whether the write succeeded. */
async function succeedsWithout(
  client: DatabaseClient,
  dropStatements: string[],
  write: (tx: Prisma.TransactionClient) => Promise<unknown>,
): Promise<boolean> {
  let succeeded = false;
  await client.db
    .$transaction(async (tx) => {
      for (const statement of dropStatements) await tx.$executeRawUnsafe(statement);
      await write(tx);
      succeeded = true;
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return succeeded;
}

const at = (iso: string) => new Date(iso);

describe.each(testEngines())('database invariants on the $name engine', (engine) => {
  let client: DatabaseClient;

  beforeAll(() => {
    client = engine.open();
  });
  afterAll(async () => {
    await client.close();
  });

  it('accepts at most one offer per ask, even when several are accepted at once', async () => {
    const { db } = client;
    const org = await createOrganisation(db);
    const ask = await createAsk(db, org.id);
    const offers = [];
    for (let i = 0; i < 5; i += 1) offers.push(await createOffer(db, ask.id, (await createVolunteer(db)).id));

    const results = await Promise.allSettled(
      offers.map((offer) => db.offer.update({ where: { id: offer.id }, data: { status: 'ACCEPTED' } })),
    );

    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await db.offer.count({ where: { askId: ask.id, status: 'ACCEPTED' } })).toBe(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(String((refused as PromiseRejectedResult).reason)).toMatch(/Unique constraint failed/);

    const stillPending = await db.offer.findFirstOrThrow({ where: { askId: ask.id, status: 'PENDING' } });
    expect(
      await succeedsWithout(client, ['DROP INDEX "Offer_one_accepted_per_ask"'], (tx) =>
        tx.offer.update({ where: { id: stillPending.id }, data: { status: 'ACCEPTED' } }),
      ),
    ).toBe(true);
  });

  it('keeps one offer per volunteer per ask', async () => {
    const { db } = client;
    const org = await createOrganisation(db);
    const ask = await createAsk(db, org.id);
    const volunteer = await createVolunteer(db);
    await createOffer(db, ask.id, volunteer.id);

    await expect(createOffer(db, ask.id, volunteer.id, { message: 'Me again!' })).rejects.toThrow(/Unique constraint failed/);
    expect(await db.offer.count({ where: { askId: ask.id } })).toBe(1);
    expect(
      await succeedsWithout(client, ['DROP INDEX "Offer_askId_volunteerId_key"'], (tx) =>
        createOffer(tx, ask.id, volunteer.id, { message: 'Me again!' }),
      ),
    ).toBe(true);
  });

  it('keeps one feedback per person per meeting', async () => {
    const { db } = client;
    const org = await createOrganisation(db);
    const ask = await createAsk(db, org.id, { status: 'COMPLETED' });
    const volunteer = await createVolunteer(db);
    const staff = await createUser(db);
    const meeting = await createMeeting(db, ask, volunteer.id, at('2026-03-02T10:00:00Z'), 30, { status: 'HELD' });
    const feedback = (rating: number) => ({ meetingId: meeting.id, authorId: staff.id, party: 'CHARITY' as const, rating });

    const both = await Promise.allSettled([db.feedback.create({ data: feedback(5) }), db.feedback.create({ data: feedback(4) })]);

    expect(both.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await db.feedback.count({ where: { meetingId: meeting.id } })).toBe(1);
    expect(
      await succeedsWithout(client, ['DROP INDEX "Feedback_meetingId_authorId_key"', 'DROP INDEX "Feedback_meetingId_party_key"'], (tx) =>
        tx.feedback.create({ data: feedback(3) }),
      ),
    ).toBe(true);
  });

  it('keeps one waiting move per meeting, even when both sides propose at once', async () => {
    const { db } = client;
    const org = await createOrganisation(db);
    const ask = await createAsk(db, org.id, { status: 'MATCHED' });
    const volunteer = await createVolunteer(db);
    const meeting = await createMeeting(db, ask, volunteer.id, at('2026-03-04T10:00:00Z'));
    const move = (party: 'CHARITY' | 'VOLUNTEER', hour: number) => ({
      meetingId: meeting.id,
      proposedByParty: party,
      startsAt: at(`2026-03-05T${hour}:00:00Z`),
      endsAt: at(`2026-03-05T${hour}:30:00Z`),
      previousStartsAt: meeting.startsAt,
    });

    const both = await Promise.allSettled([
      db.meetingReschedule.create({ data: move('CHARITY', 10) }),
      db.meetingReschedule.create({ data: move('VOLUNTEER', 11) }),
    ]);

    expect(both.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    expect(await db.meetingReschedule.count({ where: { meetingId: meeting.id, status: 'PENDING' } })).toBe(1);
    // Answered proposals are history: any number of them may sit beside the one waiting.
    await db.meetingReschedule.create({ data: { ...move('CHARITY', 12), status: 'DECLINED' } });
    expect(
      await succeedsWithout(client, ['DROP INDEX "MeetingReschedule_one_pending_per_meeting"'], (tx) =>
        tx.meetingReschedule.create({ data: move('CHARITY', 13) }),
      ),
    ).toBe(true);
  });

  it("refuses the charity's feedback without a rating, and allows the volunteer's", async () => {
    const { db } = client;
    const org = await createOrganisation(db);
    const ask = await createAsk(db, org.id, { status: 'COMPLETED' });
    const volunteer = await createVolunteer(db);
    const meeting = await createMeeting(db, ask, volunteer.id, at('2026-03-06T10:00:00Z'), 30, { status: 'HELD' });

    await expect(db.feedback.create({ data: { meetingId: meeting.id, party: 'CHARITY', thanks: 'Thank you' } })).rejects.toThrow();
    await db.feedback.create({ data: { meetingId: meeting.id, authorId: volunteer.id, party: 'VOLUNTEER', wellScoped: true } });
    expect(
      await succeedsWithout(client, ['ALTER TABLE "Feedback" DROP CONSTRAINT "Feedback_charity_rates"'], (tx) =>
        tx.feedback.create({ data: { meetingId: meeting.id, party: 'CHARITY', thanks: 'Thank you' } }),
      ),
    ).toBe(true);
  });

  describe('a volunteer cannot be booked into two meetings at once', () => {
    it('refuses an overlapping meeting, also when both are booked at the same moment', async () => {
      const { db } = client;
      const org = await createOrganisation(db);
      const [askA, askB] = [await createAsk(db, org.id), await createAsk(db, org.id)];
      const volunteer = await createVolunteer(db);

      const both = await Promise.allSettled([
        createMeeting(db, askA!, volunteer.id, at('2026-03-02T10:00:00Z'), 30),
        createMeeting(db, askB!, volunteer.id, at('2026-03-02T10:15:00Z'), 30),
      ]);

      expect(both.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      // Bare inserts skip the calendar lock bookMeeting takes, so on a server both may reach the index before
      // either checks it; PostgreSQL then aborts one as a deadlock (docs/decisions/0016), a refusal all the same.
      expect(String((both.find((r) => r.status === 'rejected') as PromiseRejectedResult).reason)).toMatch(
        /Meeting_no_overlap_per_volunteer|exclusion constraint|23P01|deadlock/,
      );
      expect(await db.meeting.count({ where: { volunteerId: volunteer.id } })).toBe(1);
      expect(
        await succeedsWithout(client, ['ALTER TABLE "Meeting" DROP CONSTRAINT "Meeting_no_overlap_per_volunteer"'], (tx) =>
          createMeeting(tx, askB!, volunteer.id, at('2026-03-02T10:15:00Z'), 30),
        ),
      ).toBe(true);
    });

    it('allows back-to-back meetings, other volunteers at the same time, and rebooking a cancelled slot', async () => {
      const { db } = client;
      const org = await createOrganisation(db);
      const ask = await createAsk(db, org.id);
      const [first, second] = [await createVolunteer(db), await createVolunteer(db)];

      const cancelled = await createMeeting(db, ask, first.id, at('2026-03-03T09:00:00Z'), 60, {
        status: 'CANCELLED',
      });
      await createMeeting(db, ask, first.id, at('2026-03-03T09:00:00Z'), 30);
      await createMeeting(db, ask, first.id, at('2026-03-03T09:30:00Z'), 30);
      await createMeeting(db, ask, second.id, at('2026-03-03T09:00:00Z'), 60);

      expect(await db.meeting.count({ where: { volunteerId: first.id, status: { not: 'CANCELLED' } } })).toBe(2);
      // Reinstating the cancelled hour would overlap both live meetings.
      await expect(db.meeting.update({ where: { id: cancelled.id }, data: { status: 'SCHEDULED' } })).rejects.toThrow();
    });
  });
});
