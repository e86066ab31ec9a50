// A person's own account: onboarding, details, their data, and deleting it.
import { describe, expect, it } from 'vitest';
import { completeOnboarding, deleteAccount, updateAccount } from '@/lib/account/mutations';
import { exportAccountData, getAccount } from '@/lib/account/queries';
import { db } from '@/lib/db';
import { createAsk, createMeeting, createOrganisation, createUser, createVolunteer } from '../support/factories';

describe('onboarding', () => {
  it('needs a name and at least one reason for being here', async () => {
    const user = await createUser(db, { name: null });
    const result = await completeOnboarding(user, { name: ' ' });
    expect(result.ok).toBe(false);
    expect(!result.ok && Object.keys(result.fieldErrors).sort()).toEqual(['name', 'roles']);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).onboardedAt).toBeNull();
  });

  it('sends charity staff to add their organisation, volunteers to their profile, and both through both', async () => {
    const charity = await completeOnboarding(await createUser(db), { name: 'Priya', charity: 'on' });
    const volunteer = await completeOnboarding(await createUser(db), { name: 'Alex', volunteer: 'on' });
    const both = await completeOnboarding(await createUser(db), { name: 'Tom', charity: 'on', volunteer: 'on' });
    expect([charity, volunteer, both].map((r) => r.ok && r.data.next)).toEqual([
      '/organisations/new',
      '/volunteer/profile?first=1',
      '/organisations/new?then=volunteer',
    ]);
  });

  it('returns to where they were going (on our site only)', async () => {
    const back = await completeOnboarding(await createUser(db), { name: 'Sam', volunteer: 'on', next: '/invites/abc' });
    const away = await completeOnboarding(await createUser(db), { name: 'Sam', volunteer: 'on', next: 'https://evil.example/' });
    expect(back.ok && back.data.next).toBe('/invites/abc');
    expect(away.ok && away.data.next).toBe('/volunteer/profile?first=1');
    // Arriving from the default landing page is no particular destination.
    const landing = await completeOnboarding(await createUser(db), { name: 'Sam', charity: 'on', next: '/welcome' });
    expect(landing.ok && landing.data.next).toBe('/organisations/new');
  });
});

describe('account details', () => {
  it('saves name and email preferences, ignoring anything else sent', async () => {
    const user = await createUser(db);
    expect(await updateAccount(user, { name: 'Jo Bloggs', emailOnOffers: 'on', role: 'ADMIN', email: 'new@evil.example' })).toMatchObject({
      ok: true,
    });
    expect(await db.user.findUniqueOrThrow({ where: { id: user.id } })).toMatchObject({
      name: 'Jo Bloggs',
      emailOnOffers: true,
      emailReminders: false,
      emailDigest: false,
      role: 'USER',
      email: user.email,
    });
  });

  it('starts with offers and reminders on and the digest off, and saves each box on its own', async () => {
    const user = await createUser(db);
    expect(await getAccount(user)).toMatchObject({ emailOnOffers: true, emailReminders: true, emailDigest: false });

    expect(await updateAccount(user, { name: 'Jo Bloggs', emailReminders: 'on', emailDigest: 'on' })).toMatchObject({ ok: true });
    expect(await getAccount(user)).toMatchObject({ emailOnOffers: false, emailReminders: true, emailDigest: true });

    // An unticked box is not sent at all: every box left out is turned off.
    expect(await updateAccount(user, { name: 'Jo Bloggs' })).toMatchObject({ ok: true });
    expect(await getAccount(user)).toMatchObject({ emailOnOffers: false, emailReminders: false, emailDigest: false });
  });

  it('keeps the preferences as they were when the form has a problem', async () => {
    const user = await createUser(db);
    const result = await updateAccount(user, { name: ' ', emailReminders: 'on' });
    expect(!result.ok && Object.keys(result.fieldErrors)).toEqual(['name']);
    expect(await getAccount(user)).toMatchObject({ emailOnOffers: true, emailReminders: true, emailDigest: false });
  });
});

describe('download my data', () => {
  it('includes the profile, memberships and feedback, and nobody else’s', async () => {
    const user = await createVolunteer(db, { name: 'Exporter' });
    const other = await createVolunteer(db, { name: 'Someone else' });
    const data = await exportAccountData(user);
    expect(data).toMatchObject({ id: user.id, email: user.email, volunteerProfile: { headline: 'Tester' } });
    expect(JSON.stringify(data)).not.toContain(other.id);
  });
});

describe('deleting an account', () => {
  it('asks for confirmation', async () => {
    const user = await createUser(db);
    const result = await deleteAccount(user, { confirm: 'yes' });
    expect(!result.ok && result.fieldErrors.confirm?.[0]).toMatch(/delete my account/);
    expect(await db.user.count({ where: { id: user.id } })).toBe(1);
  });

  it('is refused while they are the last owner of an organisation with other members', async () => {
    const [owner, member] = [await createUser(db), await createUser(db)];
    const org = await createOrganisation(db, {
      name: 'Shared',
      memberships: {
        create: [
          { userId: owner.id, role: 'OWNER' },
          { userId: member.id, role: 'MEMBER' },
        ],
      },
    });
    const result = await deleteAccount(owner, { confirm: 'delete my account' });
    expect(!result.ok && result.formError).toMatch(/only owner of Shared/);
    expect(await db.user.count({ where: { id: owner.id } })).toBe(1);
    expect(await db.organisation.count({ where: { id: org.id } })).toBe(1);
  });

  it('is refused while they have a session booked, as a volunteer or through an organisation only they belong to', async () => {
    const volunteer = await createVolunteer(db);
    const org = await createOrganisation(db, { name: 'Helped' });
    const ask = await createAsk(db, org.id, { status: 'MATCHED' });
    const meeting = await createMeeting(db, ask, volunteer.id, new Date(Date.now() + 3 * 86_400_000));
    const result = await deleteAccount(volunteer, { confirm: 'delete my account' });
    expect(!result.ok && result.formError).toMatch(/a session booked. Cancel it first/);
    expect(await db.meeting.count({ where: { id: meeting.id } })).toBe(1);

    const staff = await createUser(db);
    const solo = await createOrganisation(db, { name: 'Solo charity', memberships: { create: { userId: staff.id, role: 'OWNER' } } });
    await createMeeting(
      db,
      await createAsk(db, solo.id, { status: 'MATCHED' }),
      (await createVolunteer(db)).id,
      new Date(Date.now() + 86_400_000),
    );
    expect((await deleteAccount(staff, { confirm: 'delete my account' })).ok).toBe(false);
    expect(await db.organisation.count({ where: { id: solo.id } })).toBe(1);

    // Once it is cancelled, the account goes.
    await db.meeting.update({ where: { id: meeting.id }, data: { status: 'CANCELLED' } });
    expect(await deleteAccount(volunteer, { confirm: 'delete my account' })).toMatchObject({ ok: true });
  });

  it('removes the person and organisations only they belonged to, and keeps their feedback without their name', async () => {
    const person = await createUser(db);
    const volunteer = await createVolunteer(db);
    const solo = await createOrganisation(db, { name: 'Solo', memberships: { create: { userId: person.id, role: 'OWNER' } } });
    const otherOrg = await createOrganisation(db, { name: 'Other' });
    const ask = await createAsk(db, otherOrg.id, { status: 'COMPLETED' });
    const meeting = await createMeeting(db, ask, volunteer.id, new Date('2026-01-05T10:00:00Z'), 30, { status: 'HELD' });
    await db.feedback.create({
      data: { meetingId: meeting.id, authorId: person.id, party: 'CHARITY', rating: 5, thanks: 'Brilliant help.' },
    });
    await db.session.create({
      data: { sessionToken: `token-${person.id}`, userId: person.id, expires: new Date(Date.now() + 86_400_000) },
    });

    expect(await deleteAccount(person, { confirm: 'Delete my account' })).toMatchObject({ ok: true });
    // A second submission of the same form (a double click) is harmless.
    expect(await deleteAccount(person, { confirm: 'Delete my account' })).toMatchObject({ ok: true });

    expect(await db.user.count({ where: { id: person.id } })).toBe(0);
    expect(await db.session.count({ where: { userId: person.id } })).toBe(0);
    expect(await db.organisation.count({ where: { id: solo.id } })).toBe(0);
    expect(await db.organisation.count({ where: { id: otherOrg.id } })).toBe(1);
    expect(await db.feedback.findFirstOrThrow({ where: { meetingId: meeting.id } })).toMatchObject({
      authorId: null,
      thanks: 'Brilliant help.',
    });
  });
});
