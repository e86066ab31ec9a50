// A volunteer's profile: skills with levels, how they meet, capacity, the directory, and pausing.
import { beforeAll, describe, expect, it } from 'vitest';
import { AccessDenied } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { liftVolunteerPause } from '@/lib/moderation/users';
import { pauseVolunteering, resumeVolunteering, saveVolunteerProfile } from '@/lib/volunteers/mutations';
import { getMyVolunteerProfile } from '@/lib/volunteers/queries';
import { createSkill, createUser } from '../support/factories';

let skills: Array<{ id: string }>;

beforeAll(async () => {
  skills = [];
  for (const slug of ['bid-review', 'cashbook-excel', 'gdpr']) skills.push(await createSkill(db, slug, 'test-category'));
});

const form = (overrides: Record<string, unknown> = {}) => ({
  headline: 'Bid writer, 12 years in the sector',
  bio: 'I ran the bids team at a national charity and now freelance.',
  [`skill:${skills[0]!.id}`]: 'EXPERT',
  [`skill:${skills[1]!.id}`]: 'WORKING',
  [`skill:${skills[2]!.id}`]: '',
  media: ['VIDEO', 'PHONE'],
  region: '',
  timeZone: 'Europe/London',
  monthlyCapacity: '3',
  isPublic: 'on',
  ...overrides,
});

describe('the volunteer profile', () => {
  it('is created with the chosen skills and levels, and saved again replacing them', async () => {
    const user = await createUser(db);
    expect(await saveVolunteerProfile(user, form())).toMatchObject({ ok: true, message: expect.stringMatching(/ready/) });
    const profile = await getMyVolunteerProfile(user);
    expect(profile).toMatchObject({
      headline: 'Bid writer, 12 years in the sector',
      monthlyCapacity: 3,
      isPublic: true,
      media: ['VIDEO', 'PHONE'],
    });
    expect(profile?.skills.map((s) => [s.skillId, s.level]).sort()).toEqual(
      [
        [skills[0]!.id, 'EXPERT'],
        [skills[1]!.id, 'WORKING'],
      ].sort(),
    );

    const again = await saveVolunteerProfile(
      user,
      form({ [`skill:${skills[1]!.id}`]: '', [`skill:${skills[2]!.id}`]: 'EXPERIENCED', isPublic: undefined }),
    );
    expect(again).toMatchObject({ ok: true, message: expect.stringMatching(/saved/) });
    const updated = await getMyVolunteerProfile(user);
    expect(updated?.isPublic).toBe(false);
    expect(updated?.skills.map((s) => s.skillId).sort()).toEqual([skills[0]!.id, skills[2]!.id].sort());
  });

  it('explains each problem beside its field and keeps the input', async () => {
    const user = await createUser(db);
    const result = await saveVolunteerProfile(
      user,
      form({
        headline: 'Hi',
        [`skill:${skills[0]!.id}`]: '',
        [`skill:${skills[1]!.id}`]: '',
        media: ['IN_PERSON'],
        region: '',
        timeZone: 'Mars/Olympus_Mons',
        monthlyCapacity: '40',
      }),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(Object.keys(result.fieldErrors).sort()).toEqual(['headline', 'monthlyCapacity', 'region', 'skills', 'timeZone']);
    expect(result.values).toMatchObject({ headline: 'Hi', monthlyCapacity: '40' });

    const inPerson = await saveVolunteerProfile(user, form({ media: 'IN_PERSON', region: '' }));
    expect(!inPerson.ok && inPerson.fieldErrors.region?.[0]).toMatch(/region/);
    expect(await getMyVolunteerProfile(user)).toBeNull();
  });

  it('refuses skills that are not in the taxonomy', async () => {
    const user = await createUser(db);
    const result = await saveVolunteerProfile(user, form({ 'skill:not-a-skill': 'EXPERT' }));
    expect(!result.ok && result.fieldErrors.skills?.[0]).toMatch(/not in our list/);
  });

  it('only ever writes the signed-in person’s own profile', async () => {
    const [me, someoneElse] = [await createUser(db), await createUser(db)];
    await saveVolunteerProfile(someoneElse, form({ headline: 'Someone else entirely' }));
    await saveVolunteerProfile(me, form({ userId: someoneElse.id, volunteerProfileId: 'x', noShowCount: '0' }));
    expect((await getMyVolunteerProfile(someoneElse))?.headline).toBe('Someone else entirely');
    expect((await db.volunteerProfile.findUniqueOrThrow({ where: { userId: me.id } })).noShowCount).toBe(0);
  });

  it('pauses in one click, optionally until a date, and resumes', async () => {
    const user = await createUser(db);
    expect(await pauseVolunteering(user, {})).toMatchObject({ ok: false, formError: expect.stringMatching(/profile first/) });
    await saveVolunteerProfile(user, form());

    expect(await pauseVolunteering(user, { pausedUntil: '2001-01-01' })).toMatchObject({
      ok: false,
      values: { pausedUntil: '2001-01-01' },
    });
    const until = new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10);
    expect(await pauseVolunteering(user, { pausedUntil: until })).toMatchObject({ ok: true });
    expect(await getMyVolunteerProfile(user)).toMatchObject({ pausedAt: expect.any(Date), pausedUntil: new Date(`${until}T00:00:00Z`) });

    expect(await resumeVolunteering(user)).toBe(true);
    expect(await getMyVolunteerProfile(user)).toMatchObject({ pausedAt: null, pausedUntil: null });
  });

  it('a pause HalfHour made for missed sessions is lifted by an admin, not by the volunteer', async () => {
    const user = await createUser(db);
    const admin = await createUser(db, { role: 'ADMIN' });
    expect((await saveVolunteerProfile(user, form())).ok).toBe(true);
    const reason = 'Paused because 3 of your sessions in the last 90 days were reported as missed.';
    await db.volunteerProfile.update({ where: { userId: user.id }, data: { pausedAt: new Date(), pausedReason: reason } });

    expect(await resumeVolunteering(user)).toBe(false);
    expect(await getMyVolunteerProfile(user)).toMatchObject({ pausedAt: expect.any(Date), pausedReason: reason });

    await expect(liftVolunteerPause(user, user.id)).rejects.toBeInstanceOf(AccessDenied);
    expect(await liftVolunteerPause(admin, user.id)).toEqual({ changed: true });
    expect(await getMyVolunteerProfile(user)).toMatchObject({ pausedAt: null, pausedReason: null });
    expect(await liftVolunteerPause(admin, user.id)).toEqual({ changed: false });
  });

  it('is closed to suspended users', async () => {
    const user = await createUser(db, { status: 'SUSPENDED' });
    await expect(saveVolunteerProfile(user, form())).rejects.toBeInstanceOf(AccessDenied);
  });
});
