// GET /api/v1/asks/<id>/matches: staff of the ask's organisation get the ranked volunteers as JSON; everyone else
// (signed out, another organisation, a suspended colleague, an unknown id) the same 404, so nothing leaks.
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { AccessDenied } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { createSkill, createUser, createVolunteer } from '../support/factories';
import { addMember, createAskBy, createCharity } from '../support/meeting-factories';

// The route reads the signed-in person from the session cookie; here the test says who that is.
const session = vi.hoisted(() => ({ user: null as unknown }));
vi.mock('@/lib/auth/session', () => ({
  getCurrentUser: async () => session.user,
  endAllSessions: async () => undefined,
  SESSION_COOKIES: [],
}));

const route = await import('@/app/api/v1/asks/[id]/matches/route');
const { suggestionsForStaff } = await import('@/lib/matching/queries');

type User = Awaited<ReturnType<typeof createUser>>;
let askId: string;
let staff: User, colleague: User, stranger: User, expert: User, learner: User, ownVolunteer: User;

async function get(id: string, as: User | null, query = '') {
  session.user = as;
  const response = await route.GET(new Request(`http://localhost/api/v1/asks/${id}/matches${query}`), {
    params: Promise.resolve({ id }),
  });
  return { status: response.status, cache: response.headers.get('cache-control'), body: await response.json() };
}

beforeAll(async () => {
  const skill = await createSkill(db);
  const { organisation, owner } = await createCharity(db);
  staff = owner;
  colleague = await addMember(db, organisation.id, { status: 'SUSPENDED' });
  stranger = (await createCharity(db)).owner;
  askId = (await createAskBy(db, organisation.id, owner.id, { status: 'OPEN', media: ['VIDEO'], needsSkills: [skill.id] })).id;
  const volunteer = async (name: string, level: 'EXPERT' | 'WORKING') => {
    const user = await createVolunteer(db, { name });
    const profile = await db.volunteerProfile.findUniqueOrThrow({ where: { userId: user.id } });
    await db.volunteerSkill.create({ data: { volunteerProfileId: profile.id, skillId: skill.id, level } });
    return user;
  };
  expert = await volunteer('Priya Expert', 'EXPERT');
  learner = await volunteer('Sam Learner', 'WORKING');
  ownVolunteer = await volunteer('Own Staff', 'EXPERT');
  await db.membership.create({ data: { organisationId: organisation.id, userId: ownVolunteer.id } });
});

describe('GET /api/v1/asks/{id}/matches', () => {
  it('gives the ask’s staff the ranked volunteers with names, scores and reasons', async () => {
    const { status, cache, body } = await get(askId, staff);
    expect(status).toBe(200);
    expect(cache).toBe('private, no-store');
    expect(body.askId).toBe(askId);
    expect(body.matches.map((match: { volunteerId: string }) => match.volunteerId)).toEqual([expert.id, learner.id]);
    expect(body.matches[0]).toEqual({
      volunteerId: expert.id,
      name: 'Priya Expert',
      headline: 'Tester',
      score: expect.any(Number),
      reasons: expect.arrayContaining([expect.stringMatching(/^Expert in /), 'Has time this month']),
    });
    expect(body.matches[0].score).toBeGreaterThan(body.matches[1].score);
    expect(body.matches[0].score).toBeLessThanOrEqual(1);
  });

  it('honours ?limit= and refuses nonsense with a 400 for staff only', async () => {
    expect((await get(askId, staff, '?limit=1')).body.matches).toHaveLength(1);
    expect((await get(askId, staff, '?limit=0')).status).toBe(400);
    expect((await get(askId, staff, '?limit=abc')).status).toBe(400);
    expect((await get(askId, stranger, '?limit=abc')).status).toBe(404);
  });

  it('gives everyone else the same JSON 404', async () => {
    const expected = { status: 404, cache: 'private, no-store', body: { error: 'Not found' } };
    expect(await get(askId, null)).toEqual(expected);
    expect(await get(askId, stranger)).toEqual(expected);
    expect(await get(askId, colleague)).toEqual(expected);
    expect(await get(askId, expert)).toEqual(expected);
    expect(await get('no-such-ask', staff)).toEqual(expected);
  });

  it('suggestionsForStaff refuses anyone but the ask’s staff', async () => {
    await expect(suggestionsForStaff(stranger, askId)).rejects.toBeInstanceOf(AccessDenied);
    await expect(suggestionsForStaff(colleague, askId)).rejects.toBeInstanceOf(AccessDenied);
    expect((await suggestionsForStaff(staff, askId)).map((match) => match.volunteerId)).not.toContain(ownVolunteer.id);
  });
});
