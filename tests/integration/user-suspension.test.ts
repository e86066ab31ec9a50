// Suspending and reinstating people, through the lib functions the admin page's actions call: the
// suspended person is signed out and their waiting offers go, each charity told once, even when two
// admins press the button at the same moment.
import { describe, expect, it } from 'vitest';
import { AccessDenied } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { listUsers, parseUserListQuery, reinstateUser, suspendUser } from '@/lib/moderation/users';
import { createOffer, createUser, createVolunteer } from '../support/factories';
import { addMember, createAskBy, createBookedMeeting, createCharity } from '../support/meeting-factories';
import { withJobQueue } from '../support/jobs';

// Suspension queues 'offer-withdrawn' emails in its transaction; no worker sends them here.
withJobQueue();

const REASON = 'Sent abusive messages to two charities.';

async function admin() {
  return createUser(db, { name: 'Admin', role: 'ADMIN' });
}

/** A volunteer signed in on two devices, with pending offers on two charities' asks and one accepted. */
async function busyVolunteer() {
  const volunteer = await createVolunteer(db, { name: 'Vince Volunteer' });
  await db.session.createMany({
    data: [1, 2].map((n) => ({ sessionToken: `${volunteer.id}-${n}`, userId: volunteer.id, expires: new Date(Date.now() + 86_400_000) })),
  });
  const first = await createCharity(db);
  const colleague = await addMember(db, first.organisation.id, { name: 'Colleague' });
  const second = await createCharity(db);
  // One ask written by a colleague (the creator hears), one with no creator (the owners hear).
  const askA = await createAskBy(db, first.organisation.id, colleague.id, { title: 'Fix our cashbook' });
  const askB = await createAskBy(db, second.organisation.id, null, { title: 'Write our bid' });
  const askC = await createAskBy(db, second.organisation.id, null, { title: 'Already agreed' });
  const pendingA = await createOffer(db, askA.id, volunteer.id);
  const pendingB = await createOffer(db, askB.id, volunteer.id);
  const accepted = await createOffer(db, askC.id, volunteer.id, { status: 'ACCEPTED' });
  return { volunteer, colleague, secondOwner: second.owner, pending: [pendingA.id, pendingB.id], accepted: accepted.id };
}

/** The 'offer-withdrawn' emails about these offers (an owner standing in for the ask's creator has a key of their own). */
const withdrawnEmails = (offerIds: string[]) =>
  db.emailOutbox.findMany({
    where: { kind: 'offer-withdrawn', OR: offerIds.map((id) => ({ dedupeKey: { startsWith: `offer-withdrawn:${id}` } })) },
    orderBy: { to: 'asc' },
  });

describe('suspending a user', () => {
  it('cancels the sessions they have booked as a volunteer, tells the charity, and gives the ask back', async () => {
    const boss = await admin();
    const volunteer = await createVolunteer(db, { name: 'Vera Volunteer' });
    const charity = await createCharity(db);
    const ask = await createAskBy(db, charity.organisation.id, charity.owner.id, { status: 'MATCHED', title: 'Plan our AGM' });
    const offer = await createOffer(db, ask.id, volunteer.id, { status: 'ACCEPTED' });
    const soon = await createBookedMeeting(db, ask, volunteer.id, new Date(Date.now() + 5 * 3_600_000), new Date(Date.now() - 86_400_000), {
      offerId: offer.id,
    });

    expect(await suspendUser(boss, volunteer.id, { reason: REASON })).toMatchObject({ ok: true });

    expect(await db.meeting.findUniqueOrThrow({ where: { id: soon.id } })).toMatchObject({
      status: 'CANCELLED',
      cancelledById: boss.id,
      cancelledLate: true,
      sequence: 1,
    });
    expect(await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).toMatchObject({ status: 'OPEN' });
    expect(await db.offer.findUniqueOrThrow({ where: { id: offer.id } })).toMatchObject({ status: 'WITHDRAWN' });
    const emails = await db.emailOutbox.findMany({
      where: { kind: 'meeting-cancelled', dedupeKey: { startsWith: `meeting-cancelled:${soon.id}` } },
    });
    expect(emails.map((email) => email.userId)).toEqual([charity.owner.id]);
    expect(emails[0]!.data).toMatchObject({ cancelledByName: 'HalfHour', sequence: 1 });
  });

  it('suspends, signs them out, withdraws their pending offers and tells each charity once', async () => {
    const boss = await admin();
    const { volunteer, colleague, secondOwner, pending, accepted } = await busyVolunteer();

    const result = await suspendUser(boss, volunteer.id, { reason: `  ${REASON}  ` });

    expect(result).toEqual({ ok: true, data: { changed: true } });
    const after = await db.user.findUniqueOrThrow({ where: { id: volunteer.id } });
    expect(after).toMatchObject({ status: 'SUSPENDED', suspendedWhy: REASON });
    expect(after.suspendedAt).toBeInstanceOf(Date);
    expect(await db.session.count({ where: { userId: volunteer.id } })).toBe(0);
    const offers = await db.offer.findMany({ where: { volunteerId: volunteer.id }, orderBy: { id: 'asc' } });
    expect(offers.filter((offer) => pending.includes(offer.id)).map((offer) => [offer.status, offer.withdrawnBecause])).toEqual([
      ['WITHDRAWN', 'VOLUNTEER_SUSPENDED'],
      ['WITHDRAWN', 'VOLUNTEER_SUSPENDED'],
    ]);
    expect(offers.find((offer) => offer.id === accepted)?.status).toBe('ACCEPTED'); // a booked session is not an offer waiting

    expect((await withdrawnEmails([pending[0]!])).map((email) => email.to)).toEqual([colleague.email]);
    const toSecond = await withdrawnEmails([pending[1]!]);
    expect(toSecond.map((email) => email.to)).toEqual([secondOwner.email]);
    expect(toSecond[0]!.data).toMatchObject({ askTitle: 'Write our bid', volunteerName: 'Vince Volunteer', reason: 'suspended' });

    const audit = await db.auditLog.findMany({ where: { entityType: 'User', entityId: volunteer.id } });
    expect(audit.map((row) => [row.action, row.actorId])).toEqual([['user.suspend', boss.id]]);
    expect(audit[0]!.data).toMatchObject({ reason: REASON });
  });

  it('needs a reason, and keeps what was typed', async () => {
    const boss = await admin();
    const { volunteer, pending } = await busyVolunteer();
    const result = await suspendUser(boss, volunteer.id, { reason: 'spam' });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.reason?.[0]).toMatch(/10 characters/);
    expect(result.values.reason).toBe('spam');
    expect((await db.user.findUniqueOrThrow({ where: { id: volunteer.id } })).status).toBe('ACTIVE');
    expect(await db.offer.count({ where: { id: { in: pending }, status: 'PENDING' } })).toBe(2);
  });

  it('refuses anyone but an admin, and an admin suspending themselves', async () => {
    const { volunteer } = await busyVolunteer();
    const someone = await createUser(db);
    await expect(suspendUser(someone, volunteer.id, { reason: REASON })).rejects.toBeInstanceOf(AccessDenied);
    await expect(reinstateUser(someone, volunteer.id)).rejects.toBeInstanceOf(AccessDenied);
    const suspendedAdmin = await createUser(db, { role: 'ADMIN', status: 'SUSPENDED' });
    await expect(suspendUser(suspendedAdmin, volunteer.id, { reason: REASON })).rejects.toBeInstanceOf(AccessDenied);
    await expect(listUsers(someone, parseUserListQuery({}))).rejects.toBeInstanceOf(AccessDenied);

    const boss = await admin();
    const self = await suspendUser(boss, boss.id, { reason: REASON });
    expect(self.ok).toBe(false);
    if (!self.ok) expect(self.formError).toMatch(/your own account/);
    expect((await db.user.findUniqueOrThrow({ where: { id: boss.id } })).status).toBe('ACTIVE');
    expect((await db.user.findUniqueOrThrow({ where: { id: volunteer.id } })).status).toBe('ACTIVE');
    await expect(suspendUser(boss, 'no-such-user', { reason: REASON })).rejects.toBeInstanceOf(AccessDenied);
  });

  it('suspends once when two admins act at the same moment: one audit row, one email each', async () => {
    const [first, second] = await Promise.all([admin(), admin()]);
    const { volunteer, pending } = await busyVolunteer();

    const results = await Promise.all([
      suspendUser(first, volunteer.id, { reason: REASON }),
      suspendUser(second, volunteer.id, { reason: 'Another admin, the same complaint.' }),
    ]);

    expect(results.map((result) => result.ok && result.data.changed).sort()).toEqual([false, true]);
    expect(await db.auditLog.count({ where: { action: 'user.suspend', entityId: volunteer.id } })).toBe(1);
    expect(await withdrawnEmails(pending)).toHaveLength(2);
    expect(await db.auditLog.count({ where: { action: 'offer.withdraw', entityId: { in: pending } } })).toBe(2);
  });
});

describe('reinstating a user', () => {
  it('makes them active again once; their withdrawn offers stay withdrawn', async () => {
    const boss = await admin();
    const { volunteer, pending } = await busyVolunteer();
    await suspendUser(boss, volunteer.id, { reason: REASON });

    const results = await Promise.all([reinstateUser(boss, volunteer.id), reinstateUser(boss, volunteer.id)]);

    expect(results.map((result) => result.changed).sort()).toEqual([false, true]);
    expect(await db.user.findUniqueOrThrow({ where: { id: volunteer.id } })).toMatchObject({
      status: 'ACTIVE',
      suspendedAt: null,
      suspendedWhy: null,
    });
    expect(await db.offer.count({ where: { id: { in: pending }, status: 'WITHDRAWN' } })).toBe(2);
    expect(await db.auditLog.count({ where: { action: 'user.reinstate', entityId: volunteer.id } })).toBe(1);
  });
});

describe('the admin list of users', () => {
  it('finds people by part of their email or name, whatever the case, a page at a time', async () => {
    const boss = await admin();
    const marker = `zq${Date.now().toString(36)}`;
    const named = await createUser(db, { name: `Priya ${marker.toUpperCase()}son` });
    const emailed = await createUser(db, { email: `${marker}@example.org`, name: 'Someone Else' });

    const found = await listUsers(boss, parseUserListQuery({ q: marker.toUpperCase() }));
    expect(found.users.map((user) => user.id).sort()).toEqual([named.id, emailed.id].sort());
    expect(found.total).toBe(2);

    const odd = parseUserListQuery({ q: ['x', 'y'], page: 'banana' });
    expect(odd).toEqual({ q: 'x', page: 1 });
    const beyond = await listUsers(boss, parseUserListQuery({ q: marker, page: '9' }));
    expect(beyond.users).toEqual([]);
  });
});
