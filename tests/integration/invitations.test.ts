// Invitations to help, through the same lib functions the server actions call: staff invite a suggested
// volunteer (every refusal with the message staff see), the email is queued once, races leave one row and
// never push a volunteer past their capacity, only the volunteer declines, an offer answers the invitation
// without counting twice, and invitations still waiting are withdrawn when their ask moves on.
import { beforeAll, describe, expect, it } from 'vitest';
import { expireOverdueAsks } from '@/lib/asks/expiry';
import { withdrawAsk } from '@/lib/asks/mutations';
import { AccessDenied } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { EmailData } from '@/lib/email/messages';
import { declineInvitation, inviteVolunteer } from '@/lib/invitations/mutations';
import { invitationsForAsk, myInvitationTo } from '@/lib/invitations/queries';
import { expireUnansweredInvitations, withdrawInvitationsOfVolunteer } from '@/lib/invitations/withdrawals';
import { volunteerLoad } from '@/lib/offers/capacity';
import { acceptOffer, makeOffer } from '@/lib/offers/mutations';
import { getOfferForm } from '@/lib/offers/queries';
import { addDays, dateInZone } from '@/lib/time-zones';
import { createOffer, createSkill, createUser } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { addMember, createAskBy, createCharity } from '../support/meeting-factories';

withJobQueue();

type User = Awaited<ReturnType<typeof createUser>>;
const LONDON = 'Europe/London';
const DAY = 86_400_000;

let org: { id: string };
let owner: User;
let colleague: User;
let outsider: User;
/** The skill every test ask needs and every test volunteer has: they are the people suggestions show. */
let skill: { id: string };

const inDays = (days: number) => addDays(dateInZone(new Date(), LONDON), days);

function offerForm() {
  return {
    message: 'You invited me, and I would be glad to help: I have done exactly this for two charities.',
    medium: 'VIDEO',
    time1Date: inDays(3),
    time1Time: '10:00',
    time2Date: inDays(4),
    time2Time: '11:00',
  };
}

async function volunteer(profile: { monthlyCapacity?: number; pausedAt?: Date | null } = {}, name = 'Priya Volunteer') {
  return createUser(db, {
    name,
    volunteerProfile: {
      create: {
        headline: 'Charity finance lead',
        bio: 'Twenty years in finance.',
        media: ['VIDEO'],
        timeZone: LONDON,
        skills: { create: [{ skillId: skill.id, level: 'EXPERT' }] },
        ...profile,
      },
    },
  });
}

async function openAsk(data: Parameters<typeof createAskBy>[3] = {}) {
  return createAskBy(db, org.id, owner.id, {
    media: ['VIDEO'],
    timeZone: LONDON,
    durationMinutes: 30,
    title: 'Check our cashbook',
    needsSkills: [skill.id],
    ...data,
  });
}

async function invited(ask: { id: string }, person: User, by: User = owner, extra: Record<string, unknown> = {}) {
  const result = await inviteVolunteer(by, ask.id, { volunteerId: person.id, ...extra });
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

beforeAll(async () => {
  skill = await createSkill(db, 'cashbooks-for-invitations', 'finance-for-invitations');
  const charity = await createCharity(db, { owner: { name: 'Olu Owner' }, organisation: { name: 'Harbour Food Bank' } });
  org = charity.organisation;
  owner = charity.owner;
  colleague = await addMember(db, org.id, { name: 'Cat Colleague' });
  outsider = (await createCharity(db)).owner;
});

describe('inviting a volunteer', () => {
  it('stores the invitation with the staff line and score, counts it against capacity, and emails the volunteer once', async () => {
    const ask = await openAsk();
    const priya = await volunteer({ monthlyCapacity: 3 });
    const id = await invited(ask, priya, colleague, { message: '  Your Gift Aid work is just what we need.  ', score: '0.82' });

    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      askId: ask.id,
      volunteerId: priya.id,
      invitedById: colleague.id,
      message: 'Your Gift Aid work is just what we need.',
      score: 0.82,
      status: 'PENDING',
    });
    expect(await volunteerLoad(db, priya.id)).toMatchObject({ capacity: 3, pending: 0, invited: 1, spare: 2 });

    const emails = await db.emailOutbox.findMany({ where: { kind: 'invitation-to-help', userId: priya.id } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: priya.email, dedupeKey: `invitation:${id}` });
    const data = emails[0]!.data as unknown as EmailData<'invitation-to-help'>;
    expect(data).toMatchObject({
      askTitle: 'Check our cashbook',
      organisationName: 'Harbour Food Bank',
      inviterName: 'Cat Colleague',
      message: 'Your Gift Aid work is just what we need.',
    });
    expect(data.url).toMatch(new RegExp(`/asks/${ask.id}/offer\\?invitation=${id}$`));
    expect(await db.auditLog.count({ where: { entityType: 'Invitation', entityId: id, action: 'invitation.send' } })).toBe(1);

    // Staff see who they invited; the volunteer sees the line above the offer form.
    const sent = await invitationsForAsk(owner, ask.id);
    expect(sent).toMatchObject([{ id, status: 'PENDING', volunteerName: 'Priya Volunteer', invitedByName: 'Cat Colleague' }]);
    expect(JSON.stringify(sent)).not.toContain(priya.email);
    await expect(invitationsForAsk(outsider, ask.id)).rejects.toBeInstanceOf(AccessDenied);
    expect(await myInvitationTo(priya, ask.id)).toMatchObject({ id, message: 'Your Gift Aid work is just what we need.' });
    expect((await getOfferForm(priya, ask.id))?.invitation).toMatchObject({ id, invitedByName: 'Cat Colleague' });
  });

  it('is for staff of the ask’s organisation only', async () => {
    const ask = await openAsk();
    const priya = await volunteer();
    await expect(inviteVolunteer(outsider, ask.id, { volunteerId: priya.id })).rejects.toBeInstanceOf(AccessDenied);
    await expect(inviteVolunteer(priya, ask.id, { volunteerId: priya.id })).rejects.toBeInstanceOf(AccessDenied);
    expect(await db.invitation.count({ where: { askId: ask.id } })).toBe(0);
  });

  it('keeps the line to 500 characters, shown beside the field with what was typed', async () => {
    const ask = await openAsk();
    const priya = await volunteer();
    const result = await inviteVolunteer(owner, ask.id, { volunteerId: priya.id, message: 'x'.repeat(501) });
    expect(result).toMatchObject({ ok: false, fieldErrors: { message: [expect.stringMatching(/under 500/)] } });
    if (!result.ok) expect(result.values.message).toHaveLength(501);
    expect(await db.invitation.count({ where: { askId: ask.id } })).toBe(0);
  });

  it('refuses asks that are not open: withdrawn, matched or past their deadline', async () => {
    const priya = await volunteer({ monthlyCapacity: 10 });
    for (const data of [{ status: 'WITHDRAWN' as const }, { status: 'MATCHED' as const }, { deadline: new Date(Date.now() - 60_000) }]) {
      const ask = await openAsk(data);
      expect(await inviteVolunteer(owner, ask.id, { volunteerId: priya.id })).toMatchObject({
        ok: false,
        formError: expect.stringMatching(/not open/),
      });
    }
    expect(await db.invitation.count({ where: { volunteerId: priya.id } })).toBe(0);
  });

  it('refuses a paused volunteer, a suspended one, and someone with no volunteer profile', async () => {
    const ask = await openAsk();
    const paused = await volunteer({ pausedAt: new Date() }, 'Paula Paused');
    expect(await inviteVolunteer(owner, ask.id, { volunteerId: paused.id })).toMatchObject({
      ok: false,
      formError: 'Paula Paused is not available to help this month. Invite someone else.',
    });
    const suspended = await volunteer();
    await db.user.update({ where: { id: suspended.id }, data: { status: 'SUSPENDED' } });
    const noProfile = await createUser(db);
    for (const person of [suspended, noProfile]) {
      expect(await inviteVolunteer(owner, ask.id, { volunteerId: person.id })).toMatchObject({
        ok: false,
        formError: 'Only volunteers suggested for this ask can be invited to it.',
      });
    }
    expect(await inviteVolunteer(owner, ask.id, { volunteerId: 'no-such-user' })).toMatchObject({ ok: false });
    expect(await db.invitation.count({ where: { askId: ask.id } })).toBe(0);
  });

  it('refuses anyone suggestions would not show, with one answer that says nothing about them', async () => {
    const ask = await openAsk();
    // A volunteer id sent back from the browser is checked: no skill the ask needs, or no medium in common.
    const unrelated = await createUser(db, {
      name: 'Una Unrelated',
      volunteerProfile: { create: { headline: 'Gardener', bio: 'Plants.', media: ['VIDEO'], monthlyCapacity: 3 } },
    });
    const phoneOnly = await volunteer({}, 'Pat Phone');
    await db.volunteerProfile.update({ where: { userId: phoneOnly.id }, data: { media: ['PHONE'] } });
    for (const person of [unrelated, phoneOnly]) {
      expect(await inviteVolunteer(owner, ask.id, { volunteerId: person.id })).toMatchObject({
        ok: false,
        formError: 'Only volunteers suggested for this ask can be invited to it.',
      });
    }
    expect(await db.invitation.count({ where: { askId: ask.id } })).toBe(0);
  });

  it('refuses a volunteer at capacity, counting pending invitations as well as offers', async () => {
    const priya = await volunteer({ monthlyCapacity: 2 }, 'Priya Full');
    await invited(await openAsk(), priya);
    await createOffer(db, (await openAsk()).id, priya.id); // a pending offer fills the second place
    const third = await openAsk();
    expect(await inviteVolunteer(owner, third.id, { volunteerId: priya.id })).toMatchObject({
      ok: false,
      formError: 'Priya Full is not available to help this month. Invite someone else.',
    });
    expect(await volunteerLoad(db, priya.id)).toMatchObject({ pending: 1, invited: 1, spare: 0 });
    // Nor can she offer on a fourth ask she was not invited to: the invitation holds its place.
    expect(await makeOffer(priya, third.id, offerForm())).toMatchObject({ ok: false, formError: expect.stringMatching(/limit of 2/) });
  });

  it('refuses a member of the ask’s own organisation, and someone who has already offered', async () => {
    const ask = await openAsk();
    const staffVolunteer = await addMember(db, org.id, {
      name: 'Staff Volunteer',
      volunteerProfile: {
        create: { headline: 'Staff', bio: 'Works here.', media: ['VIDEO'], skills: { create: [{ skillId: skill.id, level: 'EXPERT' }] } },
      },
    });
    expect(await inviteVolunteer(owner, ask.id, { volunteerId: staffVolunteer.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/member of your organisation/),
    });
    const priya = await volunteer();
    await createOffer(db, ask.id, priya.id);
    expect(await inviteVolunteer(owner, ask.id, { volunteerId: priya.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already offered/),
    });
    expect(await db.invitation.count({ where: { askId: ask.id } })).toBe(0);
  });

  it('invites a volunteer to an ask once, also when two colleagues press invite at the same moment', async () => {
    const ask = await openAsk();
    const priya = await volunteer({ monthlyCapacity: 5 }, 'Priya Twice');
    const results = await Promise.all([
      inviteVolunteer(owner, ask.id, { volunteerId: priya.id, message: 'From Olu' }),
      inviteVolunteer(colleague, ask.id, { volunteerId: priya.id, message: 'From Cat' }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({
      formError: expect.stringMatching(/^Priya Twice has already been invited/),
    });
    expect(await inviteVolunteer(owner, ask.id, { volunteerId: priya.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already been invited/),
    });
    expect(await db.invitation.count({ where: { askId: ask.id } })).toBe(1);
    expect(await db.emailOutbox.count({ where: { kind: 'invitation-to-help', userId: priya.id } })).toBe(1);
  });

  it('gives a volunteer with one place left one invitation when two asks invite them at once', async () => {
    const priya = await volunteer({ monthlyCapacity: 1 });
    const [first, second] = [await openAsk(), await openAsk()];
    const results = await Promise.all([
      inviteVolunteer(owner, first.id, { volunteerId: priya.id }),
      inviteVolunteer(colleague, second.id, { volunteerId: priya.id }),
    ]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.find((result) => !result.ok)).toMatchObject({ formError: expect.stringMatching(/not available to help this month/) });
    expect(await db.invitation.count({ where: { volunteerId: priya.id } })).toBe(1);
  });
});

describe('answering an invitation', () => {
  it('lets only the invited volunteer decline, with a reason the charity sees', async () => {
    const ask = await openAsk();
    const priya = await volunteer();
    const id = await invited(ask, priya);
    const stranger = await volunteer();
    await expect(declineInvitation(stranger, id, { reason: 'Busy' })).rejects.toBeInstanceOf(AccessDenied);
    await expect(declineInvitation(owner, id, { reason: 'Busy' })).rejects.toBeInstanceOf(AccessDenied);

    expect(await declineInvitation(priya, id, { reason: '   ' })).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    expect(await declineInvitation(priya, id, { reason: 'I am away until the new year, sorry.' })).toMatchObject({
      ok: true,
      data: { askId: ask.id },
    });
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'DECLINED',
      declineReason: 'I am away until the new year, sorry.',
      respondedAt: expect.any(Date),
    });
    expect(await declineInvitation(priya, id, { reason: 'Again' })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/no longer waiting/),
    });
    expect(await volunteerLoad(db, priya.id)).toMatchObject({ invited: 0 });
    expect((await invitationsForAsk(owner, ask.id))[0]).toMatchObject({
      status: 'DECLINED',
      declineReason: 'I am away until the new year, sorry.',
    });
  });

  it('accepts by offering: the invitation becomes ACCEPTED and takes no second place in the capacity', async () => {
    const ask = await openAsk();
    const priya = await volunteer({ monthlyCapacity: 1 });
    const id = await invited(ask, priya, owner, { message: 'We would love your help.' });
    expect(await volunteerLoad(db, priya.id)).toMatchObject({ invited: 1, spare: 0 });

    // At capacity only because of this invitation: the offer form is open to her.
    const form = await getOfferForm(priya, ask.id);
    expect(form?.refusal).toBeNull();
    expect(form?.invitation).toMatchObject({ id, status: 'PENDING', message: 'We would love your help.' });

    const result = await makeOffer(priya, ask.id, offerForm());
    expect(result).toMatchObject({ ok: true });
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'ACCEPTED', respondedAt: expect.any(Date) });
    expect(await volunteerLoad(db, priya.id)).toMatchObject({ pending: 1, invited: 0, spare: 0 });
    expect(await declineInvitation(priya, id, { reason: 'Changed my mind' })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already answered this invitation with an offer/),
    });
  });
});

describe('when the ask moves on', () => {
  it('withdraws invitations still waiting when the ask is matched, leaving answered ones as they were', async () => {
    const ask = await openAsk();
    const [chosen, waiting, declined] = [await volunteer(), await volunteer(), await volunteer()];
    const offered = await makeOffer(chosen, ask.id, offerForm());
    if (!offered.ok) throw new Error(JSON.stringify(offered));
    const waitingId = await invited(ask, waiting);
    const declinedId = await invited(ask, declined);
    await declineInvitation(declined, declinedId, { reason: 'No time' });

    const time = await db.offerTime.findFirstOrThrow({ where: { offerId: offered.data.id } });
    expect(await acceptOffer(owner, offered.data.id, { timeId: time.id })).toMatchObject({ ok: true });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: waitingId } })).toMatchObject({ status: 'WITHDRAWN' });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: declinedId } })).toMatchObject({ status: 'DECLINED' });
    expect(await volunteerLoad(db, waiting.id)).toMatchObject({ invited: 0 });
  });

  it('withdraws invitations still waiting when staff withdraw the ask', async () => {
    const ask = await openAsk();
    const priya = await volunteer();
    const id = await invited(ask, priya);
    expect(await withdrawAsk(owner, ask.id, {})).toMatchObject({ ok: true });
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'WITHDRAWN' });
  });

  it('expires invitations left unanswered for a week, freeing the place they held', async () => {
    const priya = await volunteer({ monthlyCapacity: 1 });
    const [stale, recent] = [await openAsk(), await openAsk()];
    const staleId = await invited(stale, priya);
    await db.invitation.update({ where: { id: staleId }, data: { createdAt: new Date(Date.now() - 8 * DAY) } });
    const sam = await volunteer();
    const recentId = await invited(recent, sam);
    await db.invitation.update({ where: { id: recentId }, data: { createdAt: new Date(Date.now() - 6 * DAY) } });

    expect(await expireUnansweredInvitations(db)).toBeGreaterThanOrEqual(1);
    expect(await db.invitation.findUniqueOrThrow({ where: { id: staleId } })).toMatchObject({ status: 'EXPIRED' });
    expect(await db.invitation.findUniqueOrThrow({ where: { id: recentId } })).toMatchObject({ status: 'PENDING' });
    expect(await volunteerLoad(db, priya.id)).toMatchObject({ invited: 0, spare: 1 });
    expect(await declineInvitation(priya, staleId, { reason: 'Sorry, missed this' })).toMatchObject({ ok: false });
  });

  it('can withdraw every invitation waiting for a volunteer who stops being available', async () => {
    const priya = await volunteer({ monthlyCapacity: 3 });
    const ids = [await invited(await openAsk(), priya), await invited(await openAsk(), priya)];
    await declineInvitation(priya, ids[1]!, { reason: 'Not my area' });
    expect(await withdrawInvitationsOfVolunteer(db, priya.id)).toBe(1);
    expect(
      (await db.invitation.findMany({ where: { id: { in: ids } }, orderBy: { status: 'asc' } })).map((row) => row.status).sort(),
    ).toEqual(['DECLINED', 'WITHDRAWN']);
  });

  it('withdraws invitations still waiting when the ask expires', async () => {
    const ask = await openAsk({ deadline: new Date(Date.now() + DAY) });
    const priya = await volunteer();
    const id = await invited(ask, priya);
    expect((await expireOverdueAsks(db, new Date(Date.now() + 2 * DAY))).expired).toContain(ask.id);
    expect(await db.invitation.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'WITHDRAWN' });
    expect(await declineInvitation(priya, id, { reason: 'Too late' })).toMatchObject({ ok: false });
  });
});
