// Matching's database path on the demo seed: the volunteers suggested for a known ask are the ones a person would
// pick, in that order, with reasons; the paused, the full, those who already offered or were invited and the ask's
// own organisation are left out; and the asks that fit a known volunteer. Also the rating summary's triggers.
import { beforeAll, describe, expect, it } from 'vitest';
import { clearDataCache } from '@/lib/cache/data-cache';
import { freshness } from '@/lib/cache/freshness';
import { PAGE_TAGS } from '@/lib/cache/page-tags';
import { FITTING_ASKS_LIMIT, volunteerDashboard } from '@/lib/dashboard/volunteer';
import { db } from '@/lib/db';
import { asksThatFit } from '@/lib/matching/asks-for-volunteer';
import { suggestVolunteers } from '@/lib/matching/volunteers-for-ask';
import { seedDatabase } from '@/prisma/seed/seed-database';
import { hearPageChanges, until } from '../support/page-changes';

const TODAY = new Date('2026-06-15T12:00:00Z');
const ids = (list: Array<{ volunteerId: string }>) => list.map((volunteer) => volunteer.volunteerId);
const user = (key: string) => `user-${key}-volunteers`;

beforeAll(async () => {
  await seedDatabase(db, TODAY);
});

describe('suggestVolunteers', () => {
  it('suggests the treasurers a person would pick for restricted funds, the one with her month free first', async () => {
    const suggested = await suggestVolunteers(db, 'ask-dementia-restricted-funds', { now: TODAY });
    // Deborah (expert in charity accounts, experienced in restricted funds, nothing booked) before Ruth (expert in
    // both, but one session already booked this month), then Graham (charity accounts only); related skills after.
    expect(ids(suggested).slice(0, 3)).toEqual([user('deborah-lewis'), user('ruth-adeyemi'), user('graham-fletcher')]);
    expect(suggested[0]).toMatchObject({ name: 'Deborah Lewis', headline: expect.any(String) });
    expect(suggested[0]!.reasons).toEqual(expect.arrayContaining(['Expert in Charity accounts and SORP', 'Has time this month']));
    expect(suggested[1]!.reasons).toContain('1 session free this month');
    expect(suggested.slice(3).every((volunteer) => volunteer.reasons[0]!.startsWith('Related: '))).toBe(true);
    // Sorted best first, scores in [0, 1].
    const scores = suggested.map((volunteer) => volunteer.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(scores.every((score) => score >= 0 && score <= 1)).toBe(true);
  });

  it('leaves out the paused volunteer and the ask’s own organisation', async () => {
    const suggested = await suggestVolunteers(db, 'ask-riverside-constitution', { now: TODAY });
    expect(suggested[0]).toMatchObject({ volunteerId: user('peter-grant') });
    expect(suggested[0]!.reasons.slice(0, 2)).toEqual(['Expert in Governing documents', 'Experienced in Charity law basics']);
    // Laura is an expert in charity law but paused; Tom volunteers too but is staff of Riverside Community Garden.
    expect(ids(suggested)).not.toContain(user('laura-fitzgerald'));
    expect(ids(suggested)).not.toContain('user-tom-riversidegarden');
    // Tom is suggested for other organisations' asks.
    expect(ids(await suggestVolunteers(db, 'ask-paws-dog-walk-risk', { now: TODAY }))).toContain('user-tom-riversidegarden');
  });

  it('leaves out volunteers who already offered, and those invited', async () => {
    // Owen is the GDPR expert, but his offer on this ask is waiting.
    const before = await suggestVolunteers(db, 'ask-kinship-helpline-gdpr', { now: TODAY });
    expect(ids(before)).not.toContain(user('owen-price'));
    expect(ids(before)[0]).toBe(user('kwame-asante'));

    await db.invitation.create({ data: { askId: 'ask-kinship-helpline-gdpr', volunteerId: user('kwame-asante') } });
    const after = await suggestVolunteers(db, 'ask-kinship-helpline-gdpr', { now: TODAY });
    expect(ids(after)).not.toContain(user('kwame-asante'));
    expect(ids(after).slice(0, 2)).toEqual([user('fatima-rahman'), user('ellie-simmons')]);
    // A caller can leave out more (someone just invited on another tab).
    const excluded = await suggestVolunteers(db, 'ask-kinship-helpline-gdpr', { now: TODAY, excludeIds: [user('fatima-rahman')] });
    expect(ids(excluded)[0]).toBe(user('ellie-simmons'));
  });

  it('leaves out a volunteer whose pending invitations fill their month', async () => {
    // Ruth gives two sessions a month and has one booked: one invitation elsewhere fills it.
    const invitation = await db.invitation.create({ data: { askId: 'ask-harbour-gift-aid-tins', volunteerId: user('ruth-adeyemi') } });
    const suggested = await suggestVolunteers(db, 'ask-dementia-restricted-funds', { now: TODAY });
    expect(ids(suggested)).not.toContain(user('ruth-adeyemi'));
    expect(ids(suggested).slice(0, 2)).toEqual([user('deborah-lewis'), user('graham-fletcher')]);
    // Declined, it no longer counts.
    await db.invitation.update({ where: { id: invitation.id }, data: { status: 'DECLINED' } });
    expect(ids(await suggestVolunteers(db, 'ask-dementia-restricted-funds', { now: TODAY })).slice(0, 3)).toContain(user('ruth-adeyemi'));
  });

  it('counts only this month’s meetings, in the volunteer’s zone', async () => {
    // Joanna's one booking is this month; a month later she has both sessions free again.
    const now = await suggestVolunteers(db, 'ask-safesteps-supervision', { now: TODAY });
    const later = await suggestVolunteers(db, 'ask-safesteps-supervision', { now: new Date('2026-07-15T12:00:00Z') });
    const joanna = (list: typeof now) => list.find((volunteer) => volunteer.volunteerId === user('joanna-szymanska'));
    expect(joanna(now)?.reasons).toContain('1 session free this month');
    expect(joanna(later)?.reasons).toContain('Has time this month');
  });

  it('leaves out a suspended volunteer', async () => {
    expect(ids(await suggestVolunteers(db, 'ask-harbour-supermarket', { now: TODAY }))[0]).toBe(user('emma-walsh'));
    await db.user.update({ where: { id: user('emma-walsh') }, data: { status: 'SUSPENDED' } });
    try {
      expect(ids(await suggestVolunteers(db, 'ask-harbour-supermarket', { now: TODAY }))).not.toContain(user('emma-walsh'));
    } finally {
      await db.user.update({ where: { id: user('emma-walsh') }, data: { status: 'ACTIVE' } });
    }
  });

  it('gives nothing for an unknown ask, and respects the limit', async () => {
    expect(await suggestVolunteers(db, 'no-such-ask', { now: TODAY })).toEqual([]);
    expect(await suggestVolunteers(db, 'ask-dementia-restricted-funds', { now: TODAY, limit: 2 })).toHaveLength(2);
  });
});

describe('asksThatFit', () => {
  it('finds the newsletter ask for the newsletter expert, with reasons, and nothing she cannot take', async () => {
    const asks = await asksThatFit(db, user('ellie-simmons'), { now: TODAY });
    expect(asks[0]).toMatchObject({
      askId: 'ask-shed-family-newsletter',
      title: 'Start a simple email newsletter for members’ families',
      organisationName: 'East Belfast Men’s Shed',
      durationMinutes: expect.any(Number),
      deadline: expect.any(Date),
    });
    expect(asks[0]!.reasons[0]).toBe('Expert in Email newsletters');
    const found = asks.map((ask) => ask.askId);
    // Her GDPR skill finds the helpline ask; the dementia ask (phone or in person) shares no medium with her.
    expect(found).toContain('ask-kinship-helpline-gdpr');
    expect(found).not.toContain('ask-dementia-restricted-funds');
    const listed = await db.ask.findMany({
      where: { id: { in: found } },
      select: { status: true, publishedAt: true, deadline: true, organisationVerified: true },
    });
    expect(listed.every((ask) => ask.status === 'OPEN' && ask.publishedAt && ask.deadline > TODAY && ask.organisationVerified)).toBe(true);
  });

  it('leaves out asks the volunteer offered on or was invited to, and their own organisation’s', async () => {
    const demo = (await asksThatFit(db, 'user-volunteer-halfhour', { now: TODAY })).map((ask) => ask.askId);
    expect(demo).not.toContain('ask-lottery-difference-question'); // the demo volunteer's offer waits there

    const tom = (await asksThatFit(db, 'user-tom-riversidegarden', { now: TODAY })).map((ask) => ask.askId);
    expect(tom).toContain('ask-safesteps-supervision');
    const own = await db.ask.findMany({ where: { organisation: { memberships: { some: { userId: 'user-tom-riversidegarden' } } } } });
    expect(own.length).toBeGreaterThan(0);
    expect(tom.filter((id) => own.some((ask) => ask.id === id))).toEqual([]);

    // Riverside's constitution ask needs a skill in his area (legal and compliance), but it is his own charity's.
    expect(own.map((ask) => ask.id)).toContain('ask-riverside-constitution');

    await db.invitation.create({ data: { askId: 'ask-safesteps-supervision', volunteerId: 'user-tom-riversidegarden' } });
    expect((await asksThatFit(db, 'user-tom-riversidegarden', { now: TODAY })).map((ask) => ask.askId)).not.toContain(
      'ask-safesteps-supervision',
    );
  });

  it('lists only listed asks: not one whose organisation is still being verified', async () => {
    // Nick is the fundraising-events expert the Paws dog walk needs, but Paws for Thought is not verified yet.
    const nick = (await asksThatFit(db, user('nick-townsend'), { now: TODAY })).map((ask) => ask.askId);
    expect(nick).not.toContain('ask-paws-dog-walk-risk');
    expect(nick).toContain('ask-harbour-supermarket');
  });

  it('gives nothing to the paused, and to someone with no volunteer profile', async () => {
    expect(await asksThatFit(db, user('laura-fitzgerald'), { now: TODAY })).toEqual([]);
    expect(await asksThatFit(db, 'no-such-user', { now: TODAY })).toEqual([]);
  });
});

describe('the rating summary on volunteer profiles', () => {
  const summary = (userId: string) =>
    db.volunteerProfile.findUniqueOrThrow({ where: { userId }, select: { ratingCount: true, ratingTotal: true } });

  it('matches the charities’ feedback after the seed, and follows changes to it', async () => {
    const rated = await db.feedback.findMany({
      where: { party: 'CHARITY', rating: { not: null } },
      select: { id: true, rating: true, meeting: { select: { id: true, volunteerId: true } } },
    });
    expect(rated.length).toBeGreaterThan(0);
    for (const feedback of rated) {
      const mine = rated.filter((other) => other.meeting.volunteerId === feedback.meeting.volunteerId);
      expect(await summary(feedback.meeting.volunteerId)).toEqual({
        ratingCount: mine.length,
        ratingTotal: mine.reduce((sum, other) => sum + other.rating!, 0),
      });
    }

    const [first] = rated;
    const before = await summary(first!.meeting.volunteerId);
    await db.feedback.update({ where: { id: first!.id }, data: { rating: 1 } });
    expect(await summary(first!.meeting.volunteerId)).toEqual({
      ratingCount: before.ratingCount,
      ratingTotal: before.ratingTotal - first!.rating! + 1,
    });
    // The volunteer's own feedback does not count; deleting the meeting takes its rating away.
    await db.meeting.delete({ where: { id: first!.meeting.id } });
    expect(await summary(first!.meeting.volunteerId)).toEqual({
      ratingCount: before.ratingCount - 1,
      ratingTotal: before.ratingTotal - first!.rating!,
    });
  });
});

describe('"best fit for me" on /asks', () => {
  it('ranks the asks matching the filters for the volunteer, with reasons, on one page', async () => {
    const { searchOpenAsks } = await import('@/lib/asks/browse');
    const { parseBrowseQuery } = await import('@/lib/asks/browse-query');
    const viewer = { hasVolunteerProfile: true, userId: user('ellie-simmons') };
    const ranked = await searchOpenAsks(parseBrowseQuery({ sort: 'best-fit' }), viewer, TODAY);
    expect(ranked).toMatchObject({ sort: 'best-fit', bestFitFallback: false });
    expect([ranked.previous, ranked.next]).toEqual([undefined, undefined]);
    expect(ranked.asks[0]!.id).toBe('ask-shed-family-newsletter');
    expect(ranked.fitReasons?.['ask-shed-family-newsletter']?.[0]).toBe('Expert in Email newsletters');
    expect(ranked.asks.map((ask) => ask.id)).toEqual(
      (await asksThatFit(db, user('ellie-simmons'), { now: TODAY })).map((ask) => ask.askId),
    );

    // The filters still apply: in Scotland only the helpline ask is left.
    const scotland = await searchOpenAsks(parseBrowseQuery({ sort: 'best-fit', region: 'SCOTLAND' }), viewer, TODAY);
    expect(scotland.asks.map((ask) => ask.id)).toEqual(['ask-kinship-helpline-gdpr']);
    expect(scotland.count).toEqual({ value: 1, capped: false });

    // A paused volunteer has nothing ranked: newest first, and the page says so.
    const paused = await searchOpenAsks(
      parseBrowseQuery({ sort: 'best-fit' }),
      { hasVolunteerProfile: true, userId: user('laura-fitzgerald') },
      TODAY,
    );
    expect(paused).toMatchObject({ sort: 'best-fit', bestFitFallback: true });
    expect(paused.fitReasons).toBeUndefined();
    expect(paused.asks.length).toBeGreaterThan(0);
  });
});

describe('narrowing thousands of holders fairly', () => {
  it('ranks a capped slice of a common skill’s experts, a different slice for each ask, the same for the same ask', async () => {
    const { EXACT_HOLDERS_PER_SKILL, rotationPoint } = await import('@/lib/matching/volunteers-for-ask');
    const category = await db.skillCategory.create({ data: { slug: 'fair-test', name: 'Fair test', description: 'Test area' } });
    const skill = await db.skill.create({ data: { slug: 'fair-skill', name: 'Fair skill', categoryId: category.id } });
    const holders = EXACT_HOLDERS_PER_SKILL * 3;
    const n = Array.from({ length: holders }, (_, i) => i);
    await db.user.createMany({ data: n.map((i) => ({ id: `fair-user-${i}`, email: `fair-${i}@test.example`, name: `Fair ${i}` })) });
    await db.volunteerProfile.createMany({
      data: n.map((i) => ({ id: `fair-profile-${i}`, userId: `fair-user-${i}`, headline: 'Fair', bio: 'Fair', media: ['VIDEO' as const] })),
    });
    await db.volunteerSkill.createMany({
      data: n.map((i) => ({
        volunteerProfileId: `fair-profile-${i}`,
        skillId: skill.id,
        level: i < 20 ? ('WORKING' as const) : ('EXPERT' as const),
      })),
    });
    const organisation = (await db.ask.findUniqueOrThrow({ where: { id: 'ask-harbour-supermarket' } })).organisationId;
    // Two asks whose points in the rotation are far apart.
    const askIds: string[] = [];
    for (let i = 0; askIds.length < 2; i++) {
      const id = `fair-ask-${i}`;
      if (askIds.length === 1 && Math.abs(rotationPoint(id) - rotationPoint(askIds[0]!)) < 2 ** 18) continue;
      askIds.push(id);
    }
    for (const id of askIds) {
      await db.ask.create({
        data: {
          id,
          organisationId: organisation,
          title: 'Fair ask',
          question: 'Which of you?',
          outcome: 'A fair pick.',
          media: ['VIDEO'],
          status: 'OPEN',
          publishedAt: TODAY,
          deadline: new Date(TODAY.getTime() + 20 * 86_400_000),
          skills: { create: [{ skillId: skill.id }] },
        },
      });
    }
    const [first, second] = await Promise.all(askIds.map((id) => suggestVolunteers(db, id, { now: TODAY, limit: 1000 })));
    // The cap: only EXACT_HOLDERS_PER_SKILL of the holders are ranked, all of them at the best level.
    expect(first).toHaveLength(EXACT_HOLDERS_PER_SKILL);
    expect(first!.filter((volunteer) => volunteer.reasons[0] !== 'Expert in Fair skill').map((v) => v.reasons)).toEqual([]);
    // Another ask meets another slice of the same experts; the same ask, the same one.
    const overlap = ids(first!).filter((id) => ids(second!).includes(id)).length;
    expect(overlap).toBeLessThan(EXACT_HOLDERS_PER_SKILL / 2);
    expect(ids(await suggestVolunteers(db, askIds[0]!, { now: TODAY, limit: 1000 }))).toEqual(ids(first!));
  });
});

describe('the copies kept on volunteer profiles', () => {
  it('keeps the skills and levels, sorted, and each skill row’s place in the rotation', async () => {
    const profileId = 'volunteer-tom-hughes';
    const copy = () => db.volunteerProfile.findUniqueOrThrow({ where: { id: profileId }, select: { skillIds: true, skillLevels: true } });
    const rows = () => db.volunteerSkill.findMany({ where: { volunteerProfileId: profileId }, orderBy: { skillId: 'asc' } });
    const expectCopy = async () => {
      const skills = await rows();
      expect(await copy()).toEqual({ skillIds: skills.map((row) => row.skillId), skillLevels: skills.map((row) => row.level) });
      return skills;
    };
    const before = await expectCopy();
    expect(before.length).toBeGreaterThan(1);
    expect(new Set(before.map((row) => row.rotation)).size).toBe(1); // one place per volunteer, whatever the skill
    expect(before[0]!.rotation).toBeGreaterThan(0);

    await db.volunteerSkill.create({ data: { volunteerProfileId: profileId, skillId: 'skill-gift-aid', level: 'WORKING', rotation: 7 } });
    const added = await expectCopy();
    expect(added.find((row) => row.skillId === 'skill-gift-aid')!.rotation).toBe(before[0]!.rotation); // not the app's 7
    await db.volunteerSkill.update({
      where: { volunteerProfileId_skillId: { volunteerProfileId: profileId, skillId: 'skill-gift-aid' } },
      data: { level: 'EXPERT' },
    });
    expect((await expectCopy()).find((row) => row.skillId === 'skill-gift-aid')!.level).toBe('EXPERT');
    await db.volunteerSkill.deleteMany({ where: { volunteerProfileId: profileId } });
    expect(await copy()).toEqual({ skillIds: [], skillLevels: [] });

    // Two changes at once: the second waits for the first's lock on the profile, then counts both.
    await Promise.all([
      db.$transaction(async (tx) => {
        await tx.volunteerSkill.create({ data: { volunteerProfileId: profileId, skillId: 'skill-gift-aid', level: 'EXPERT' } });
        await tx.$executeRaw`SELECT pg_sleep(0.3)`;
      }),
      new Promise((resolve) => setTimeout(resolve, 100)).then(() =>
        db.volunteerSkill.create({ data: { volunteerProfileId: profileId, skillId: 'skill-budgeting-cash-flow', level: 'WORKING' } }),
      ),
    ]);
    expect((await expectCopy()).map((row) => row.skillId)).toEqual(['skill-budgeting-cash-flow', 'skill-gift-aid']);
  });
});

describe('the dashboard’s asks that fit', () => {
  // lib/cache/data-cache.ts keeps results while this process's record of changes says they are fresh: hear the
  // database into it, as instrumentation.ts does in the app.
  hearPageChanges(freshness());
  const actorOf = (id: string) => db.user.findUniqueOrThrow({ where: { id }, select: { id: true, role: true, status: true } });

  it('are asksThatFit’s, from the volunteer row the dashboard reads in its own statement', async () => {
    const ellie = await actorOf(user('ellie-simmons'));
    const view = await volunteerDashboard(ellie, TODAY);
    expect(view!.fitting.length).toBeGreaterThan(0);
    expect(view!.fitting).toEqual(await asksThatFit(db, ellie.id, { now: TODAY, limit: FITTING_ASKS_LIMIT }));
  });

  it('are kept until the database says an ask they show or one needing the volunteer’s skills changed, or his own row does', async () => {
    clearDataCache();
    const nick = user('nick-townsend');
    // As the dashboard asks (lib/dashboard/volunteer.ts), at the seed's date.
    const fittingAsks = () => asksThatFit(db, nick, { now: TODAY, limit: FITTING_ASKS_LIMIT, cacheFor: 60_000 });
    const fitting = async () => (await fittingAsks()).map((a) => a.askId);
    const kept = await fittingAsks();
    expect(kept.length).toBeGreaterThan(0);
    expect(await fittingAsks()).toBe(kept); // the same list, not read again
    const { skillIds } = await db.volunteerProfile.findUniqueOrThrow({ where: { userId: nick }, select: { skillIds: true } });
    expect(skillIds.length).toBeGreaterThan(0);

    // A write to an ask neither shown nor needing one of his skills (nor a stage of a shown ask's project) is heard,
    // and the list is still kept.
    const unrelated = await db.ask.findFirstOrThrow({
      where: { id: { notIn: kept.map((a) => a.askId) }, projectId: null, NOT: { skillIds: { hasSome: skillIds } } },
      select: { id: true, title: true },
    });
    const beforeUnrelated = Date.now();
    await db.ask.update({ where: { id: unrelated.id }, data: { title: unrelated.title } });
    expect(await until(() => freshness().isStale({ renderedAt: beforeUnrelated, tags: [PAGE_TAGS.ask(unrelated.id)] }))).toBe(true);
    expect(await fittingAsks()).toBe(kept);

    // That ask comes to need one of his skills: it may rank first now, so the list is read again.
    await db.askSkill.create({ data: { askId: unrelated.id, skillId: skillIds[0]! } });
    try {
      expect(await until(async () => (await fittingAsks()) !== kept)).toBe(true);
    } finally {
      await db.askSkill.delete({ where: { askId_skillId: { askId: unrelated.id, skillId: skillIds[0]! } } });
    }

    // The top ask withdrawn, by any path (here plain Prisma, as SQL typed by an operator would be): the database says
    // so on commit and the next view reads afresh.
    const top = (await fitting())[0]!;
    await db.ask.update({ where: { id: top }, data: { status: 'WITHDRAWN' } });
    try {
      expect(await until(async () => !(await fitting()).includes(top))).toBe(true);
    } finally {
      await db.ask.update({ where: { id: top }, data: { status: 'OPEN' } });
    }
    // An invitation changes the volunteer's load, so his row, so the key: read afresh, though it changes no ask.
    const second = await fitting();
    await db.invitation.create({ data: { askId: second[0]!, volunteerId: nick } });
    expect(await fitting()).not.toContain(second[0]);
  });
});
