// Dashboard versions (docs/decisions/0015): the database adds a DashboardChange row for everyone whose
// dashboard a write changes, so a person's cached dashboard gets a new key, and only theirs. Each kind of
// row a dashboard shows is written here, and the people it should reach (and one it should not) are checked.
import { beforeAll, describe, expect, it } from 'vitest';
import { dashboardPageKey } from '@/lib/dashboard/page-key';
import { dashboardKeyForSession, pruneDashboardChanges } from '@/lib/dashboard/versions';
import { authSecret } from '@/lib/auth/secret';
import { db } from '@/lib/db';
import { createOffer, createSkill, createUser, createVolunteer } from '../support/factories';
import { addMember, createAskBy, createBookedMeeting, createCharity, giveFeedback } from '../support/meeting-factories';

type User = Awaited<ReturnType<typeof createUser>>;
const DAY = 86_400_000;

let owner: User, member: User, volunteer: User, bystander: User, otherOwner: User;
let organisationId: string;
let ask: { id: string; organisationId: string };

async function versions(): Promise<Record<string, bigint>> {
  const people = [owner, member, volunteer, bystander, otherOwner];
  const rows = await db.$queryRaw<Array<{ userId: string; version: bigint }>>`
    SELECT "userId", max(id) AS version FROM "DashboardChange" WHERE "userId" = ANY(${people.map((p) => p.id)}) GROUP BY "userId"`;
  const byId = new Map(rows.map((row) => [row.userId, row.version]));
  return Object.fromEntries(people.map((p) => [p.id, byId.get(p.id) ?? 0n]));
}

/** Who among the cast got a new dashboard version from `write`, by name. */
async function reached(write: () => Promise<unknown>): Promise<string[]> {
  const before = await versions();
  await write();
  const after = await versions();
  const names: Record<string, string> = {
    [owner.id]: 'owner',
    [member.id]: 'member',
    [volunteer.id]: 'volunteer',
    [bystander.id]: 'bystander',
    [otherOwner.id]: 'otherOwner',
  };
  return Object.keys(after)
    .filter((id) => after[id]! > before[id]!)
    .map((id) => names[id]!)
    .sort();
}

beforeAll(async () => {
  const charity = await createCharity(db);
  [owner, organisationId] = [charity.owner, charity.organisation.id];
  member = await addMember(db, organisationId);
  otherOwner = (await createCharity(db)).owner;
  volunteer = await createVolunteer(db, { onboardedAt: new Date() });
  bystander = await createVolunteer(db);
  ask = await createAskBy(db, organisationId, owner.id, { title: 'Check our cashbook' });
});

describe('a write reaches the dashboards that show it, and no others', () => {
  it('an offer: its volunteer and the ask’s staff', async () => {
    expect(await reached(() => createOffer(db, ask.id, volunteer.id))).toEqual(['member', 'owner', 'volunteer']);
    expect(
      await reached(() => db.offer.updateMany({ where: { askId: ask.id, volunteerId: volunteer.id }, data: { status: 'WITHDRAWN' } })),
    ).toEqual(['member', 'owner', 'volunteer']);
  });

  it('an ask: its staff, and the volunteers who offered on it or are invited to it', async () => {
    await db.invitation.create({ data: { askId: ask.id, volunteerId: bystander.id, invitedById: owner.id } });
    expect(await reached(() => db.ask.update({ where: { id: ask.id }, data: { deadline: new Date(Date.now() + 9 * DAY) } }))).toEqual([
      'bystander',
      'member',
      'owner',
      'volunteer',
    ]);
  });

  it('an invitation: the volunteer invited only', async () => {
    expect(
      await reached(() => db.invitation.updateMany({ where: { askId: ask.id, volunteerId: bystander.id }, data: { status: 'DECLINED' } })),
    ).toEqual(['bystander']);
  });

  it('a session, a move, feedback and a practice check: both sides of the session', async () => {
    let meetingId = '';
    expect(
      await reached(async () => {
        meetingId = (await createBookedMeeting(db, ask, volunteer.id, new Date(Date.now() - 2 * DAY), new Date(Date.now() - 9 * DAY))).id;
      }),
    ).toEqual(['member', 'owner', 'volunteer']);
    expect(await reached(() => db.meeting.update({ where: { id: meetingId }, data: { status: 'HELD' } }))).toEqual([
      'member',
      'owner',
      'volunteer',
    ]);
    expect(await reached(() => giveFeedback(db, meetingId, owner.id, 'CHARITY'))).toEqual(['member', 'owner', 'volunteer']);
    expect(
      await reached(() =>
        db.followUp.create({
          data: { meetingId, kind: 'PRACTICE_CHECK', dueAt: new Date(Date.now() + 14 * DAY), requestedById: owner.id },
        }),
      ),
    ).toEqual(['member', 'owner', 'volunteer']);
    expect(
      await reached(() =>
        db.meetingReschedule.create({
          data: {
            meetingId,
            proposedById: volunteer.id,
            proposedByParty: 'VOLUNTEER',
            previousStartsAt: new Date(Date.now() - 2 * DAY),
            startsAt: new Date(Date.now() + 3 * DAY),
            endsAt: new Date(Date.now() + 3 * DAY + 1_800_000),
          },
        }),
      ),
    ).toEqual(['member', 'owner', 'volunteer']);
  });

  it('a person’s own account, profile, skills and memberships: that person', async () => {
    expect(await reached(() => db.user.update({ where: { id: volunteer.id }, data: { name: 'Renamed' } }))).toEqual(['volunteer']);
    expect(await reached(() => db.volunteerProfile.update({ where: { userId: volunteer.id }, data: { monthlyCapacity: 5 } }))).toEqual([
      'volunteer',
    ]);
    const skill = await createSkill(db);
    const profile = await db.volunteerProfile.findUniqueOrThrow({ where: { userId: volunteer.id } });
    expect(
      await reached(() => db.volunteerSkill.create({ data: { volunteerProfileId: profile.id, skillId: skill.id, level: 'EXPERT' } })),
    ).toEqual(['volunteer']);
    expect(await reached(() => db.membership.create({ data: { organisationId, userId: bystander.id, role: 'MEMBER' } }))).toEqual([
      'bystander',
    ]);
  });

  it('an organisation: its staff', async () => {
    expect(await reached(() => db.organisation.update({ where: { id: organisationId }, data: { name: 'Renamed Trust' } }))).toEqual(
      expect.arrayContaining(['bystander', 'member', 'owner']),
    );
  });

  it('every table a dashboard reads has the trigger (a new one needs it too: docs/decisions/0015)', async () => {
    // One trigger per table keeps both dashboards and the public pages fresh (migration 20261207123000_page_changes):
    // the tables a dashboard reads, and those only the public pages read (Project, AskSkill, Skill, SkillCategory).
    const rows = await db.$queryRaw<Array<{ table: string; fn: string }>>`
      SELECT c.relname AS table, p.proname AS fn FROM pg_trigger t JOIN pg_class c ON c.oid = t.tgrelid JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE t.tgname LIKE '%\_cache\_change' AND NOT t.tgisinternal ORDER BY c.relname`;
    expect(rows.every((row) => row.fn === 'cache_change')).toBe(true);
    const dashboardTables = [
      'Ask',
      'Block', // a volunteer's asks that fit leave out the organisations a block stands between (issue 21)
      'Clinic', // a volunteer's clinics, a charity's seats and 'clinics that fit your open asks' (issue 22)
      'ClinicSeat',
      'ClinicSkill',
      'Feedback',
      'FollowUp',
      'Invitation',
      'Meeting',
      'MeetingReschedule',
      'Membership',
      'Offer',
      'Organisation',
      'User',
      'VolunteerProfile',
      'VolunteerSkill',
    ];
    expect(rows.map((row) => row.table).sort()).toEqual([...dashboardTables, 'AskSkill', 'Project', 'Skill', 'SkillCategory'].sort());
  });

  it('without its trigger, the same write reaches no one: the trigger, nothing else, keeps keys fresh', async () => {
    class Rollback extends Error {}
    let counted = -1;
    await db
      .$transaction(async (tx) => {
        await tx.$executeRawUnsafe('DROP TRIGGER "Offer_cache_change" ON "Offer"');
        const before = await tx.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "DashboardChange"`;
        await createOffer(tx, ask.id, bystander.id);
        const after = await tx.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "DashboardChange"`;
        counted = Number(after[0]!.n - before[0]!.n);
        throw new Rollback();
      })
      .catch((error: unknown) => {
        if (!(error instanceof Rollback)) throw error;
      });
    expect(counted).toBe(0);
  });
});

describe('the key proxy.ts makes from a session', () => {
  it('names the person at their current version, and changes when their dashboard does', async () => {
    const token = `versions-${volunteer.id}`;
    await db.session.create({ data: { sessionToken: token, userId: volunteer.id, expires: new Date(Date.now() + DAY) } });
    const [row] = await db.$queryRaw<Array<{ newest: bigint; rows: bigint }>>`
      SELECT max(id) AS newest, count(*) AS rows FROM "DashboardChange" WHERE "userId" = ${volunteer.id}`;
    const version = `${row!.newest}-${row!.rows}`;
    const key = await dashboardKeyForSession(token);
    expect(key).toBe(dashboardPageKey(authSecret(), { userId: volunteer.id, version }));
    await db.volunteerProfile.update({ where: { userId: volunteer.id }, data: { monthlyCapacity: 6 } });
    expect(await dashboardKeyForSession(token)).not.toBe(key);
  });

  it('changes for a change committed after a later one (ids are taken at the write, not the commit)', async () => {
    const token = `late-${volunteer.id}`;
    await db.session.create({ data: { sessionToken: token, userId: volunteer.id, expires: new Date(Date.now() + DAY) } });
    // The late transaction writes first (taking the lower id) and commits last.
    let release!: () => void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let written!: () => void;
    const wrote = new Promise<void>((resolve) => (written = resolve));
    const late = db.$transaction(async (tx) => {
      await tx.volunteerProfile.update({ where: { userId: volunteer.id }, data: { monthlyCapacity: 7 } });
      written();
      await held;
    });
    await wrote;
    await db.user.update({ where: { id: volunteer.id }, data: { name: 'Later but sooner' } });
    const seen = await dashboardKeyForSession(token);
    release();
    await late;
    expect(await dashboardKeyForSession(token)).not.toBe(seen);
  });

  it('gives none for an unknown or expired session, a suspended person, or one not yet onboarded', async () => {
    expect(await dashboardKeyForSession('no-such-token')).toBeNull();
    const expired = await createVolunteer(db, { onboardedAt: new Date() });
    await db.session.create({ data: { sessionToken: `expired-${expired.id}`, userId: expired.id, expires: new Date(Date.now() - 1) } });
    expect(await dashboardKeyForSession(`expired-${expired.id}`)).toBeNull();
    const suspended = await createVolunteer(db, { status: 'SUSPENDED', onboardedAt: new Date() });
    await db.session.create({
      data: { sessionToken: `suspended-${suspended.id}`, userId: suspended.id, expires: new Date(Date.now() + DAY) },
    });
    expect(await dashboardKeyForSession(`suspended-${suspended.id}`)).toBeNull();
    const fresh = await createUser(db, { onboardedAt: null });
    await db.session.create({ data: { sessionToken: `fresh-${fresh.id}`, userId: fresh.id, expires: new Date(Date.now() + DAY) } });
    expect(await dashboardKeyForSession(`fresh-${fresh.id}`)).toBeNull();
  });
});

describe('pruning', () => {
  it('keeps each person’s newest row, and drops a deleted account’s rows', async () => {
    const gone = await createVolunteer(db);
    await db.volunteerProfile.update({ where: { userId: gone.id }, data: { monthlyCapacity: 2 } });
    const before = await versions();
    await pruneDashboardChanges(db);
    expect(await versions()).toEqual(before); // the newest ids (the counts fall: one more render each)
    const rows = await db.$queryRaw<Array<{ n: bigint }>>`
      SELECT count(*) AS n FROM "DashboardChange" WHERE "userId" = ${volunteer.id}`;
    expect(rows[0]!.n).toBe(1n);
    await db.user.delete({ where: { id: gone.id } });
    await pruneDashboardChanges(db);
    const left = await db.$queryRaw<Array<{ n: bigint }>>`SELECT count(*) AS n FROM "DashboardChange" WHERE "userId" = ${gone.id}`;
    expect(left[0]!.n).toBe(0n);
  });
});
