// Blocks between an organisation and a volunteer, and admins vouching for community groups (issue 21), through
// the lib functions the pages and actions call: what a block withdraws, what it refuses and what the blocked side
// sees (a neutral refusal, never "blocked"), that blocked pairs leave suggestions and the asks that fit, that a
// block racing an offer never leaves a new offer between them, and who may do each.
import { beforeAll, describe, expect, it } from 'vitest';
import { exportAccountData } from '@/lib/account/queries';
import { AccessDenied } from '@/lib/auth/actor';
import { NOT_TAKING_OFFERS_FROM_YOU, YOU_BLOCKED_THIS_ORGANISATION } from '@/lib/blocks/policy';
import { blockOrganisation, blockVolunteer, unblockOrganisation, unblockVolunteer } from '@/lib/blocks/mutations';
import { listBlockedOrganisations, listBlockedVolunteers } from '@/lib/blocks/queries';
import { appDatabase, db } from '@/lib/db';
import { inviteVolunteer } from '@/lib/invitations/mutations';
import { asksThatFit } from '@/lib/matching/asks-for-volunteer';
import { suggestVolunteers } from '@/lib/matching/volunteers-for-ask';
import { vouchForOrganisation, listVouchedOrganisations } from '@/lib/moderation/vouching';
import { makeOffer } from '@/lib/offers/mutations';
import { getOfferForm } from '@/lib/offers/queries';
import { offerForm } from '../support/authorization-world';
import { createOrganisation, createSkill, createUser } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { addMember, createAskBy, createCharity } from '../support/meeting-factories';

withJobQueue();

const LONDON = 'Europe/London';
const CONFIRMED = { confirm: 'on' };
// Several runs on PostgreSQL, where the transactions truly run at once; the embedded engine has one connection.
const RUNS = appDatabase()?.engine === 'postgres' ? 10 : 2;

let skill: Awaited<ReturnType<typeof createSkill>>;

function volunteer(name = 'Priya Volunteer') {
  return createUser(db, {
    name,
    onboardedAt: new Date(),
    volunteerProfile: {
      create: {
        headline: 'Charity finance lead',
        bio: 'Twenty years in charity finance.',
        media: ['VIDEO'],
        timeZone: LONDON,
        monthlyCapacity: 20,
        skills: { create: [{ skillId: skill.id, level: 'EXPERT' }] },
      },
    },
  });
}

async function charityWithAsk() {
  const { organisation, owner } = await createCharity(db, { owner: { name: 'Olu Owner', onboardedAt: new Date() } });
  const ask = await askOf(organisation.id, owner.id);
  return { organisation, owner, ask };
}

const askOf = (organisationId: string, ownerId: string) =>
  createAskBy(db, organisationId, ownerId, { media: ['VIDEO'], timeZone: LONDON, durationMinutes: 30, needsSkills: [skill.id] });

beforeAll(async () => {
  skill = await createSkill(db);
});

describe('staff block a volunteer', () => {
  it('withdraws their waiting offer and invitation, silently, and they cannot offer again: a neutral refusal', async () => {
    const { organisation, owner, ask } = await charityWithAsk();
    const other = await askOf(organisation.id, owner.id);
    const priya = await volunteer();
    const made = await makeOffer(priya, ask.id, offerForm());
    expect(made.ok).toBe(true);
    expect((await inviteVolunteer(owner, other.id, { volunteerId: priya.id })).ok).toBe(true);
    const emailsBefore = await db.emailOutbox.count();

    const blocked = await blockVolunteer(owner, organisation.id, priya.id, CONFIRMED);
    expect(blocked.ok).toBe(true);

    const offer = await db.offer.findFirstOrThrow({ where: { askId: ask.id, volunteerId: priya.id } });
    expect({ status: offer.status, because: offer.withdrawnBecause }).toEqual({ status: 'WITHDRAWN', because: 'BLOCKED' });
    expect((await db.invitation.findFirstOrThrow({ where: { askId: other.id, volunteerId: priya.id } })).status).toBe('WITHDRAWN');
    // Nobody is emailed: staff did it, and the volunteer is not told.
    expect(await db.emailOutbox.count()).toBe(emailsBefore);

    const third = await askOf(organisation.id, owner.id);
    const again = await makeOffer(priya, third.id, offerForm());
    expect(again).toMatchObject({ ok: false, formError: NOT_TAKING_OFFERS_FROM_YOU });
    const page = await getOfferForm(priya, third.id);
    expect(page?.refusal).toBe(NOT_TAKING_OFFERS_FROM_YOU);
    expect(page?.refusal).not.toMatch(/block/i);
    // Another charity's asks are as open to them as before.
    const elsewhere = await charityWithAsk();
    expect((await getOfferForm(priya, elsewhere.ask.id))?.refusal).toBeNull();

    const audit = await db.auditLog.findFirstOrThrow({ where: { action: 'block.create', actorId: owner.id } });
    expect(audit.entityType).toBe('Block');
  });

  it('takes them out of the suggestions and refuses an invitation with the words used for anyone not suggested', async () => {
    const { organisation, owner, ask } = await charityWithAsk();
    const priya = await volunteer('Priya Blocked');
    const sam = await volunteer('Sam Still Suggested');
    const suggested = async () => (await suggestVolunteers(db, ask.id, { limit: 500 })).map((entry) => entry.volunteerId);
    expect(await suggested()).toEqual(expect.arrayContaining([priya.id, sam.id]));

    await blockVolunteer(owner, organisation.id, priya.id, CONFIRMED);
    expect(await suggested()).not.toContain(priya.id);
    expect(await suggested()).toContain(sam.id);
    const invited = await inviteVolunteer(owner, ask.id, { volunteerId: priya.id });
    expect(invited).toMatchObject({ ok: false, formError: 'Only volunteers suggested for this ask can be invited to it.' });
    // The organisation's block keeps its asks out of the volunteer's "asks that fit" too: they could not offer.
    expect((await asksThatFit(db, priya.id, { limit: 500 })).map((fit) => fit.askId)).not.toContain(ask.id);

    expect((await listBlockedVolunteers(owner, organisation.id)).map((entry) => entry.volunteerId)).toEqual([priya.id]);
    expect((await unblockVolunteer(owner, organisation.id, priya.id)).ok).toBe(true);
    expect(await suggested()).toContain(priya.id);
    expect((await inviteVolunteer(owner, ask.id, { volunteerId: priya.id })).ok).toBe(true);
    expect(await db.auditLog.count({ where: { action: 'block.remove', actorId: owner.id } })).toBe(1);
  });

  it('needs the box ticked, and is refused to anyone but the organisation’s staff, and for its own members', async () => {
    const { organisation, owner } = await charityWithAsk();
    const member = await addMember(db, organisation.id, { name: 'Cat Member', onboardedAt: new Date() });
    const priya = await volunteer();
    const outsider = await charityWithAsk();

    expect(await blockVolunteer(owner, organisation.id, priya.id, {})).toMatchObject({
      ok: false,
      fieldErrors: { confirm: ['Tick the box to confirm.'] },
    });
    await expect(blockVolunteer(outsider.owner, organisation.id, priya.id, CONFIRMED)).rejects.toBeInstanceOf(AccessDenied);
    await expect(blockVolunteer(priya, organisation.id, priya.id, CONFIRMED)).rejects.toBeInstanceOf(AccessDenied);
    await expect(blockVolunteer(owner, organisation.id, member.id, CONFIRMED)).rejects.toBeInstanceOf(AccessDenied);
    await expect(unblockVolunteer(outsider.owner, organisation.id, priya.id)).rejects.toBeInstanceOf(AccessDenied);
    await expect(listBlockedVolunteers(outsider.owner, organisation.id)).rejects.toBeInstanceOf(AccessDenied);
    expect(await db.block.count({ where: { organisationId: organisation.id } })).toBe(0);

    // Any member may; twice is once.
    expect((await blockVolunteer(member, organisation.id, priya.id, CONFIRMED)).ok).toBe(true);
    expect((await blockVolunteer(owner, organisation.id, priya.id, CONFIRMED)).ok).toBe(true);
    expect(await db.block.count({ where: { organisationId: organisation.id } })).toBe(1);
  });
});

describe('a volunteer blocks an organisation', () => {
  it('takes its asks out of their asks that fit, withdraws their offer (the charity hears of a withdrawal) and refuses its invitations', async () => {
    const { organisation, owner, ask } = await charityWithAsk();
    const other = await askOf(organisation.id, owner.id);
    const elsewhere = await charityWithAsk();
    const priya = await volunteer();
    const fits = async () => (await asksThatFit(db, priya.id, { limit: 500 })).map((fit) => fit.askId);
    expect(await fits()).toEqual(expect.arrayContaining([ask.id, other.id, elsewhere.ask.id]));
    expect((await makeOffer(priya, ask.id, offerForm())).ok).toBe(true);

    expect((await blockOrganisation(priya, organisation.id, CONFIRMED)).ok).toBe(true);

    expect(await fits()).not.toContain(other.id);
    expect(await fits()).toContain(elsewhere.ask.id);
    const offer = await db.offer.findFirstOrThrow({ where: { askId: ask.id, volunteerId: priya.id } });
    expect({ status: offer.status, because: offer.withdrawnBecause }).toEqual({ status: 'WITHDRAWN', because: 'BY_VOLUNTEER' });
    const told = await db.emailOutbox.findFirstOrThrow({ where: { userId: owner.id, kind: 'offer-withdrawn' } });
    expect(JSON.stringify(told.data)).toContain('"reason":"withdrawn"');
    expect(JSON.stringify(told.data)).not.toMatch(/block/i);

    // Staff cannot invite them, and are not told why.
    expect(await inviteVolunteer(owner, other.id, { volunteerId: priya.id })).toMatchObject({
      ok: false,
      formError: 'Only volunteers suggested for this ask can be invited to it.',
    });
    expect((await suggestVolunteers(db, other.id, { limit: 500 })).map((entry) => entry.volunteerId)).not.toContain(priya.id);
    // They know they blocked it: their own words say how to undo it.
    expect((await getOfferForm(priya, other.id))?.refusal).toBe(YOU_BLOCKED_THIS_ORGANISATION);
    expect((await listBlockedOrganisations(priya)).map((entry) => entry.organisationId)).toEqual([organisation.id]);
    // Staff never see it in their list.
    expect(await listBlockedVolunteers(owner, organisation.id)).toEqual([]);

    // Their data export holds their own block, and never one an organisation placed on them.
    const elsewhereBlocks = await blockVolunteer(elsewhere.owner, elsewhere.organisation.id, priya.id, CONFIRMED);
    expect(elsewhereBlocks.ok).toBe(true);
    const exported = await exportAccountData(priya);
    expect(exported.blocksOn.map((block) => block.organisation.id)).toEqual([organisation.id]);
    expect(JSON.stringify(exported)).not.toContain(elsewhere.organisation.id);

    expect((await unblockOrganisation(priya, organisation.id)).ok).toBe(true);
    expect(await fits()).toContain(other.id);
    expect((await getOfferForm(priya, other.id))?.refusal).toBeNull();
  });

  it('cannot block their own organisation, one not verified, or without ticking the box; and lifts only their own block', async () => {
    const { organisation, owner } = await charityWithAsk();
    const pending = await createOrganisation(db, { status: 'PENDING_VERIFICATION' });
    const priya = await volunteer();
    await expect(blockOrganisation(owner, organisation.id, CONFIRMED)).rejects.toBeInstanceOf(AccessDenied);
    await expect(blockOrganisation(priya, pending.id, CONFIRMED)).rejects.toBeInstanceOf(AccessDenied);
    expect(await blockOrganisation(priya, organisation.id, {})).toMatchObject({ ok: false });

    await blockVolunteer(owner, organisation.id, priya.id, CONFIRMED);
    await unblockOrganisation(priya, organisation.id);
    // The organisation's own block stands: the volunteer cannot lift it, nor learn of it.
    expect(await db.block.count({ where: { organisationId: organisation.id, volunteerId: priya.id, by: 'ORGANISATION' } })).toBe(1);
  });
});

describe('a block racing an offer', () => {
  it(`never leaves a new waiting offer between them, every one of ${RUNS} runs`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const { organisation, owner, ask } = await charityWithAsk();
      const priya = await volunteer();
      const [offered, blocked] = await Promise.all([
        makeOffer(priya, ask.id, offerForm()),
        blockVolunteer(owner, organisation.id, priya.id, CONFIRMED),
      ]);
      expect(blocked.ok).toBe(true);
      // Either the offer came first and the block withdrew it, or the block came first and the offer was refused.
      const waiting = await db.offer.count({ where: { askId: ask.id, volunteerId: priya.id, status: 'PENDING' } });
      expect(waiting, `run ${run}: ${JSON.stringify(offered)}`).toBe(0);
      if (!offered.ok) expect(offered.formError).toBe(NOT_TAKING_OFFERS_FROM_YOU);
    }
  });

  it(`never leaves a new waiting offer when the volunteer blocks in one tab and offers in another, every one of ${RUNS} runs`, async () => {
    for (let run = 0; run < RUNS; run += 1) {
      const { organisation, ask } = await charityWithAsk();
      const priya = await volunteer();
      await Promise.all([makeOffer(priya, ask.id, offerForm()), blockOrganisation(priya, organisation.id, CONFIRMED)]);
      expect(await db.offer.count({ where: { askId: ask.id, volunteerId: priya.id, status: 'PENDING' } })).toBe(0);
    }
  });
});

describe('vouching for a community group', () => {
  async function communityGroup() {
    const group = await createOrganisation(db, {
      name: 'Elm Street Residents’ Association',
      type: 'COMMUNITY_GROUP',
      registrationNumber: null,
      status: 'PENDING_VERIFICATION',
    });
    const owner = await createUser(db, { name: 'Rosa Resident', onboardedAt: new Date() });
    await db.membership.create({ data: { organisationId: group.id, userId: owner.id, role: 'OWNER' } });
    return { group, owner };
  }
  const NOTE = 'I met their committee at the community centre and saw their minutes and bank statement.';

  it('verifies it with a note of who vouched and why, shown to admins, and publishes its approved asks', async () => {
    const admin = await createUser(db, { name: 'Ada Admin', role: 'ADMIN', onboardedAt: new Date() });
    const { group, owner } = await communityGroup();
    const waiting = await createAskBy(db, group.id, owner.id, { publishedAt: null, media: ['VIDEO'], timeZone: LONDON });

    expect((await vouchForOrganisation(admin, group.id, { note: NOTE })).ok).toBe(true);
    const vouched = await db.organisation.findUniqueOrThrow({ where: { id: group.id } });
    expect(vouched).toMatchObject({ status: 'VERIFIED', verifiedById: admin.id, vouchedById: admin.id, vouchNote: NOTE });
    expect(vouched.vouchedAt).not.toBeNull();
    expect((await db.ask.findUniqueOrThrow({ where: { id: waiting.id } })).publishedAt).not.toBeNull();
    const listed = (await listVouchedOrganisations(admin)).find((entry) => entry.id === group.id);
    expect(listed).toMatchObject({ vouchNote: NOTE, vouchedBy: { name: 'Ada Admin' } });
    expect(await db.auditLog.count({ where: { action: 'organisation.vouch', entityId: group.id, actorId: admin.id } })).toBe(1);
  });

  it('needs a note, and is only for a waiting group with no registration number; admins only', async () => {
    const admin = await createUser(db, { name: 'Ada Admin', role: 'ADMIN', onboardedAt: new Date() });
    const { group, owner } = await communityGroup();
    const registered = await createOrganisation(db, { status: 'PENDING_VERIFICATION' });

    expect(await vouchForOrganisation(admin, group.id, { note: '' })).toMatchObject({
      ok: false,
      fieldErrors: { note: [expect.any(String)] },
    });
    expect(await vouchForOrganisation(admin, registered.id, { note: NOTE })).toMatchObject({ ok: false });
    await expect(vouchForOrganisation(owner, group.id, { note: NOTE })).rejects.toBeInstanceOf(AccessDenied);
    await expect(listVouchedOrganisations(owner)).rejects.toBeInstanceOf(AccessDenied);
    expect(await db.organisation.count({ where: { id: { in: [group.id, registered.id] }, status: 'VERIFIED' } })).toBe(0);

    expect((await vouchForOrganisation(admin, group.id, { note: NOTE })).ok).toBe(true);
    // Twice is refused: it is no longer waiting.
    expect(await vouchForOrganisation(admin, group.id, { note: NOTE })).toMatchObject({ ok: false });
  });
});
