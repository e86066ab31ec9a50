// Offers from "I can help" to an accepted offer, through the same lib functions the server actions call:
// making, withdrawing, declining and accepting, every refusal with the message a person sees, and the
// emails each step queues (once) in EmailOutbox.
import { beforeAll, describe, expect, it } from 'vitest';
import { deleteAccount } from '@/lib/account/mutations';
import { AccessDenied } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import type { EmailData } from '@/lib/email/messages';
import { acceptOffer, declineOffer, makeOffer, withdrawOffer } from '@/lib/offers/mutations';
import { getOfferForm, listMyOffers, listOffersForStaff, offerSummaryForStaff } from '@/lib/offers/queries';
import { addDays, dateInZone } from '@/lib/time-zones';
import { pauseVolunteering } from '@/lib/volunteers/mutations';
import { createOffer, createSkill, createUser } from '../support/factories';
import { withJobQueue } from '../support/jobs';
import { addMember, createAskBy, createBookedMeeting, createCharity, giveFeedback } from '../support/meeting-factories';

withJobQueue();

type User = Awaited<ReturnType<typeof createUser>>;
const LONDON = 'Europe/London';
const DAY = 86_400_000;

let org: { id: string };
let owner: User;
let colleague: User;
let outsider: User;

/** A date `days` from today in London, as the form sends it. */
const inDays = (days: number) => addDays(dateInZone(new Date(), LONDON), days);

/** The offer form, with three times on three different days at 10:00, 11:00 and 14:00 UK time. */
function offerForm(overrides: Record<string, string> = {}) {
  return {
    message: 'I ran the books for a community cafe for six years and can walk you through it.',
    medium: 'VIDEO',
    joinDetails: 'https://meet.example/volunteer-room',
    time1Date: inDays(3),
    time1Time: '10:00',
    time2Date: inDays(4),
    time2Time: '11:00',
    time3Date: inDays(5),
    time3Time: '14:00',
    ...overrides,
  };
}

async function volunteer(profile: { monthlyCapacity?: number; pausedAt?: Date | null; timeZone?: string } = {}) {
  return createUser(db, {
    name: 'Priya Volunteer',
    volunteerProfile: {
      create: { headline: 'Charity finance lead', bio: 'Twenty years in finance.', media: ['VIDEO'], timeZone: LONDON, ...profile },
    },
  });
}

async function openAsk(data: Parameters<typeof createAskBy>[3] = {}) {
  return createAskBy(db, org.id, owner.id, { media: ['VIDEO', 'PHONE'], timeZone: LONDON, durationMinutes: 30, ...data });
}

async function offered(ask: { id: string }, person: User, overrides: Record<string, string> = {}) {
  const result = await makeOffer(person, ask.id, offerForm(overrides));
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result.data.id;
}

async function outbox(kind: string, dedupeKey?: string) {
  return db.emailOutbox.findMany({ where: { kind, ...(dedupeKey ? { dedupeKey } : {}) }, orderBy: { createdAt: 'asc' } });
}

beforeAll(async () => {
  const charity = await createCharity(db, { owner: { name: 'Olu Owner' } });
  org = charity.organisation;
  owner = charity.owner;
  colleague = await addMember(db, org.id, { name: 'Cat Colleague' });
  outsider = (await createCharity(db)).owner;
});

describe('making an offer', () => {
  it('stores the offer with its times in UTC and tells the charity once', async () => {
    const ask = await openAsk();
    const priya = await volunteer();
    const id = await offered(ask, priya);

    const offer = await db.offer.findUniqueOrThrow({ where: { id }, include: { times: { orderBy: { startsAt: 'asc' } } } });
    expect(offer).toMatchObject({ status: 'PENDING', medium: 'VIDEO', joinDetails: 'https://meet.example/volunteer-room' });
    expect(offer.times).toHaveLength(3);
    expect(dateInZone(offer.times[0]!.startsAt, LONDON)).toBe(inDays(3));
    expect(offer.times[0]!.endsAt.getTime() - offer.times[0]!.startsAt.getTime()).toBe(30 * 60_000);

    const emails = await outbox('offer-received', `offer-received:${id}`);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ userId: owner.id, to: owner.email });
    const data = emails[0]!.data as unknown as EmailData<'offer-received'>;
    expect(data.url).toMatch(new RegExp(`/my-asks/${ask.id}/offers$`));
    expect(data.volunteerName).toBe('Priya Volunteer');

    // The volunteer sees their offer instead of the form.
    const form = await getOfferForm(priya, ask.id);
    expect(form?.offer?.id).toBe(id);
    expect(form?.refusal).toBeNull();
    expect((await listMyOffers(priya)).map((row) => row.id)).toEqual([id]);
  });

  it('refuses a second offer on the same ask, also when two are sent at once', async () => {
    const ask = await openAsk();
    const priya = await volunteer({ monthlyCapacity: 5 });
    const results = await Promise.all([makeOffer(priya, ask.id, offerForm()), makeOffer(priya, ask.id, offerForm())]);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    const again = await makeOffer(priya, ask.id, offerForm());
    expect(again).toMatchObject({ ok: false, formError: expect.stringMatching(/already offered/) });
    for (const result of results.filter((r) => !r.ok))
      expect(result).toMatchObject({ formError: expect.stringMatching(/already offered/) });
    expect(await db.offer.count({ where: { askId: ask.id } })).toBe(1);
    expect(
      await outbox('offer-received').then((rows) => rows.filter((row) => (row.data as { url: string }).url.includes(ask.id))),
    ).toHaveLength(1);
  });

  it('refuses a paused volunteer, and says why', async () => {
    const ask = await openAsk();
    const paused = await volunteer({ pausedAt: new Date() });
    const result = await makeOffer(paused, ask.id, offerForm());
    expect(result).toMatchObject({ ok: false, formError: expect.stringMatching(/paused/) });
    expect((await getOfferForm(paused, ask.id))?.refusal).toMatch(/paused/);
    // A pause that has ended does not count.
    const back = await volunteer({ pausedAt: new Date(Date.now() - 10 * DAY) });
    await db.volunteerProfile.update({ where: { userId: back.id }, data: { pausedUntil: new Date(Date.now() - DAY) } });
    expect(await makeOffer(back, ask.id, offerForm())).toMatchObject({ ok: true });
  });

  it('refuses a volunteer at capacity: booked sessions this month plus waiting offers', async () => {
    const priya = await volunteer({ monthlyCapacity: 2 });
    await offered(await openAsk(), priya);
    const other = await openAsk();
    // A session this month (an hour ahead, or two hours back when that would be next month) fills the second place.
    const month = (date: Date) => dateInZone(date, LONDON).slice(0, 7);
    const ahead = new Date(Date.now() + 60 * 60_000);
    const startsAt = month(ahead) === month(new Date()) ? ahead : new Date(Date.now() - 2 * 60 * 60_000);
    await createBookedMeeting(db, other, priya.id, startsAt, new Date());
    const third = await openAsk();
    const result = await makeOffer(priya, third.id, offerForm());
    expect(result).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/limit of 2 sessions a month \(1 booked this month, 1 offer waiting\)/),
    });
    expect(await db.offer.count({ where: { volunteerId: priya.id } })).toBe(1);
  });

  it('refuses asks that are closed, matched, past their deadline or from the volunteer own organisation', async () => {
    const priya = await volunteer({ monthlyCapacity: 10 });
    const withdrawn = await openAsk({ status: 'WITHDRAWN' });
    expect(await makeOffer(priya, withdrawn.id, offerForm())).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/no longer open/),
    });
    const matched = await openAsk({ status: 'MATCHED' });
    expect(await makeOffer(priya, matched.id, offerForm())).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already been matched/),
    });
    const late = await openAsk({ deadline: new Date(Date.now() - 60_000) });
    expect(await makeOffer(priya, late.id, offerForm())).toMatchObject({ ok: false, formError: expect.stringMatching(/deadline/) });

    const staffVolunteer = await addMember(db, org.id, {
      name: 'Staff Volunteer',
      volunteerProfile: { create: { headline: 'Staff', bio: 'Works here.', media: ['VIDEO'] } },
    });
    const own = await openAsk();
    expect(await makeOffer(staffVolunteer, own.id, offerForm())).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/your own organisation/),
    });
    expect(await db.offer.count({ where: { volunteerId: { in: [priya.id, staffVolunteer.id] } } })).toBe(0);

    const draft = await openAsk({ status: 'DRAFT', publishedAt: null });
    await expect(makeOffer(priya, draft.id, offerForm())).rejects.toBeInstanceOf(AccessDenied);
  });

  it('shows field errors beside each field and keeps what was typed', async () => {
    const ask = await openAsk({ media: ['PHONE'] });
    const priya = await volunteer();
    const result = await makeOffer(
      priya,
      ask.id,
      offerForm({ message: 'Hi', time2Date: inDays(3), time2Time: '10:15', time3Date: '', time3Time: '' }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors.message?.[0]).toMatch(/at least 20/);
    expect(result.fieldErrors.medium?.[0]).toMatch(/ways this charity can meet/);
    expect(result.fieldErrors.time2?.[0]).toMatch(/overlaps your time 1/);
    expect(result.values.time1Date).toBe(inDays(3));
    expect(await db.offer.count({ where: { askId: ask.id } })).toBe(0);
  });
});

describe('withdrawing an offer', () => {
  it('withdraws a waiting offer once and tells the charity once', async () => {
    const ask = await openAsk();
    const priya = await volunteer();
    const id = await offered(ask, priya);
    const stranger = await volunteer();
    await expect(withdrawOffer(stranger, id)).rejects.toBeInstanceOf(AccessDenied);

    expect(await withdrawOffer(priya, id)).toMatchObject({ ok: true, data: { askId: ask.id } });
    expect(await db.offer.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: 'WITHDRAWN', withdrawnBecause: 'BY_VOLUNTEER' });
    expect(await withdrawOffer(priya, id)).toMatchObject({ ok: false, formError: expect.stringMatching(/no longer waiting/) });
    const emails = await outbox('offer-withdrawn', `offer-withdrawn:${id}`);
    expect(emails).toHaveLength(1);
    expect(emails[0]!.userId).toBe(owner.id);
    expect((emails[0]!.data as unknown as EmailData<'offer-withdrawn'>).reason).toBe('withdrawn');
  });
});

describe('declining an offer', () => {
  it('lets only staff of the organisation decline, keeps the reason and tells the volunteer once', async () => {
    const ask = await openAsk();
    const priya = await volunteer();
    const id = await offered(ask, priya);
    await expect(declineOffer(outsider, id, { reason: 'OTHER' })).rejects.toBeInstanceOf(AccessDenied);
    await expect(declineOffer(priya, id, { reason: 'OTHER' })).rejects.toBeInstanceOf(AccessDenied);

    expect(await declineOffer(colleague, id, { reason: 'NOT_A_REASON' })).toMatchObject({
      ok: false,
      fieldErrors: { reason: expect.any(Array) },
    });
    const result = await declineOffer(colleague, id, { reason: 'TIMES_DO_NOT_WORK', note: 'We are closed that week, sorry.' });
    expect(result).toMatchObject({ ok: true });
    expect(await db.offer.findUniqueOrThrow({ where: { id } })).toMatchObject({
      status: 'DECLINED',
      declineReason: 'TIMES_DO_NOT_WORK',
      declineNote: 'We are closed that week, sorry.',
    });
    expect(await declineOffer(colleague, id, { reason: 'OTHER' })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already been answered/),
    });
    expect(await withdrawOffer(priya, id)).toMatchObject({ ok: false });

    const emails = await outbox('offer-declined', `offer-declined:${id}`);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ userId: priya.id });
    expect(emails[0]!.data).toMatchObject({ reason: 'declined', note: 'We are closed that week, sorry.' });
  });
});

describe('accepting an offer', () => {
  it('books the meeting, matches the ask, declines the rest kindly, and queues each email once', async () => {
    const skill = await createSkill(db);
    const ask = await openAsk();
    const priya = await volunteer();
    await db.volunteerSkill.create({
      data: {
        volunteerProfileId: (await db.volunteerProfile.findUniqueOrThrow({ where: { userId: priya.id } })).id,
        skillId: skill.id,
        level: 'EXPERT',
      },
    });
    const sam = await volunteer();
    const chosen = await offered(ask, priya);
    const other = await offered(ask, sam, { joinDetails: '' });

    // Priya has given one session before, rated 5 by that charity.
    const earlier = await openAsk({ status: 'COMPLETED' });
    const past = await createBookedMeeting(db, earlier, priya.id, new Date(Date.now() - 30 * DAY), new Date(Date.now() - 40 * DAY), {
      status: 'HELD',
    });
    await giveFeedback(db, past.id, owner.id, 'CHARITY');

    const compare = await listOffersForStaff(colleague, ask.id);
    const priyaRow = compare.offers.find((row) => row.id === chosen)!;
    expect(priyaRow).toMatchObject({ headline: 'Charity finance lead', sessionsGiven: 1, rating: { average: 5, count: 1 } });
    expect(priyaRow.skills).toEqual([{ slug: skill.slug, name: skill.name, level: 'EXPERT' }]);
    expect(JSON.stringify(compare)).not.toContain(priya.email);
    expect(JSON.stringify(compare)).not.toContain('volunteer-room');
    await expect(listOffersForStaff(outsider, ask.id)).rejects.toBeInstanceOf(AccessDenied);

    const time = (await db.offerTime.findMany({ where: { offerId: chosen }, orderBy: { startsAt: 'asc' } }))[1]!;
    await expect(acceptOffer(outsider, chosen, { timeId: time.id })).rejects.toBeInstanceOf(AccessDenied);
    await expect(acceptOffer(priya, chosen, { timeId: time.id })).rejects.toBeInstanceOf(AccessDenied);
    const otherTime = await db.offerTime.findFirstOrThrow({ where: { offerId: other } });
    expect(await acceptOffer(colleague, chosen, { timeId: otherTime.id })).toMatchObject({
      ok: false,
      fieldErrors: { timeId: expect.any(Array) },
    });

    const result = await acceptOffer(colleague, chosen, { timeId: time.id, joinDetails: '' });
    expect(result).toMatchObject({ ok: true });
    if (!result.ok) return;
    const meeting = await db.meeting.findUniqueOrThrow({ where: { id: result.data.meetingId } });
    expect(meeting).toMatchObject({
      askId: ask.id,
      offerId: chosen,
      volunteerId: priya.id,
      startsAt: time.startsAt,
      endsAt: time.endsAt,
      status: 'SCHEDULED',
      bookedById: colleague.id,
      joinDetails: 'https://meet.example/volunteer-room',
    });
    expect(await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).toMatchObject({ status: 'MATCHED' });
    expect(await db.offer.findUniqueOrThrow({ where: { id: chosen } })).toMatchObject({ status: 'ACCEPTED' });
    expect(await db.offer.findUniqueOrThrow({ where: { id: other } })).toMatchObject({
      status: 'DECLINED',
      declineReason: 'CHOSE_ANOTHER_OFFER',
    });
    expect(await offerSummaryForStaff(owner, ask.id)).toMatchObject({ pending: 0, meeting: { id: meeting.id } });

    const booked = await db.emailOutbox.findMany({
      where: { kind: 'offer-accepted', dedupeKey: { startsWith: `meeting-booked:${meeting.id}:` } },
    });
    expect(booked.map((row) => row.userId).sort()).toEqual([priya.id, owner.id, colleague.id].sort());
    const declined = await outbox('offer-declined', `offer-declined:${other}`);
    expect(declined).toHaveLength(1);
    expect(declined[0]).toMatchObject({ userId: sam.id });
    expect((declined[0]!.data as { note: string }).note).toMatch(/chosen another volunteer/);

    // Nothing more to accept, and no email twice.
    expect(await acceptOffer(colleague, chosen, { timeId: time.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already been matched/),
    });
    expect(await acceptOffer(owner, other, { timeId: otherTime.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/already been matched/),
    });
    expect(await withdrawOffer(priya, chosen)).toMatchObject({ ok: false, formError: expect.stringMatching(/cancel the session/) });
    expect(await db.meeting.count({ where: { askId: ask.id } })).toBe(1);
    expect(await outbox('offer-declined', `offer-declined:${other}`)).toHaveLength(1);
  });

  it('refuses to accept an offer that is no longer waiting', async () => {
    const ask = await openAsk();
    const priya = await volunteer();
    const id = await offered(ask, priya);
    await withdrawOffer(priya, id);
    const time = await db.offerTime.findFirstOrThrow({ where: { offerId: id } });
    expect(await acceptOffer(owner, id, { timeId: time.id })).toMatchObject({
      ok: false,
      formError: expect.stringMatching(/no longer waiting/),
    });
    expect(await db.ask.findUniqueOrThrow({ where: { id: ask.id } })).toMatchObject({ status: 'OPEN' });
    expect(await db.meeting.count({ where: { askId: ask.id } })).toBe(0);
  });

  it('refuses a time that has already passed', async () => {
    const ask = await openAsk();
    const priya = await volunteer();
    const offer = await createOffer(db, ask.id, priya.id, {
      times: { create: [{ startsAt: new Date(Date.now() - DAY), endsAt: new Date(Date.now() - DAY + 30 * 60_000) }] },
    });
    const time = await db.offerTime.findFirstOrThrow({ where: { offerId: offer.id } });
    expect(await acceptOffer(owner, offer.id, { timeId: time.id })).toMatchObject({
      ok: false,
      fieldErrors: { timeId: [expect.stringMatching(/passed/)] },
    });
  });
});

describe('a volunteer who stops being available', () => {
  it('pausing withdraws their waiting offers and tells each charity once', async () => {
    const priya = await volunteer({ monthlyCapacity: 5 });
    const first = await offered(await openAsk(), priya);
    const second = await offered(await openAsk(), priya);
    const result = await pauseVolunteering(priya, { pausedUntil: '' });
    expect(result).toMatchObject({ ok: true, message: expect.stringMatching(/2 waiting offers have been withdrawn/) });
    const offers = await db.offer.findMany({ where: { id: { in: [first, second] } } });
    expect(offers.map((offer) => [offer.status, offer.withdrawnBecause])).toEqual([
      ['WITHDRAWN', 'VOLUNTEER_PAUSED'],
      ['WITHDRAWN', 'VOLUNTEER_PAUSED'],
    ]);
    for (const id of [first, second]) {
      const emails = await outbox('offer-withdrawn', `offer-withdrawn:${id}`);
      expect(emails).toHaveLength(1);
      expect((emails[0]!.data as { reason: string }).reason).toBe('paused');
    }
  });

  it('deleting the account withdraws their waiting offers first and tells the charity', async () => {
    const priya = await volunteer();
    const ask = await openAsk();
    const id = await offered(ask, priya);
    expect(await deleteAccount(priya, { confirm: 'delete my account' })).toMatchObject({ ok: true });
    expect(await db.offer.count({ where: { id } })).toBe(0);
    const emails = await outbox('offer-withdrawn', `offer-withdrawn:${id}`);
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ userId: owner.id });
    expect((emails[0]!.data as { reason: string }).reason).toBe('deleted');
  });
});
