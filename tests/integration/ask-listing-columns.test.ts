// The listing columns on "Ask" (skillIds, skillCategoryIds, organisationRegion, organisationCauseAreas,
// organisationVerified) are copies that triggers keep (migration 20261123164618_ask_listing_columns);
// /asks filters on them alone. Each test changes the source row the way the app does and reads the copy
// back, on both engines; each then drops the trigger inside a rolled-back transaction and shows the same
// change leaves the copy stale: proof that the trigger, and nothing else, keeps it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DatabaseClient } from '@/lib/database/client';
import type { Prisma } from '@/lib/generated/prisma/client';
import { testEngines } from '../support/engines';
import { createAsk, createOrganisation, createSkill } from '../support/factories';

class Rollback extends Error {}

type Tx = Prisma.TransactionClient;

/** Drops the trigger, runs `change` and reads `read` in the same transaction, then rolls it all back. */
async function withoutTrigger<T>(
  client: DatabaseClient,
  trigger: string,
  table: string,
  change: (tx: Tx) => Promise<unknown>,
  read: (tx: Tx) => Promise<T>,
): Promise<T> {
  let result: T | undefined;
  await client.db
    .$transaction(async (tx) => {
      await tx.$executeRawUnsafe(`DROP TRIGGER "${trigger}" ON "${table}"`);
      await change(tx);
      result = await read(tx);
      throw new Rollback();
    })
    .catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  return result as T;
}

const listingSelect = {
  skillIds: true,
  skillCategoryIds: true,
  organisationRegion: true,
  organisationCauseAreas: true,
  organisationVerified: true,
} as const;

const sorted = (values: string[]) => [...values].sort();

describe.each(testEngines())('listing columns on the $name engine', (engine) => {
  let client: DatabaseClient;
  const columns = (db: Tx | DatabaseClient['db'], id: string) => db.ask.findUniqueOrThrow({ where: { id }, select: listingSelect });

  beforeAll(() => {
    client = engine.open();
  });
  afterAll(async () => {
    await client.close();
  });

  describe('skills', () => {
    it("adding and removing a skill updates the ask's skill ids and skill areas", async () => {
      const { db } = client;
      const org = await createOrganisation(db);
      const ask = await createAsk(db, org.id);
      const bookkeeping = await createSkill(db);
      const payroll = await createSkill(
        db,
        undefined,
        (
          await db.skillCategory.findUniqueOrThrow({
            where: { id: bookkeeping.categoryId },
          })
        ).slug,
      ); // the same area as bookkeeping
      const social = await createSkill(db); // another area
      expect(await columns(db, ask.id)).toMatchObject({ skillIds: [], skillCategoryIds: [] });

      await db.askSkill.create({ data: { askId: ask.id, skillId: bookkeeping.id } });
      expect(await columns(db, ask.id)).toMatchObject({ skillIds: [bookkeeping.id], skillCategoryIds: [bookkeeping.categoryId] });

      // As the ask form does: the whole set replaced in one nested write.
      await db.ask.update({
        where: { id: ask.id },
        data: { skills: { deleteMany: {}, createMany: { data: [payroll, social, bookkeeping].map((skill) => ({ skillId: skill.id })) } } },
      });
      const all = await columns(db, ask.id);
      expect(all.skillIds).toEqual(sorted([bookkeeping.id, payroll.id, social.id])); // sorted, so equal sets are equal arrays
      expect(all.skillCategoryIds).toEqual(sorted([bookkeeping.categoryId, social.categoryId])); // each area once

      await db.askSkill.delete({ where: { askId_skillId: { askId: ask.id, skillId: social.id } } });
      expect(await columns(db, ask.id)).toMatchObject({
        skillIds: sorted([bookkeeping.id, payroll.id]),
        skillCategoryIds: [bookkeeping.categoryId],
      });
      await db.askSkill.deleteMany({ where: { askId: ask.id } });
      expect(await columns(db, ask.id)).toMatchObject({ skillIds: [], skillCategoryIds: [] });

      // Without the trigger, a new skill never reaches the ask.
      const stale = await withoutTrigger(
        client,
        'AskSkill_listing_refresh',
        'AskSkill',
        (tx) => tx.askSkill.create({ data: { askId: ask.id, skillId: social.id } }),
        (tx) => columns(tx, ask.id),
      );
      expect(stale).toMatchObject({ skillIds: [], skillCategoryIds: [] });
      expect(await columns(db, ask.id)).toMatchObject({ skillIds: [], skillCategoryIds: [] }); // rolled back
    });

    it('a skill row moved from one ask to another updates both', async () => {
      const { db } = client;
      const org = await createOrganisation(db);
      const from = await createAsk(db, org.id);
      const to = await createAsk(db, org.id);
      const skill = await createSkill(db);
      await db.askSkill.create({ data: { askId: from.id, skillId: skill.id } });
      await db.askSkill.update({ where: { askId_skillId: { askId: from.id, skillId: skill.id } }, data: { askId: to.id } });
      expect(await columns(db, from.id)).toMatchObject({ skillIds: [], skillCategoryIds: [] });
      expect(await columns(db, to.id)).toMatchObject({ skillIds: [skill.id], skillCategoryIds: [skill.categoryId] });
    });

    it('a skill moved to another area moves the asks that need it', async () => {
      const { db } = client;
      const org = await createOrganisation(db);
      const ask = await createAsk(db, org.id);
      const skill = await createSkill(db);
      const other = await createSkill(db); // its area is the one the skill moves to
      await db.askSkill.create({ data: { askId: ask.id, skillId: skill.id } });

      await db.skill.update({ where: { id: skill.id }, data: { categoryId: other.categoryId } });
      expect(await columns(db, ask.id)).toMatchObject({ skillIds: [skill.id], skillCategoryIds: [other.categoryId] });

      const stale = await withoutTrigger(
        client,
        'Skill_listing_refresh',
        'Skill',
        (tx) => tx.skill.update({ where: { id: skill.id }, data: { categoryId: skill.categoryId } }),
        (tx) => columns(tx, ask.id),
      );
      expect(stale.skillCategoryIds).toEqual([other.categoryId]);
    });

    it('an ask is created without skills, whatever the insert says', async () => {
      const { db } = client;
      const org = await createOrganisation(db);
      const ask = await createAsk(db, org.id, { skillIds: ['made-up'], skillCategoryIds: ['made-up'] });
      expect(await columns(db, ask.id)).toMatchObject({ skillIds: [], skillCategoryIds: [] });
    });
  });

  describe('the organisation', () => {
    it("a new ask copies its organisation's region, cause areas and verification", async () => {
      const { db } = client;
      const org = await createOrganisation(db, { region: 'WALES', causeAreas: ['ANIMALS', 'SPORT'] });
      const ask = await createAsk(db, org.id, { organisationRegion: 'LONDON', organisationVerified: false });
      expect(await columns(db, ask.id)).toMatchObject({
        organisationRegion: 'WALES',
        organisationCauseAreas: ['ANIMALS', 'SPORT'],
        organisationVerified: true,
      });
      const pending = await createOrganisation(db, { status: 'PENDING_VERIFICATION' });
      expect((await columns(db, (await createAsk(db, pending.id)).id)).organisationVerified).toBe(false);

      const stale = await withoutTrigger(
        client,
        'Ask_listing_refresh',
        'Ask',
        (tx) => createAsk(tx, org.id, { id: 'ask-listing-no-trigger' }),
        (tx) => columns(tx, 'ask-listing-no-trigger'),
      );
      expect(stale).toMatchObject({ organisationRegion: null, organisationCauseAreas: [], organisationVerified: false });
    });

    it('moving an ask to another organisation copies the new one', async () => {
      const { db } = client;
      const wales = await createOrganisation(db, { region: 'WALES', causeAreas: ['ANIMALS'] });
      const scotland = await createOrganisation(db, { region: 'SCOTLAND', causeAreas: ['HEALTH'], status: 'SUSPENDED' });
      const ask = await createAsk(db, wales.id);
      await db.ask.update({ where: { id: ask.id }, data: { organisationId: scotland.id } });
      expect(await columns(db, ask.id)).toMatchObject({
        organisationRegion: 'SCOTLAND',
        organisationCauseAreas: ['HEALTH'],
        organisationVerified: false,
      });

      const stale = await withoutTrigger(
        client,
        'Ask_listing_refresh',
        'Ask',
        (tx) => tx.ask.update({ where: { id: ask.id }, data: { organisationId: wales.id } }),
        (tx) => columns(tx, ask.id),
      );
      expect(stale).toMatchObject({ organisationRegion: 'SCOTLAND', organisationVerified: false });
    });

    it("changing an organisation's region or cause areas updates all its asks", async () => {
      const { db } = client;
      const org = await createOrganisation(db, { region: 'LONDON', causeAreas: ['POVERTY'] });
      const neighbour = await createOrganisation(db, { region: 'LONDON', causeAreas: ['POVERTY'] });
      const asks = [await createAsk(db, org.id), await createAsk(db, org.id, { status: 'DRAFT', publishedAt: null })];
      const untouched = await createAsk(db, neighbour.id);

      await db.organisation.update({ where: { id: org.id }, data: { region: 'NORTH_EAST' } });
      await db.organisation.update({ where: { id: org.id }, data: { causeAreas: ['EDUCATION', 'OLDER_PEOPLE'] } });
      for (const ask of asks) {
        expect(await columns(db, ask.id)).toMatchObject({
          organisationRegion: 'NORTH_EAST',
          organisationCauseAreas: ['EDUCATION', 'OLDER_PEOPLE'],
        });
      }
      expect(await columns(db, untouched.id)).toMatchObject({ organisationRegion: 'LONDON', organisationCauseAreas: ['POVERTY'] });

      const stale = await withoutTrigger(
        client,
        'Organisation_listing_refresh',
        'Organisation',
        (tx) => tx.organisation.update({ where: { id: org.id }, data: { region: 'WALES', causeAreas: [] } }),
        (tx) => columns(tx, asks[0]!.id),
      );
      expect(stale).toMatchObject({ organisationRegion: 'NORTH_EAST', organisationCauseAreas: ['EDUCATION', 'OLDER_PEOPLE'] });
    });

    it('verifying and suspending an organisation lists and unlists its asks', async () => {
      const { db } = client;
      const org = await createOrganisation(db, { status: 'PENDING_VERIFICATION' });
      const ask = await createAsk(db, org.id);
      expect((await columns(db, ask.id)).organisationVerified).toBe(false);

      await db.organisation.update({ where: { id: org.id }, data: { status: 'VERIFIED', verifiedAt: new Date() } });
      expect((await columns(db, ask.id)).organisationVerified).toBe(true);
      await db.organisation.update({ where: { id: org.id }, data: { status: 'SUSPENDED', statusNote: 'Under review' } });
      expect((await columns(db, ask.id)).organisationVerified).toBe(false);
      await db.organisation.update({ where: { id: org.id }, data: { status: 'REJECTED' } }); // still not verified
      expect((await columns(db, ask.id)).organisationVerified).toBe(false);
      await db.organisation.update({ where: { id: org.id }, data: { status: 'VERIFIED' } });
      expect((await columns(db, ask.id)).organisationVerified).toBe(true);

      const stale = await withoutTrigger(
        client,
        'Organisation_listing_refresh',
        'Organisation',
        (tx) => tx.organisation.update({ where: { id: org.id }, data: { status: 'SUSPENDED' } }),
        (tx) => columns(tx, ask.id),
      );
      expect(stale.organisationVerified).toBe(true); // a suspended charity's ask would stay listed
    });
  });

  it('every ask agrees with its sources', async () => {
    const { db } = client;
    const rows = await db.$queryRaw<Array<{ id: string }>>`
      SELECT a.id FROM "Ask" a JOIN "Organisation" o ON o.id = a."organisationId"
       WHERE a."organisationRegion" IS DISTINCT FROM o.region
          OR a."organisationCauseAreas" IS DISTINCT FROM coalesce(o."causeAreas", '{}')
          OR a."organisationVerified" IS DISTINCT FROM (o.status = 'VERIFIED')
          OR a."skillIds" IS DISTINCT FROM coalesce((SELECT array_agg(x."skillId" ORDER BY x."skillId")
                                                       FROM "AskSkill" x WHERE x."askId" = a.id), '{}')
          OR a."skillCategoryIds" IS DISTINCT FROM coalesce((SELECT array_agg(DISTINCT k."categoryId" ORDER BY k."categoryId")
                                                               FROM "AskSkill" x JOIN "Skill" k ON k.id = x."skillId"
                                                              WHERE x."askId" = a.id), '{}')`;
    expect(rows).toEqual([]);
    expect(await db.ask.count()).toBeGreaterThan(5);
  });
});
