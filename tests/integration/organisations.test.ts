// Organisations and who may do what with them, through the same lib functions the pages and
// server actions call. Authorisation is checked where the data is read or written.
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied } from '@/lib/auth/actor';
import { PAGE_TAGS } from '@/lib/cache/page-tags';
import { db } from '@/lib/db';
import { listOrganisationsAwaitingVerification, rejectOrganisation, verifyOrganisation } from '@/lib/moderation/organisations';
import {
  acceptInvite,
  createInvite,
  createOrganisation,
  leaveOrganisation,
  makeOwner,
  revokeInvite,
  updateOrganisation,
} from '@/lib/orgs/mutations';
import { getOrganisationForMember } from '@/lib/orgs/queries';
import { ORGANISATION_FORM_COLUMNS } from '@/lib/orgs/schema';
import { createAsk, createUser, createVolunteer } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { hearPageChanges, PAST_CLOCK_ALLOWANCE_MS, pause, until } from '../support/page-changes';

type User = Awaited<ReturnType<typeof createUser>>;

// Moderation and invitations queue emails in their transactions; no worker sends them here.
withJobQueue();

const validOrganisation = {
  name: 'Harehills Homework Club',
  type: 'REGISTERED_CHARITY',
  registrationNumber: '1123456',
  causeAreas: ['EDUCATION', 'CHILDREN_AND_YOUNG_PEOPLE'],
  region: 'YORKSHIRE_AND_THE_HUMBER',
  sizeBand: 'MICRO',
  website: 'homework-club.example.org',
  description: 'Free homework help four evenings a week in a church hall.',
};

/** Every field wrong at once, as a careless form would send it. */
const invalidOrganisation = {
  name: 'X',
  type: 'CHARITABLE_COMPANY',
  registrationNumber: 'not a number',
  causeAreas: ['EDUCATION', 'HEALTH', 'SPORT', 'POVERTY', 'ANIMALS', 'DISABILITY'],
  region: 'ATLANTIS',
  sizeBand: '',
  website: 'not a site',
  description: 'Short',
};

async function organisationOwnedBy(owner: User, name = 'Org') {
  const result = await createOrganisation(owner, { ...validOrganisation, name });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

/** Makes `member` a member of the organisation through a real invitation. */
async function addMember(owner: User, organisationId: string, member: User) {
  const invite = await createInvite(owner, organisationId, {});
  if (!invite.ok) throw new Error('invite failed');
  const token = invite.data.url.split('/').pop()!;
  expect(await acceptInvite(member, token)).toMatchObject({ ok: true });
}

let ownerA: User, memberA: User, ownerB: User, volunteer: User, admin: User;
let orgA: string, orgB: string;

beforeAll(async () => {
  [ownerA, memberA, ownerB, volunteer] = await Promise.all([createUser(db), createUser(db), createUser(db), createVolunteer(db)]);
  admin = await createUser(db, { role: 'ADMIN' });
  orgA = await organisationOwnedBy(ownerA, 'Org A');
  orgB = await organisationOwnedBy(ownerB, 'Org B');
  await addMember(ownerA, orgA, memberA);
});

describe('creating an organisation', () => {
  it('makes the creator its owner and leaves it waiting for verification', async () => {
    const org = await db.organisation.findUniqueOrThrow({ where: { id: orgA }, include: { memberships: true } });
    expect(org.status).toBe('PENDING_VERIFICATION');
    expect(org.website).toBe('https://homework-club.example.org/');
    expect(org.memberships.find((m) => m.userId === ownerA.id)?.role).toBe('OWNER');
  });

  it('ignores fields a form should not be able to set: status, verification, ids, roles', async () => {
    const sneaky = await createOrganisation(ownerB, {
      ...validOrganisation,
      name: 'Sneaky',
      status: 'VERIFIED',
      verified: 'true',
      verifiedById: admin.id,
      id: 'chosen-id',
      orgId: orgA,
      role: 'ADMIN',
    });
    expect(sneaky.ok).toBe(true);
    const org = await db.organisation.findUniqueOrThrow({ where: { id: sneaky.ok ? sneaky.data.id : '' } });
    expect(org).toMatchObject({ status: 'PENDING_VERIFICATION', verifiedById: null });
    expect(org.id).not.toBe('chosen-id');
    expect((await db.user.findUniqueOrThrow({ where: { id: ownerB.id } })).role).toBe('USER');
  });

  it('returns every problem beside its field, with what was typed', async () => {
    const result = await createOrganisation(ownerA, invalidOrganisation);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      ['causeAreas', 'description', 'name', 'region', 'registrationNumber', 'sizeBand', 'website'].sort(),
    );
    expect(result.fieldErrors.registrationNumber?.[0]).toMatch(/Companies House number/);
    expect(result.values).toMatchObject({ name: 'X', registrationNumber: 'not a number', description: 'Short' });

    // Whatever a crafted request sends as the type, the answer is a field error, never a crash.
    for (const type of ['constructor', '__proto__', 'toString']) {
      const crafted = await createOrganisation(ownerA, { ...validOrganisation, type });
      expect(!crafted.ok && crafted.fieldErrors.type?.[0]).toMatch(/Choose what kind/);
    }

    const numberOnly = await createOrganisation(ownerA, {
      ...validOrganisation,
      type: 'CHARITABLE_COMPANY',
      registrationNumber: 'not a number',
    });
    expect(!numberOnly.ok && numberOnly.fieldErrors.registrationNumber?.[0]).toMatch(/Companies House number/);
  });
});

describe('text people could not have typed', () => {
  it('is cleaned rather than failing: NUL characters never reach the database', async () => {
    const result = await createOrganisation(ownerA, {
      ...validOrganisation,
      name: 'Nul\u0000 Org',
      description: 'A description\u0000 with a NUL in it.',
    });
    expect(result.ok).toBe(true);
    const org = await db.organisation.findUniqueOrThrow({ where: { id: result.ok ? result.data.id : '' } });
    expect(org.name).toBe('Nul Org');
  });
});

describe('organisation A’s people cannot reach organisation B', () => {
  it('cannot read B’s private page', async () => {
    expect(await getOrganisationForMember(memberA, orgB)).toBeNull();
    expect(await getOrganisationForMember(ownerA, orgB)).toBeNull();
    expect((await getOrganisationForMember(ownerB, orgB))?.name).toBe('Org B');
  });

  it('cannot invite to, promote in, cancel invitations of, or leave B', async () => {
    const invite = await createInvite(ownerB, orgB, {});
    const inviteId = (await db.orgInvite.findFirstOrThrow({ where: { organisationId: orgB } })).id;
    expect(invite.ok).toBe(true);

    await expect(createInvite(ownerA, orgB, {})).rejects.toBeInstanceOf(AccessDenied);
    await expect(makeOwner(ownerA, orgB, ownerA.id)).rejects.toBeInstanceOf(AccessDenied);
    await expect(revokeInvite(ownerA, orgB, inviteId)).rejects.toBeInstanceOf(AccessDenied);
    await expect(leaveOrganisation(ownerA, orgB)).rejects.toBeInstanceOf(AccessDenied);
    expect(await db.orgInvite.count({ where: { id: inviteId } })).toBe(1);
  });

  it('cannot make a member of A an owner of B by passing B’s id with A’s member', async () => {
    await expect(makeOwner(ownerA, orgA, ownerB.id)).rejects.toBeInstanceOf(AccessDenied);
    expect(await db.membership.count({ where: { userId: ownerB.id, organisationId: orgA } })).toBe(0);
  });
});

describe('roles inside an organisation', () => {
  it('lets members read but not manage', async () => {
    expect((await getOrganisationForMember(memberA, orgA))?.myRole).toBe('MEMBER');
    expect((await getOrganisationForMember(memberA, orgA))?.invites).toEqual([]);
    await expect(createInvite(memberA, orgA, {})).rejects.toBeInstanceOf(AccessDenied);
    await expect(makeOwner(memberA, orgA, memberA.id)).rejects.toBeInstanceOf(AccessDenied);
  });

  it('does not let a volunteer act as charity staff', async () => {
    expect(await getOrganisationForMember(volunteer, orgA)).toBeNull();
    await expect(createInvite(volunteer, orgA, {})).rejects.toBeInstanceOf(AccessDenied);
    await expect(leaveOrganisation(volunteer, orgA)).rejects.toBeInstanceOf(AccessDenied);
  });

  it('stops a suspended user acting at all', async () => {
    const suspended = { ...ownerA, status: 'SUSPENDED' as const };
    await expect(createInvite(suspended, orgA, {})).rejects.toBeInstanceOf(AccessDenied);
    await expect(createOrganisation(suspended, validOrganisation)).rejects.toBeInstanceOf(AccessDenied);
    await expect(getOrganisationForMember(suspended, orgA)).rejects.toBeInstanceOf(AccessDenied);
  });
});

describe('invitations', () => {
  it('work once: of two people opening the same link at the same moment, exactly one joins', async () => {
    const org = await organisationOwnedBy(ownerA, 'Race Org');
    const invite = await createInvite(ownerA, org, { email: 'colleague@example.org' });
    const token = invite.ok ? invite.data.url.split('/').pop()! : '';
    const [first, second] = await Promise.all([createUser(db), createUser(db)]);

    const results = await Promise.all([acceptInvite(first!, token), acceptInvite(second!, token)]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, reason: 'invalid' }]);
    expect(await db.membership.count({ where: { organisationId: org } })).toBe(2);
    expect(await acceptInvite(await createUser(db), token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('expire', async () => {
    const invite = await createInvite(ownerA, orgA, {});
    const token = invite.ok ? invite.data.url.split('/').pop()! : '';
    await db.orgInvite.updateMany({ where: { organisationId: orgA, usedAt: null }, data: { expiresAt: new Date(Date.now() - 1) } });
    expect(await acceptInvite(await createUser(db), token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an invitation email that could reach two mailboxes', async () => {
    const result = await createInvite(ownerA, orgA, { email: 'a@example.org, b@example.org' });
    expect(!result.ok && result.fieldErrors.email?.[0]).toMatch(/one email address only/);
  });

  it('admit the same person once, even when they press Join twice or open two invitations at once', async () => {
    const org = await organisationOwnedBy(ownerA, 'Double Click Org');
    const person = await createUser(db);
    const tokenOf = async () => {
      const invite = await createInvite(ownerA, org, {});
      return invite.ok ? invite.data.url.split('/').pop()! : '';
    };
    const same = await tokenOf();
    const twice = await Promise.all([acceptInvite(person, same), acceptInvite(person, same)]);
    expect(twice.every((r) => r.ok)).toBe(true);
    expect(twice.filter((r) => r.ok && r.alreadyMember)).toHaveLength(1);

    const other = await createUser(db);
    const both = await Promise.all([acceptInvite(other, await tokenOf()), acceptInvite(other, await tokenOf())]);
    expect(both.every((r) => r.ok)).toBe(true);
    expect(await db.membership.count({ where: { organisationId: org, userId: { in: [person.id, other.id] } } })).toBe(2);
  });

  it('cannot be sent or used for a rejected or suspended organisation', async () => {
    const org = await organisationOwnedBy(ownerA, 'Soon Suspended');
    const invite = await createInvite(ownerA, org, {});
    const token = invite.ok ? invite.data.url.split('/').pop()! : '';
    await db.organisation.update({ where: { id: org }, data: { status: 'SUSPENDED' } });

    expect(await createInvite(ownerA, org, {})).toMatchObject({ ok: false, formError: expect.stringMatching(/suspended/) });
    expect(await acceptInvite(await createUser(db), token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('are limited per organisation, so an account cannot be used to send bulk email', async () => {
    const org = await organisationOwnedBy(ownerA, 'Busy Inviter');
    const results = [];
    for (let i = 0; i < 31; i += 1) results.push(await createInvite(ownerA, org, {}));
    expect(results.filter((r) => r.ok)).toHaveLength(30);
    expect(results.at(-1)).toMatchObject({ ok: false, formError: expect.stringMatching(/try again in/) });
  });

  it('a forged token joins nothing', async () => {
    expect(await acceptInvite(await createUser(db), 'made-up-token')).toEqual({ ok: false, reason: 'invalid' });
  });
});

describe('leaving', () => {
  it('lets a member leave but not the last owner', async () => {
    const owner = await createUser(db);
    const member = await createUser(db);
    const org = await organisationOwnedBy(owner, 'Leaving Org');
    await addMember(owner, org, member);

    expect(await leaveOrganisation(owner, org)).toMatchObject({ ok: false, formError: expect.stringMatching(/only owner/) });
    expect(await leaveOrganisation(member, org)).toMatchObject({ ok: true });
    expect(await db.membership.findMany({ where: { organisationId: org }, select: { userId: true } })).toEqual([{ userId: owner.id }]);
  });

  it('cannot strand an organisation when its two owners leave at the same moment', async () => {
    const first = await createUser(db);
    const second = await createUser(db);
    const org = await organisationOwnedBy(first, 'Two Owners');
    await addMember(first, org, second);
    await makeOwner(first, org, second.id);

    const results = await Promise.all([leaveOrganisation(first, org), leaveOrganisation(second, org)]);

    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await db.membership.count({ where: { organisationId: org, role: 'OWNER' } })).toBe(1);
  });
});

describe('verification is for admins only', () => {
  it('refuses everyone else', async () => {
    for (const actor of [ownerA, memberA, volunteer]) {
      await expect(listOrganisationsAwaitingVerification(actor)).rejects.toBeInstanceOf(AccessDenied);
      await expect(verifyOrganisation(actor, orgA)).rejects.toBeInstanceOf(AccessDenied);
      await expect(rejectOrganisation(actor, orgA, { reason: 'Looks made up to me.' })).rejects.toBeInstanceOf(AccessDenied);
    }
    await expect(verifyOrganisation({ ...admin, status: 'SUSPENDED' }, orgA)).rejects.toBeInstanceOf(AccessDenied);
    expect((await db.organisation.findUniqueOrThrow({ where: { id: orgA } })).status).toBe('PENDING_VERIFICATION');
  });

  it('lets an admin verify, once, with an audit entry', async () => {
    expect((await listOrganisationsAwaitingVerification(admin)).map((o) => o.id)).toContain(orgA);
    expect(await verifyOrganisation(admin, orgA)).toBe(true);
    expect(await verifyOrganisation(admin, orgA)).toBe(false);
    const org = await db.organisation.findUniqueOrThrow({ where: { id: orgA } });
    expect(org).toMatchObject({ status: 'VERIFIED', verifiedById: admin.id });
    expect(await db.auditLog.count({ where: { action: 'organisation.verify', entityId: orgA, actorId: admin.id } })).toBe(1);
  });

  it('asks an admin for a reason when not verifying', async () => {
    const result = await rejectOrganisation(admin, orgB, { reason: 'no' });
    expect(!result.ok && result.fieldErrors.reason?.[0]).toMatch(/reason/);
    expect(await rejectOrganisation(admin, orgB, { reason: 'We could not find this charity number on the register.' })).toMatchObject({
      ok: true,
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: orgB } })).toMatchObject({
      status: 'REJECTED',
      statusNote: expect.stringMatching(/register/),
    });
  });
});

describe('correcting an organisation’s details', () => {
  // What an app server hears of the database's changes: which cached pages a committed write made stale.
  const heard = hearPageChanges();
  const corrected = {
    ...validOrganisation,
    name: 'Harehills Homework & Reading Club',
    registrationNumber: '1123457',
    causeAreas: ['EDUCATION'],
    region: 'NORTH_WEST',
    sizeBand: 'SMALL',
    website: '',
    description: 'Free homework help and a reading club, four evenings a week in a church hall.',
  };
  const detailsOf = (id: string) =>
    db.organisation.findUniqueOrThrow({
      where: { id },
      select: { ...ORGANISATION_FORM_COLUMNS, status: true, statusNote: true },
    });
  const auditOf = (id: string) =>
    db.auditLog.findMany({
      where: { entityId: id, action: { in: ['organisation.update', 'organisation.resubmit'] } },
      select: { action: true, actorId: true, data: true },
      orderBy: { createdAt: 'asc' },
    });

  async function rejectedOrganisation(owner: User, name: string) {
    const id = await organisationOwnedBy(owner, name);
    expect(await rejectOrganisation(admin, id, { reason: 'We could not find this charity number on the register.' })).toMatchObject({
      ok: true,
    });
    return id;
  }

  it('lets an owner change every field at once, with an audit entry, still waiting for verification', async () => {
    const owner = await createUser(db);
    const org = await organisationOwnedBy(owner, 'Editable Org');

    expect(await updateOrganisation(owner, org, corrected)).toEqual({ ok: true, data: { id: org, resubmitted: false } });

    expect(await detailsOf(org)).toEqual({
      name: 'Harehills Homework & Reading Club',
      type: 'REGISTERED_CHARITY',
      registrationNumber: '1123457',
      causeAreas: ['EDUCATION'],
      region: 'NORTH_WEST',
      sizeBand: 'SMALL',
      website: null,
      description: 'Free homework help and a reading club, four evenings a week in a church hall.',
      status: 'PENDING_VERIFICATION',
      statusNote: null,
    });
    expect(await auditOf(org)).toEqual([
      {
        action: 'organisation.update',
        actorId: owner.id,
        data: {
          from: 'PENDING_VERIFICATION',
          changed: ['name', 'registrationNumber', 'causeAreas', 'region', 'sizeBand', 'website', 'description'],
        },
      },
    ]);
  });

  it('refuses members, other organisations’ owners, volunteers and suspended owners, and changes nothing', async () => {
    const org = await organisationOwnedBy(ownerA, 'Guarded Org');
    await addMember(ownerA, org, memberA);
    const before = await detailsOf(org);

    for (const actor of [memberA, ownerB, volunteer, admin, { ...ownerA, status: 'SUSPENDED' as const }]) {
      await expect(updateOrganisation(actor, org, corrected)).rejects.toBeInstanceOf(AccessDenied);
    }
    // A guessed id is refused the same way as someone else's organisation.
    await expect(updateOrganisation(ownerA, 'no-such-organisation', corrected)).rejects.toBeInstanceOf(AccessDenied);

    expect(await detailsOf(org)).toEqual(before);
    expect(await auditOf(org)).toEqual([]);
  });

  it('returns every problem beside its field at once, with what was typed, and saves nothing', async () => {
    const owner = await createUser(db);
    const org = await organisationOwnedBy(owner, 'Typo Org');
    const before = await detailsOf(org);
    const typed = invalidOrganisation;

    const result = await updateOrganisation(owner, org, typed);

    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(
      ['causeAreas', 'description', 'name', 'region', 'registrationNumber', 'sizeBand', 'website'].sort(),
    );
    expect(result.fieldErrors.registrationNumber?.[0]).toMatch(/Companies House number/);
    expect(result.values).toMatchObject({ name: 'X', registrationNumber: 'not a number', website: 'not a site', description: 'Short' });
    expect(await detailsOf(org)).toEqual(before);
    expect(await auditOf(org)).toEqual([]);
  });

  it('sends a rejected organisation back to the admins’ queue, the old reason cleared; the rejection email links here', async () => {
    const owner = await createUser(db);
    const org = await rejectedOrganisation(owner, 'Rejected Then Fixed');
    const email = await db.emailOutbox.findFirstOrThrow({ where: { userId: owner.id, kind: 'organisation-rejected' } });
    expect((email.data as { url: string }).url).toMatch(new RegExp(`/organisations/${org}/edit$`));
    expect((await listOrganisationsAwaitingVerification(admin)).map((o) => o.id)).not.toContain(org);

    const result = await updateOrganisation(owner, org, {
      ...validOrganisation,
      name: 'Rejected Then Fixed',
      registrationNumber: '1123458',
    });

    expect(result).toEqual({ ok: true, data: { id: org, resubmitted: true } });
    expect(await detailsOf(org)).toMatchObject({ registrationNumber: '1123458', status: 'PENDING_VERIFICATION', statusNote: null });
    expect((await listOrganisationsAwaitingVerification(admin)).map((o) => o.id)).toContain(org);
    expect(await auditOf(org)).toEqual([
      { action: 'organisation.resubmit', actorId: owner.id, data: { from: 'REJECTED', changed: ['registrationNumber'] } },
    ]);
    expect(await verifyOrganisation(admin, org)).toBe(true);
  });

  it('keeps a verified organisation verified for everyday details, refreshing its public pages', async () => {
    const owner = await createUser(db);
    const org = await organisationOwnedBy(owner, 'Verified Everyday');
    expect(await verifyOrganisation(admin, org)).toBe(true);
    const beforeAsk = Date.now();
    const ask = await createAsk(db, org);
    // Its ask's page shows the organisation's details; the lists filter on its region; the home page counts it.
    const tags = [PAGE_TAGS.ask(ask.id), PAGE_TAGS.askLists, PAGE_TAGS.home];
    // Once the ask's own notification is heard (and the organisation's before it), a render beginning now is fresh.
    expect(await until(() => heard.isStale({ renderedAt: beforeAsk, tags: [PAGE_TAGS.ask(ask.id)] }))).toBe(true);
    await pause(PAST_CLOCK_ALLOWANCE_MS);
    const before = Date.now();
    for (const tag of tags) expect(heard.isStale({ renderedAt: before, tags: [tag] }), tag).toBe(false);

    const result = await updateOrganisation(owner, org, {
      ...validOrganisation,
      name: 'Verified Everyday',
      region: 'LONDON',
      description: 'Now running a summer holiday club as well as homework help.',
    });

    expect(result).toEqual({ ok: true, data: { id: org, resubmitted: false } });
    expect(await detailsOf(org)).toMatchObject({ status: 'VERIFIED', region: 'LONDON' });
    // The database says so on commit: pages rendered before the change are stale.
    for (const tag of tags) expect(await until(() => heard.isStale({ renderedAt: before, tags: [tag] })), tag).toBe(true);
    expect(
      await db.ask.findUniqueOrThrow({ where: { id: ask.id }, select: { organisationRegion: true, organisationVerified: true } }),
    ).toEqual({ organisationRegion: 'LONDON', organisationVerified: true });
  });

  it('sends a verified organisation back to be checked when its name, type or number changes, hiding its asks until then', async () => {
    const owner = await createUser(db);
    for (const change of [{ name: 'Renamed After Verification' }, { type: 'CIO' }, { registrationNumber: '1123999' }]) {
      const org = await organisationOwnedBy(owner, 'Verified Identity');
      expect(await verifyOrganisation(admin, org)).toBe(true);
      const ask = await createAsk(db, org);

      const result = await updateOrganisation(owner, org, { ...validOrganisation, name: 'Verified Identity', ...change });

      expect(result, JSON.stringify(change)).toEqual({ ok: true, data: { id: org, resubmitted: true } });
      expect(await detailsOf(org)).toMatchObject({ ...change, status: 'PENDING_VERIFICATION' });
      expect((await listOrganisationsAwaitingVerification(admin)).map((o) => o.id)).toContain(org);
      expect(await db.ask.findUniqueOrThrow({ where: { id: ask.id }, select: { organisationVerified: true } })).toEqual({
        organisationVerified: false,
      });
      expect((await auditOf(org)).map((row) => row.action)).toEqual(['organisation.resubmit']);
    }
  });

  it('cannot be used while the organisation is suspended', async () => {
    const owner = await createUser(db);
    const org = await organisationOwnedBy(owner, 'Suspended Org');
    await db.organisation.update({ where: { id: org }, data: { status: 'SUSPENDED', statusNote: 'Reported for misuse.' } });
    const before = await detailsOf(org);

    const result = await updateOrganisation(owner, org, corrected);

    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/suspended/), values: { name: corrected.name } });
    expect(await detailsOf(org)).toEqual(before);
  });

  it('settles a resubmission and an admin’s decision made at the same moment, whichever comes first', async () => {
    for (let round = 0; round < 4; round += 1) {
      const owner = await createUser(db);
      const verifying = await rejectedOrganisation(owner, `Race Verify ${round}`);
      const rejecting = await rejectedOrganisation(owner, `Race Reject ${round}`);
      const suspending = await rejectedOrganisation(owner, `Race Suspend ${round}`);
      const fix = (name: string) => ({ ...validOrganisation, name, registrationNumber: '1123458' });

      const [resubmitted, verified] = await Promise.all([
        updateOrganisation(owner, verifying, fix(`Race Verify ${round}`)),
        verifyOrganisation(admin, verifying),
      ]);
      // Verifying a rejected organisation does nothing; after the resubmission it verifies the new details.
      expect(resubmitted).toMatchObject({ ok: true, data: { resubmitted: true } });
      expect(await detailsOf(verifying)).toMatchObject({
        status: verified ? 'VERIFIED' : 'PENDING_VERIFICATION',
        registrationNumber: '1123458',
        statusNote: null,
      });

      const reason = `Still not on the register (round ${round}).`;
      const [again, rejected] = await Promise.all([
        updateOrganisation(owner, rejecting, fix(`Race Reject ${round}`)),
        rejectOrganisation(admin, rejecting, { reason }),
      ]);
      expect(again).toMatchObject({ ok: true, data: { resubmitted: true } });
      expect(rejected).toMatchObject({ ok: true });
      const afterReject = await detailsOf(rejecting);
      const rejectedAgain = (await db.auditLog.count({ where: { entityId: rejecting, action: 'organisation.reject' } })) === 2;
      expect(afterReject).toMatchObject(
        rejectedAgain ? { status: 'REJECTED', statusNote: reason } : { status: 'PENDING_VERIFICATION', statusNote: null },
      );

      // A suspension is never undone by a resubmission that was waiting for it.
      const [whileSuspending] = await Promise.all([
        updateOrganisation(owner, suspending, fix(`Race Suspend ${round}`)),
        db.organisation.updateMany({ where: { id: suspending }, data: { status: 'SUSPENDED' } }),
      ]);
      expect((await detailsOf(suspending)).status).toBe('SUSPENDED');
      if (!whileSuspending.ok) expect(whileSuspending.formError).toMatch(/suspended/);
      expect(
        await db.auditLog.count({ where: { entityId: { in: [verifying, rejecting, suspending] }, action: 'organisation.resubmit' } }),
      ).toBe(whileSuspending.ok ? 3 : 2);
    }
  });
});
